import 'server-only';
import type { Ctx, PartnerCtx } from '@/lib/audit/context';
import { requireConsoleSession, requireOperatorSession, requireStaffSession, type ConsoleSession } from '@/lib/auth/session';
import { atTestClock } from '@/lib/sandbox/test-clock';
import { formAction, type ActionOutcome } from './form-action';

/**
 * Server actions of the partner console: the session is checked again here (an action can be posted without
 * the page that shows its form), and the same PartnerCtx the domain functions expect is built.
 */
export function partnerAction<Data = unknown>(run: (ctx: PartnerCtx, formData: FormData) => Promise<ActionOutcome<Data>>) {
  return formAction<Data>(async (formData) => {
    const { ctx } = await requireStaffSession();
    return run(ctx, formData);
  });
}

/**
 * Server actions on partner data that exists per environment: `session.dataCtx` acts on the live partner or,
 * with the console in test mode, on its sandbox; `session.ctx` is always the live partner.
 */
export function consoleAction<Data = unknown>(run: (session: Pick<ConsoleSession, 'ctx' | 'dataCtx' | 'environment'>, formData: FormData) => Promise<ActionOutcome<Data>>) {
  return formAction<Data>(async (formData) => {
    const { ctx, dataCtx, environment } = await requireConsoleSession();
    // In test mode the action lives at the sandbox's test clock (lib/sandbox/test-clock.ts).
    const work = () => run({ ctx, dataCtx, environment }, formData);
    return environment === 'test' ? atTestClock(dataCtx.partnerId, work) : work();
  });
}

/** Server actions of the operator console. */
export function operatorAction<Data = unknown>(run: (ctx: Ctx, formData: FormData) => Promise<ActionOutcome<Data>>) {
  return formAction<Data>(async (formData) => {
    const { ctx } = await requireOperatorSession();
    return run(ctx, formData);
  });
}
