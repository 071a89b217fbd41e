import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { getDb } from '@/db';
import { clientMembers, clients, onboardingLinks, registrations } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record-audit';
import type { PartnerCtx } from '@/lib/audit/context';
import { requirePartnerRole } from '@/lib/auth/permissions';
import { AppError, invalid } from '@/lib/errors/app-error';
import { parseInput, type Untrusted } from '@/lib/errors/zod';
import { emitEvent } from '@/lib/events/emit-event';
import { sniffImageType } from '@/lib/branding/logo-image';
import { lockRegistration } from './registration-access';
import { registrationView, requirementsOf } from './requirements';
import { acceptSchema, maxSignatureBytes } from './schemas';

/** The drawn signature's bytes, checked to really be a PNG image of a sensible size. */
function signatureImage(dataUrl: string): Buffer {
  const bytes = Buffer.from(dataUrl.slice(dataUrl.indexOf(',') + 1), 'base64');
  if (bytes.length > maxSignatureBytes) throw invalid('signature', `The signature image is larger than ${maxSignatureBytes / 1024} KB.`);
  if (bytes.length < 67 || sniffImageType(bytes) !== 'image/png') throw invalid('signature', 'The signature is not a PNG image.');
  return bytes;
}

/**
 * Step 4: signed acceptance turns the registration into an active client, with an owner member who signs in
 * with the registration's e-mail and password. The registration row is locked, so two accepts at once create
 * one client; a repeated accept returns the same registration.
 */
export async function acceptRegistration(ctx: PartnerCtx, registrationId: string, input: Untrusted<z.input<typeof acceptSchema>>) {
  requirePartnerRole(ctx, 'member');
  const { signature } = parseInput(acceptSchema, input);
  const image = signatureImage(signature);
  const accepted = await getDb().transaction(async (tx) => {
    const registration = await lockRegistration(tx, ctx, registrationId);
    if (registration.status === 'completed') return registration;
    if (registration.status !== 'pending') throw new AppError('conflict', `This registration ${registration.status === 'cancelled' ? 'was cancelled' : 'has expired'}.`);
    const open = requirementsOf(registration);
    const missing = [...open.currently_due.filter((r) => r !== 'signature'), ...open.pending_verification];
    if (missing.length) throw new AppError('conflict', `KYC is not complete: ${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} still open.`);

    const now = new Date();
    // A pending client with this e-mail (added before onboarding) is the one being onboarded: it becomes active.
    const [pendingClient] = await tx
      .update(clients)
      .set({ name: registration.name, status: 'active', updatedAt: now })
      .where(and(eq(clients.partnerId, ctx.partnerId), eq(clients.email, registration.email), eq(clients.status, 'pending')))
      .returning();
    const [client] = pendingClient ? [pendingClient] : await tx.insert(clients).values({ partnerId: ctx.partnerId, name: registration.name, email: registration.email, status: 'active' }).returning();
    await tx.insert(clientMembers).values({ clientId: client!.id, partnerId: ctx.partnerId, email: registration.email, name: registration.name, role: 'owner', passwordHash: registration.passwordHash });
    const [after] = await tx
      .update(registrations)
      .set({ status: 'completed', acceptedAt: now, clientId: client!.id, signature: image, signatureSha256: createHash('sha256').update(image).digest('hex') })
      .where(eq(registrations.id, registration.id))
      .returning();
    if (registration.onboardingLinkId) {
      await tx.update(onboardingLinks).set({ status: 'used', clientId: client!.id }).where(eq(onboardingLinks.id, registration.onboardingLinkId));
    }
    await recordAudit(tx, ctx, { partnerId: ctx.partnerId, action: 'registration.accepted', targetType: 'registration', targetId: registration.id, after: { client_id: client!.id } });
    const change = pendingClient ? 'client.activated' : 'client.created';
    await recordAudit(tx, ctx, { partnerId: ctx.partnerId, action: change, targetType: 'client', targetId: client!.id, before: pendingClient ? { status: 'pending' } : undefined, after: { name: client!.name, email: client!.email, status: 'active' } });
    // client_id and onboarding_link_id let a partner that created the customer by link (the Flowmatix face's
    // POST customers answers the link's id) match this event to it.
    await emitEvent(tx, ctx.partnerId, change, { client: { id: client!.id, name: client!.name, email: client!.email, status: 'active' }, registration_id: registration.id, client_id: client!.id, onboarding_link_id: registration.onboardingLinkId ?? null });
    return after!;
  });
  return registrationView(accepted);
}
