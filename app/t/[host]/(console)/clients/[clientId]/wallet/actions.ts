'use server';

import { revalidatePath } from 'next/cache';
import { consoleAction } from '@/lib/actions/context-actions';
import { fieldsOf } from '@/lib/actions/form-action';
import { addClientCredits } from '@/lib/ledger/client-credits';
import { formatInr } from '@/lib/ledger/format';
import { indiaLocalToIso, rupeesToPaise } from '@/lib/ledger/form-input';

// Wallets exist per environment: this acts through dataCtx, so test mode credits sandbox clients only.
export const addClientCreditsAction = consoleAction(async ({ dataCtx }, formData) => {
  const fields = fieldsOf(formData);
  const result = await addClientCredits(dataCtx, { clientId: fields.clientId, amount: rupeesToPaise(fields.amount, 'amount'), validTill: indiaLocalToIso(fields.validTill) });
  revalidatePath(`/clients/${encodeURIComponent(result.clientId)}/wallet`);
  const parts = [result.amount !== null ? `Added ${formatInr(result.amount)}; balance ${formatInr(result.balance ?? 0n)}` : null, result.validTill ? 'validity updated' : null].filter(Boolean);
  return { message: `${parts.join(', ')}.` };
});
