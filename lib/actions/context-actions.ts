import 'server-only';
import type { Ctx, PartnerCtx } from '@/lib/audit/context';
import { requireOperatorSession, requireStaffSession } from '@/lib/auth/session';
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

/** Server actions of the operator console. */
export function operatorAction<Data = unknown>(run: (ctx: Ctx, formData: FormData) => Promise<ActionOutcome<Data>>) {
  return formAction<Data>(async (formData) => {
    const { ctx } = await requireOperatorSession();
    return run(ctx, formData);
  });
}
