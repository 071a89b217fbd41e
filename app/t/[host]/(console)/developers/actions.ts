'use server';

import { revalidatePath } from 'next/cache';
import type { SecretData } from '@/components/console/secret-box';
import { partnerAction } from '@/lib/actions/context-actions';
import { fieldsOf, listOf } from '@/lib/actions/form-action';
import { createApiKey, revokeApiKey } from '@/lib/api-keys/manage-api-keys';
import { contextForEnvironment } from '@/lib/partners/sandbox';
import { resetSandbox } from '@/lib/sandbox/reset-sandbox';
import { formatIst, fromIstLocalInput } from '@/lib/sandbox/clock-input';
import { advanceTestClock } from '@/lib/sandbox/test-clock';
import { sampleLogins } from '@/lib/sandbox/seed-sandbox';

/** A date from `<input type="date">` means "until the end of that day" (UTC); anything else goes to the schema as typed. */
function endOfDay(value: string | undefined): string | undefined {
  if (!value) return undefined;
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T23:59:59.999Z` : value;
}

// API keys of both modes belong to the live partner (a test key acts on its sandbox), so these use the live ctx.
export const createApiKeyAction = partnerAction<SecretData>(async (ctx, formData) => {
  const fields = fieldsOf(formData);
  const { apiKey, secret } = await createApiKey(ctx, { name: fields.name, mode: fields.mode, scopes: listOf(formData, 'scopes'), expiresAt: endOfDay(fields.expiresAt) });
  revalidatePath('/developers');
  return {
    message: `Key “${apiKey.name}” created.`,
    data: {
      secret,
      label: `Its ${apiKey.mode} secret`,
      note: apiKey.mode === 'test' ? 'Test keys act on your sandbox only.' : 'Keep it on your servers; never put it in a web page or an app.',
    },
  };
});

export const revokeApiKeyAction = partnerAction(async (ctx, formData) => {
  await revokeApiKey(ctx, fieldsOf(formData).apiKeyId ?? '');
  revalidatePath('/developers');
  return { message: 'Key revoked. Requests with it are refused from now on.' };
});

// The sandbox is derived from the live partner, whatever the console's switch says.
export const resetSandboxAction = partnerAction(async (ctx) => {
  const reset = await resetSandbox(ctx);
  const { clients, numbers, agents, channels, calls, charges } = reset.contents;
  revalidatePath('/', 'layout');
  return {
    message: `Sandbox reset: ${clients} clients, ${numbers} numbers, ${agents} agents, ${channels} channel, ${calls} calls and ${charges} charges. Sample logins ${sampleLogins.join(', ')} sign in with ${reset.password}.`,
  };
});

// The sandbox is derived from the live partner, whatever the console's switch says; the form's time is India time.
export const advanceTestClockAction = partnerAction(async (ctx, formData) => {
  const run = await advanceTestClock(await contextForEnvironment(ctx, 'test'), { to: fromIstLocalInput(fieldsOf(formData).to) });
  revalidatePath('/', 'layout');
  const invoices = run.invoices === 1 ? '1 invoice' : `${run.invoices} invoices`;
  const renewals = run.renewals === 1 ? '1 workspace renewal' : `${run.renewals} workspace renewals`;
  return { message: `Test clock advanced to ${formatIst(run.to)} IST: ${renewals} and ${invoices} (for ${run.invoicedMonths.join(', ')}).` };
});
