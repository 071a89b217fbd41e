import { z } from 'zod';
import { advanceTestClockSchema, maxAdvanceMonths, type TestClock, type TestClockRun } from '@/lib/sandbox/test-clock';
import { defineOperation } from '../operation';
import { idOf, timestamp } from '../schemas';

const tag = 'Sandbox';

const testClockResource = z
  .object({
    object: z.literal('test_clock'),
    sandbox_id: idOf('ptn', 'Your sandbox (the partner your test keys act on).'),
    time: timestamp.meta({ description: 'The sandbox’s time: what the clock was advanced to, or real now once real time has passed that (or it never was).' }),
    advanced: z.boolean().meta({ description: 'True while the clock is ahead of real time.' }),
  })
  .meta({ id: 'TestClock' });

const clockExample = { object: 'test_clock', sandbox_id: 'ptn_01kaz3d4mqf2v8n6w0c1e5rj7t', time: '2026-12-31T19:00:00.000Z', advanced: true };

export function toTestClockResource(clock: TestClock) {
  return { object: 'test_clock' as const, sandbox_id: clock.sandboxId, time: clock.time.toISOString(), advanced: clock.advanced };
}

export function toTestClockAdvance(run: TestClockRun, clock: TestClock) {
  return {
    object: 'test_clock_advance' as const,
    from: run.from.toISOString(),
    to: run.to.toISOString(),
    ran: { renewals: run.renewals, failed_renewals: run.failedRenewals, dropped_to_free: run.droppedToFree, expired_clients: run.expiredClients, invoices: run.invoices, invoiced_months: run.invoicedMonths },
    test_clock: toTestClockResource(clock),
  };
}

const testModeOnly = 'A sandbox alone has a test clock: call with a test key (`sk_test_…`); a live key is answered `404 not_found`.';

export const getTestClockOperation = defineOperation({
  method: 'GET',
  path: '/sandbox/test_clock',
  operationId: 'getTestClock',
  summary: 'Read the sandbox’s test clock',
  description: `The time your sandbox’s periodic work (workspace renewals, validity expiries, monthly invoices) has been run up to. It reads as real now until you advance it, and again once real time passes it; a sandbox reset sets it back to real time. ${testModeOnly}`,
  tag,
  scope: 'sandbox:read',
  response: { status: 200, description: 'The clock.', schema: testClockResource, example: clockExample },
  errors: ['not_found'],
});

export const advanceTestClockOperation = defineOperation({
  method: 'POST',
  path: '/sandbox/test_clock/advance',
  operationId: 'advanceTestClock',
  summary: 'Advance the sandbox’s test clock',
  description: `Moves your sandbox’s clock forward to \`to\` (later than its current time, at most ${maxAdvanceMonths} months after it) and does, in the sandbox only and in one transaction, what the worker would have done by then, at each IST month’s start in between and at \`to\`: renews the workspaces whose period ended (charged at that instant, so they fall in that month), ends validity that ran out, and makes your invoices to your clients for every IST month that ended (each raising \`invoice.generated\`; none from us to you, since ours are numbered in our real GST series). Advancing again over the same months makes nothing twice. While the clock is ahead of real time, every request with a test key (and the console in test mode) runs at the clock’s time, so what it charges falls in the clock’s month. Raises \`sandbox.test_clock_advanced\`. ${testModeOnly}`,
  tag,
  scope: 'sandbox:write',
  body: advanceTestClockSchema,
  bodyExample: { to: '2027-01-01T00:30:00+05:30' },
  response: {
    status: 200,
    description: 'What ran, and the clock now.',
    schema: z
      .object({
        object: z.literal('test_clock_advance'),
        from: timestamp.meta({ description: 'The clock’s time before.' }),
        to: timestamp,
        ran: z.object({
          renewals: z.number().int().meta({ description: 'Workspaces renewed for a period that started by `to`.' }),
          failed_renewals: z.number().int().meta({ description: 'Renewals the client’s wallet or your balance could not pay (the workspace is paused).' }),
          dropped_to_free: z.number().int().meta({ description: 'Workspaces without auto-renew that fell to the free plan.' }),
          expired_clients: z.number().int().meta({ description: 'Clients whose validity ended.' }),
          invoices: z.number().int().meta({ description: 'Invoices and credit notes made.' }),
          invoiced_months: z.array(z.string()).meta({ description: 'The IST months (YYYY-MM) invoiced, each once it had ended; months invoiced before are listed too, and made nothing again.' }),
        }),
        test_clock: testClockResource,
      })
      .meta({ id: 'TestClockAdvance' }),
    example: {
      object: 'test_clock_advance',
      from: '2026-12-02T10:00:00.000Z',
      to: '2026-12-31T19:00:00.000Z',
      ran: { renewals: 1, failed_renewals: 0, dropped_to_free: 0, expired_clients: 0, invoices: 1, invoiced_months: ['2026-11', '2026-12'] },
      test_clock: clockExample,
    },
  },
  errors: ['not_found', 'forbidden'],
});
