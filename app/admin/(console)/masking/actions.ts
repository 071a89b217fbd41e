'use server';

import { revalidatePath } from 'next/cache';
import { operatorAction } from '@/lib/actions/context-actions';
import { fieldsOf } from '@/lib/actions/form-action';
import { formatInr } from '@/lib/ledger/format';
import { simulateCallAsOperator } from '@/lib/masking/operator-simulator';

export const simulateCallAction = operatorAction(async (ctx, formData) => {
  const result = await simulateCallAsOperator(ctx, fieldsOf(formData));
  revalidatePath('/admin/masking');
  const legs = result.legs.map((leg) => `${leg.leg.replace('_', ' ')}: ${leg.outcome ?? leg.status}, ${leg.durationSeconds} s, ${formatInr(leg.amount ?? 0n)}`).join('; ');
  return { message: `Call ${result.callId} bridged: ${result.legs.length} legs recorded (${legs}).` };
});
