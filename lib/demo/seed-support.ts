import { and, eq } from 'drizzle-orm';
import { getDb } from '@/db';
import { clientMembers, operatorUsers, partnerUsers } from '@/db/schema';
import type { Ctx, PartnerCtx } from '@/lib/audit/context';
import { listClients } from '@/lib/clients/manage-clients';
import { openTicket } from '@/lib/support/open-ticket';
import { atSupportTime } from '@/lib/support/policy';
import { replyToTicket } from '@/lib/support/reply-to-ticket';
import { updateTicket } from '@/lib/support/update-ticket';

const hourMs = 3_600_000;

// A tiny valid PNG (1×1) and PDF, so the demo shows attachments of both kinds.
const screenshot = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
const callLog = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');

/**
 * Support tickets for one demo partner, so each face has something to show: its clients' tickets in every status
 * (public replies, internal notes, a ticket pending on the client with its clock paused, a solved one, one that
 * missed its first-response target, files), and its own tickets with the platform answered by the operator.
 */
export async function seedSupport(partnerId: string, operatorEmail: string, now: Date = new Date()): Promise<void> {
  const db = getDb();
  const at = (hoursAgo: number) => new Date(now.getTime() - hoursAgo * hourMs);
  const ctx: PartnerCtx = { partnerId, actor: { type: 'system' } };
  const [owner] = await db.select().from(partnerUsers).where(and(eq(partnerUsers.partnerId, partnerId), eq(partnerUsers.role, 'owner')));
  if (!owner) return;
  const staff: PartnerCtx = { partnerId, actor: { type: 'partner_user', id: owner.id, partnerId, role: 'owner' } };
  const clientList = (await listClients(ctx, { status: 'active', limit: 20 })).data;
  for (const [index, client] of clientList.entries()) {
    const [member] = await db.select().from(clientMembers).where(and(eq(clientMembers.clientId, client.id), eq(clientMembers.partnerId, partnerId)));
    if (!member) continue;
    const asMember: PartnerCtx = { partnerId, actor: { type: 'client_member', id: member.id, partnerId, clientId: client.id } };
    const calls = await atSupportTime(at(50 - index), () =>
      openTicket(asMember, { subject: 'Calls drop after 30 seconds', description: 'Outbound calls from our main number cut off after about half a minute since yesterday.', priority: 'high', category: 'technical' }, [{ filename: 'dropped-call.png', contentType: 'image/png', bytes: screenshot }]),
    );
    await atSupportTime(at(49 - index), () => replyToTicket(staff, calls.id, { body: 'Carrier confirms a trunk fault on their side; ETA two hours.', internal: true }));
    await atSupportTime(at(49 - index), () => replyToTicket(staff, calls.id, { body: 'Thanks for reporting this. Could you send the time and number of one dropped call?', status: 'pending' }));
    if (index === 0) {
      await atSupportTime(at(30), () => replyToTicket(asMember, calls.id, { body: 'One at 14:05 to +91 98765 43210. Log attached.' }, [{ filename: 'call-log.pdf', contentType: 'application/pdf', bytes: callLog }]));
      await atSupportTime(at(29), () => replyToTicket(staff, calls.id, { body: 'Fixed: the carrier replaced the faulty trunk. Calls should hold now.', status: 'solved' }));
    }
    const invoice = await atSupportTime(at(20 + index), () => openTicket(asMember, { subject: 'Question about this month’s invoice', description: 'We see two rental charges for the same number.', priority: 'normal', category: 'billing' }));
    // Answered only after its 8-hour target, so the demo shows a missed first response.
    await atSupportTime(at(10 + index), () => replyToTicket(staff, invoice.id, { body: 'You are right; we are refunding the second charge.' }));
    await atSupportTime(at(10 + index), () => updateTicket(staff, invoice.id, { assigneeId: owner.id }));
    await atSupportTime(at(2), () => openTicket(asMember, { subject: 'How do we add a second agent?', description: 'We hired someone new and want them on the queue.', priority: 'low', category: 'other' }));
  }
  const [operator] = await db.select().from(operatorUsers).where(eq(operatorUsers.email, operatorEmail));
  const first = clientList[0];
  const kyc = await atSupportTime(at(26), () =>
    openTicket(staff, { subject: first ? `KYC check stuck for ${first.name}` : 'KYC check stuck', description: 'The GST step has shown “pending” for a day.', priority: 'urgent', category: 'kyc', clientId: first?.id }),
  );
  await atSupportTime(at(6), () => openTicket(staff, { subject: 'Raise our API rate limit', description: 'We are moving our CRM sync to the API and expect about 8,000 requests an hour.', priority: 'normal', category: 'technical' }));
  if (operator) {
    const asOperator: Ctx = { actor: { type: 'operator', id: operator.id } };
    await atSupportTime(at(25.5), () => replyToTicket(asOperator, kyc.id, { body: 'The GST provider had a backlog; escalated with them.', internal: true }));
    await atSupportTime(at(25.5), () => replyToTicket(asOperator, kyc.id, { body: 'The GST provider was delayed; the check has now gone through.', status: 'solved' }));
  }
}
