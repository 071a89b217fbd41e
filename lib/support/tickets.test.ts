import { and, eq, inArray } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db';
import { auditLog, clientMembers, clients, events, messages, operatorUsers, supportTickets } from '@/db/schema';
import type { Ctx, PartnerCtx } from '@/lib/audit/context';
import { unseal } from '@/lib/crypto/secret-box';
import { makePartner, makeStaff, systemFor, uniqueEmail } from '@/test/factories';
import { pngImage } from '@/test/images';
import { getAttachment } from './attachments';
import { getTicket } from './get-ticket';
import { listTickets } from './list-tickets';
import { openTicket } from './open-ticket';
import { atSupportTime, slaTargets, openStatuses } from './policy';
import { replyToTicket } from './reply-to-ticket';
import { replyByLink, ticketByLink } from './reply-by-link';
import { verifyReplyLink } from './reply-link';
import { runSupportClocks } from './run-support-clocks';
import { ticketStatistics } from './statistics';
import { updateTicket } from './update-ticket';

const hour = 3_600_000;
const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

/** A partner with an owner and a client that has one member, and the member's context. */
async function partnerWithClient() {
  const partner = await makePartner('sup');
  const owner = await makeStaff(partner.id, 'owner');
  const [client] = await getDb().insert(clients).values({ partnerId: partner.id, name: 'Client Co', email: uniqueEmail('client'), status: 'active' }).returning();
  const [member] = await getDb().insert(clientMembers).values({ partnerId: partner.id, clientId: client!.id, email: uniqueEmail('member'), name: 'Mina Member' }).returning();
  const memberCtx: PartnerCtx = { partnerId: partner.id, actor: { type: 'client_member', id: member!.id, partnerId: partner.id, clientId: client!.id } };
  return { partner, owner, client: client!, member: member!, memberCtx };
}

async function makeOperator(): Promise<Ctx> {
  const [row] = await getDb().insert(operatorUsers).values({ email: uniqueEmail('operator'), name: 'Olga Operator', passwordHash: 'x' }).returning();
  return { actor: { type: 'operator', id: row!.id } };
}

/** The e-mails queued for an address, opened. */
async function mailTo(email: string) {
  const rows = await getDb().select().from(messages).where(eq(messages.recipient, email));
  return rows.map((row) => ({ subject: row.subject, template: row.template, clientId: row.clientId, ...(JSON.parse(unseal(row.sealedBody!)) as { html: string; text: string }) }));
}

// Each test opens tickets that queue e-mail and events: a busy machine needs more than the default.
describe('support tickets', { timeout: 60_000 }, () => {
  it('pauses the SLA clocks while pending on the requester and counts only working time', async () => {
    const { owner, memberCtx } = await partnerWithClient();
    const t0 = new Date('2030-01-01T08:00:00Z');
    const at = (h: number) => new Date(t0.getTime() + h * hour);
    const ticket = await atSupportTime(t0, () => openTicket(memberCtx, { subject: 'Calls drop', description: 'After 30 seconds', priority: 'high' }));
    expect(ticket.firstResponseDueAt).toEqual(at(4));
    // The team answers after 1 h and asks for a log: the clocks stop for 10 h while the client looks for it.
    const replied = await atSupportTime(at(1), () => replyToTicket(owner.ctx, ticket.id, { body: 'Can you send a call id?', status: 'pending' }));
    expect(replied.ticket).toMatchObject({ status: 'pending', firstResponseMs: hour });
    expect(replied.ticket.pausedSince).toEqual(at(1));
    // The worker sees nothing due while paused, though the wall clock is past the first-response target.
    const flags = async () => (await getTicket(owner.ctx, ticket.id)).ticket;
    await runSupportClocks(at(11));
    expect(await flags()).toMatchObject({ firstResponseBreachedAt: null, resolutionBreachedAt: null });
    const back = await atSupportTime(at(11), () => replyToTicket(memberCtx, ticket.id, { body: 'Call id 42' }));
    expect(back.ticket).toMatchObject({ status: 'open', pausedMs: 10 * hour, pausedSince: null });
    expect(back.ticket.resolutionDueAt).toEqual(at(24 + 10));
    // At 33 h wall clock only 23 h of working time have passed: no breach yet; at 35 h there is one, raised once.
    await runSupportClocks(at(33));
    expect((await flags()).resolutionBreachedAt).toBeNull();
    await runSupportClocks(at(35));
    expect((await flags()).resolutionBreachedAt).toEqual(at(35));
    await runSupportClocks(at(36));
    const solved = await atSupportTime(at(36), () => updateTicket(owner.ctx, ticket.id, { status: 'solved' }));
    expect(solved.resolutionMs).toBe(26 * hour);
    const raised = await getDb().select().from(events).where(and(eq(events.partnerId, ticket.partnerId), eq(events.type, 'ticket.sla_breached')));
    expect(raised.map((e) => e.data)).toEqual([expect.objectContaining({ ticket_id: ticket.id, metric: 'resolution', target_seconds: slaTargets.high.resolutionMs / 1000 })]);
  });

  it('flags a first reply that came late as a breach, and closes solved tickets after the configured days', async () => {
    const { owner, memberCtx } = await partnerWithClient();
    const t0 = new Date('2030-01-02T08:00:00Z');
    const ticket = await atSupportTime(t0, () => openTicket(memberCtx, { subject: 'Urgent outage', description: 'Nothing works', priority: 'urgent' }));
    const late = await atSupportTime(new Date(t0.getTime() + 2 * hour), () => replyToTicket(owner.ctx, ticket.id, { body: 'Looking now', status: 'solved' }));
    expect(late.ticket.firstResponseBreachedAt).not.toBeNull();
    const view = await getTicket(owner.ctx, ticket.id);
    expect(view.sla.firstResponse).toMatchObject({ met: false, breached: true });
    // Seven days (the default) after solving it closes itself, as the system.
    await runSupportClocks(new Date(t0.getTime() + 2 * hour + 6 * 24 * hour));
    expect((await getTicket(owner.ctx, ticket.id)).ticket.status).toBe('solved');
    await runSupportClocks(new Date(t0.getTime() + 3 * hour + 7 * 24 * hour));
    const closed = await getTicket(owner.ctx, ticket.id);
    expect(closed.ticket.status).toBe('closed');
    expect(closed.history.map((h) => h.kind)).toContain('auto_closed');
  });

  it('never shows the requester an internal note: not on its view, not in its e-mail, not in its files', async () => {
    const { owner, member, memberCtx, client } = await partnerWithClient();
    const ticket = await openTicket(memberCtx, { subject: 'Invoice wrong', description: 'Charged twice', category: 'billing' });
    await replyToTicket(owner.ctx, ticket.id, { body: 'Secret: client is on the watch list', internal: true }, [{ filename: 'note.png', contentType: 'image/png', bytes: pngImage(4, 4) }]);
    await replyToTicket(owner.ctx, ticket.id, { body: 'We are refunding the second charge.' });
    const mine = await getTicket(memberCtx, ticket.id);
    expect(mine.side).toBe('requester');
    expect(mine.messages.map((m) => m.body)).toEqual(['We are refunding the second charge.']);
    expect(mine.attachments).toEqual([]);
    expect(mine.history.map((h) => h.kind)).not.toContain('note_added');
    expect(JSON.stringify(mine)).not.toContain('watch list');
    const theirs = await getTicket(owner.ctx, ticket.id);
    expect(theirs.messages).toHaveLength(2);
    const noteFile = theirs.attachments[0]!;
    await expect(getAttachment(memberCtx, ticket.id, noteFile.id)).rejects.toMatchObject({ code: 'not_found' });
    await expect(getAttachment(owner.ctx, ticket.id, noteFile.id)).resolves.toMatchObject({ filename: 'note.png' });
    const mail = await mailTo(member.email);
    expect(mail.length).toBeGreaterThanOrEqual(2);
    for (const m of mail) expect(m.html + m.text).not.toContain('watch list');
    // Mail to a client's requester is the client's (its usage once sent).
    expect(mail.every((m) => m.clientId === client.id)).toBe(true);
    expect(mail.some((m) => m.text.includes('refunding the second charge'))).toBe(true);
    // The reply link in the mail is signed for this ticket and this address.
    const token = /\/support\/reply\/([A-Za-z0-9_.-]+)/.exec(mail.at(-1)!.text)![1]!;
    expect(verifyReplyLink(token)).toMatchObject({ ticketId: ticket.id, email: member.email });
    expect(verifyReplyLink(token.slice(0, -2) + (token.endsWith('AA') ? 'BB' : 'AA'))).toBeNull();
    // A requester cannot write one either.
    await expect(replyToTicket(memberCtx, ticket.id, { body: 'sneaky', internal: true })).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('keeps the operator’s notes from the partner that asked, and mails the partner in the operator’s brand', async () => {
    const { partner, owner, client } = await partnerWithClient();
    const operator = await makeOperator();
    const ticket = await openTicket(owner.ctx, { subject: 'KYC stuck', description: 'Client cannot finish KYC', priority: 'normal', category: 'kyc', clientId: client.id });
    expect(ticket).toMatchObject({ level: 'partner', clientId: client.id });
    await replyToTicket(operator, ticket.id, { body: 'Provider outage, internal only', internal: true });
    await replyToTicket(operator, ticket.id, { body: 'Fixed now, please retry.' });
    const view = await getTicket(owner.ctx, ticket.id);
    expect(view.messages.map((m) => m.body)).toEqual(['Fixed now, please retry.']);
    const replied = await getDb().select().from(events).where(and(eq(events.partnerId, partner.id), eq(events.type, 'ticket.replied')));
    expect(replied).toHaveLength(1);
    // Nor does the partner's audit log show that a note was written.
    const audited = await getDb().select({ action: auditLog.action }).from(auditLog).where(and(eq(auditLog.partnerId, partner.id), eq(auditLog.targetId, ticket.id)));
    expect(audited.map((a) => a.action)).not.toContain('ticket.note_added');
    const mail = await mailTo(owner.email);
    expect(mail.every((m) => !(m.html + m.text).includes('internal only'))).toBe(true);
    // The partner's own ticket stays the partner's mail, even when it is about a client.
    expect(mail.every((m) => m.clientId === null)).toBe(true);
    expect(mail.at(-1)!.text).not.toContain(partner.name);
  });

  it('refuses attachments that are not what they claim, and keeps the ones that are', async () => {
    const { memberCtx, owner } = await partnerWithClient();
    const open = (file: { filename: string; contentType?: string; bytes: Buffer }) => openTicket(memberCtx, { subject: 'With a file', description: 'See attached' }, [file]);
    await expect(open({ filename: 'invoice.pdf', contentType: 'application/pdf', bytes: Buffer.from('#!/bin/sh\nrm -rf /\n') })).rejects.toMatchObject({ code: 'validation_failed', fieldErrors: { 'attachments.0': expect.stringContaining('not a PNG') } });
    await expect(open({ filename: 'photo.png', contentType: 'image/png', bytes: pdf })).rejects.toMatchObject({ fieldErrors: { 'attachments.0': expect.stringContaining('claims to be image/png') } });
    await expect(open({ filename: 'photo.pdf', bytes: pngImage(2, 2) })).rejects.toMatchObject({ fieldErrors: { 'attachments.0': expect.stringContaining('named .pdf') } });
    await expect(open({ filename: 'page.svg', contentType: 'image/svg+xml', bytes: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>') })).rejects.toMatchObject({ code: 'validation_failed' });
    await expect(open({ filename: 'big.png', bytes: Buffer.concat([pngImage(2, 2), Buffer.alloc(5 * 1024 * 1024)]) })).rejects.toMatchObject({ fieldErrors: { 'attachments.0': expect.stringContaining('larger than') } });
    const ok = await open({ filename: 'log.pdf', contentType: 'application/pdf', bytes: pdf });
    const view = await getTicket(owner.ctx, ok.id);
    expect(view.attachments).toEqual([expect.objectContaining({ filename: 'log.pdf', contentType: 'application/pdf', bytes: pdf.length })]);
    expect((await getAttachment(memberCtx, ok.id, view.attachments[0]!.id)).content.equals(pdf)).toBe(true);
  });

  it('answers 404 for another partner’s, another client’s and the wrong level’s tickets', async () => {
    const a = await partnerWithClient();
    const b = await partnerWithClient();
    const operator = await makeOperator();
    const [otherClient] = await getDb().insert(clients).values({ partnerId: a.partner.id, name: 'Neighbour', email: uniqueEmail('n'), status: 'active' }).returning();
    const [neighbour] = await getDb().insert(clientMembers).values({ partnerId: a.partner.id, clientId: otherClient!.id, email: uniqueEmail('nm'), name: 'Nick' }).returning();
    const neighbourCtx: PartnerCtx = { partnerId: a.partner.id, actor: { type: 'client_member', id: neighbour!.id, partnerId: a.partner.id, clientId: otherClient!.id } };
    const clientTicket = await openTicket(a.memberCtx, { subject: 'Mine only', description: 'x' });
    const partnerTicket = await openTicket(a.owner.ctx, { subject: 'To the operator', description: 'y' });
    const notFound = { code: 'not_found' };
    for (const [ctx, id] of [
      [b.owner.ctx, clientTicket.id],
      [b.memberCtx, clientTicket.id],
      [neighbourCtx, clientTicket.id],
      [a.memberCtx, partnerTicket.id],
      [operator, clientTicket.id],
      [b.owner.ctx, partnerTicket.id],
    ] as const) {
      await expect(getTicket(ctx, id)).rejects.toMatchObject(notFound);
      await expect(replyToTicket(ctx, id, { body: 'hello' })).rejects.toMatchObject(notFound);
      await expect(updateTicket(ctx, id, { status: 'solved' })).rejects.toMatchObject(notFound);
    }
    // A forged context naming another partner is refused before any query.
    await expect(getTicket({ ...a.owner.ctx, partnerId: b.partner.id } as PartnerCtx, clientTicket.id)).rejects.toMatchObject({ code: 'forbidden' });
    // A client of another partner cannot be named on a ticket; nor a foreign assignee set.
    await expect(openTicket(a.owner.ctx, { subject: 'About them', description: 'z', clientId: b.client.id })).rejects.toMatchObject(notFound);
    await expect(updateTicket(a.owner.ctx, clientTicket.id, { assigneeId: b.owner.id })).rejects.toMatchObject({ code: 'validation_failed' });
    expect((await listTickets(neighbourCtx, {})).data).toEqual([]);
    expect((await listTickets(b.owner.ctx, {})).data).toEqual([]);
    expect((await listTickets(operator, { limit: 100 })).data.map((row) => row.ticket.id)).not.toContain(clientTicket.id);
  });

  it('counts statistics that equal a recount of the tickets one by one', async () => {
    const { partner, owner, memberCtx } = await partnerWithClient();
    const admin = await makeStaff(partner.id, 'admin');
    const t0 = new Date('2030-01-03T08:00:00Z');
    const priorities = ['low', 'normal', 'high', 'urgent', 'high', 'normal', 'urgent'] as const;
    const categories = ['technical', 'billing', 'kyc', 'numbers', 'whatsapp', 'other', 'technical'] as const;
    for (const [i, priority] of priorities.entries()) {
      const opened = new Date(t0.getTime() + i * hour);
      const ticket = await atSupportTime(opened, () => openTicket(memberCtx, { subject: `Ticket ${i}`, description: 'd', priority, category: categories[i] }));
      if (i % 2 === 0) await atSupportTime(new Date(opened.getTime() + (i + 1) * 0.75 * hour), () => replyToTicket(owner.ctx, ticket.id, { body: 'On it' }));
      if (i % 3 === 0) await atSupportTime(new Date(opened.getTime() + (i + 2) * hour), () => updateTicket(admin.ctx, ticket.id, { status: 'solved' }));
      if (i === 5) await atSupportTime(opened, () => updateTicket(owner.ctx, ticket.id, { status: 'on_hold', assigneeId: admin.id }));
    }
    const now = new Date(t0.getTime() + 40 * hour);
    await runSupportClocks(now);
    const stats = await atSupportTime(now, () => ticketStatistics(owner.ctx));
    const rows = await getDb().select().from(supportTickets).where(and(eq(supportTickets.partnerId, partner.id), eq(supportTickets.level, 'client')));
    const tally = (key: 'status' | 'priority' | 'category') => rows.reduce<Record<string, number>>((acc, r) => ({ ...acc, [r[key]]: (acc[r[key]] ?? 0) + 1 }), {});
    const median = (values: number[]) => {
      const s = [...values].sort((x, y) => x - y);
      if (!s.length) return null;
      const mid = Math.floor(s.length / 2);
      return Math.round((s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2) / 1000);
    };
    const open = rows.filter((r) => openStatuses.includes(r.status));
    const ages = open.map((r) => now.getTime() - r.createdAt.getTime());
    const breached = rows.filter((r) => r.firstResponseBreachedAt || r.resolutionBreachedAt).length;
    expect(stats.total).toBe(rows.length);
    expect(Object.fromEntries(Object.entries(stats.byStatus).filter(([, n]) => n))).toEqual(tally('status'));
    expect(Object.fromEntries(Object.entries(stats.byPriority).filter(([, n]) => n))).toEqual(tally('priority'));
    expect(Object.fromEntries(Object.entries(stats.byCategory).filter(([, n]) => n))).toEqual(tally('category'));
    expect(stats.medianFirstResponseSeconds).toBe(median(rows.flatMap((r) => (r.firstResponseMs === null ? [] : [r.firstResponseMs]))));
    expect(stats.medianResolutionSeconds).toBe(median(rows.flatMap((r) => (r.resolutionMs === null ? [] : [r.resolutionMs]))));
    expect(stats.breached).toBe(breached);
    expect(stats.breachRate).toBeCloseTo(breached / rows.length);
    expect(stats.backlog).toEqual({ open: open.length, oldestAgeSeconds: Math.round(Math.max(...ages) / 1000), medianAgeSeconds: median(ages) });
    expect(stats.perClient).toEqual([expect.objectContaining({ total: rows.length, open: open.length })]);
    expect(breached).toBeGreaterThan(0);
  });

  it('lets only the handling team assign, and only to its own members; the requester may only mark it solved', async () => {
    const { partner, owner, memberCtx } = await partnerWithClient();
    const ticket = await openTicket(memberCtx, { subject: 'Assign me', description: 'x' });
    await expect(updateTicket(memberCtx, ticket.id, { priority: 'urgent' })).rejects.toMatchObject({ code: 'forbidden' });
    const assigned = await updateTicket(owner.ctx, ticket.id, { assigneeId: owner.id, priority: 'urgent' });
    expect(assigned).toMatchObject({ assigneeId: owner.id, priority: 'urgent' });
    expect((await updateTicket(memberCtx, ticket.id, { status: 'solved' })).status).toBe('solved');
    await expect(updateTicket(owner.ctx, ticket.id, { status: 'pending' })).rejects.toMatchObject({ code: 'conflict' });
    const history = (await getTicket(owner.ctx, ticket.id)).history.map((h) => h.kind);
    expect(history).toEqual(expect.arrayContaining(['created', 'assigned', 'priority_changed', 'status_changed']));
    const types = (await getDb().select({ type: events.type }).from(events).where(and(eq(events.partnerId, partner.id), inArray(events.type, ['ticket.created', 'ticket.status_changed'])))).map((e) => e.type);
    expect(types.sort()).toEqual(['ticket.created', 'ticket.status_changed']);
    expect(systemFor(partner.id).partnerId).toBe(partner.id);
  });

  it('lets the requester answer from the signed link in its mail, on its partner’s host only, seeing public replies only', async () => {
    const a = await partnerWithClient();
    const b = await partnerWithClient();
    const ticket = await openTicket(a.memberCtx, { subject: 'Link reply', description: 'x' });
    await replyToTicket(a.owner.ctx, ticket.id, { body: 'Note for us only', internal: true });
    await replyToTicket(a.owner.ctx, ticket.id, { body: 'Which number?', status: 'pending' });
    const mail = await mailTo(a.member.email);
    const token = /\/support\/reply\/([A-Za-z0-9_.-]+)/.exec(mail.at(-1)!.text)![1]!;
    const host = { kind: 'partner' as const, partnerId: a.partner.id };
    const view = await ticketByLink(token, host);
    expect(view.messages.map((m) => m.body)).toEqual(['Which number?']);
    await expect(ticketByLink(token, { kind: 'partner', partnerId: b.partner.id })).rejects.toMatchObject({ code: 'not_found' });
    await expect(ticketByLink(token, { kind: 'platform' })).rejects.toMatchObject({ code: 'not_found' });
    await expect(ticketByLink(`${token}x`, host)).rejects.toMatchObject({ code: 'not_found' });
    const { ticket: after, message } = await replyByLink(token, host, { body: '+91 11 4310 4501', internal: true });
    expect(message).toMatchObject({ side: 'requester', visibility: 'public', authorName: 'Mina Member' });
    expect(after.status).toBe('open');
  });

  it('raises a breach once when two workers look at the same moment', async () => {
    const { partner, memberCtx } = await partnerWithClient();
    const t0 = new Date('2030-01-04T08:00:00Z');
    const ticket = await atSupportTime(t0, () => openTicket(memberCtx, { subject: 'Race', description: 'x', priority: 'urgent' }));
    const at = new Date(t0.getTime() + 2 * hour);
    await Promise.all([runSupportClocks(at), runSupportClocks(at), runSupportClocks(at)]);
    const raised = await getDb().select().from(events).where(and(eq(events.partnerId, partner.id), eq(events.type, 'ticket.sla_breached')));
    expect(raised.map((e) => e.data)).toEqual([expect.objectContaining({ ticket_id: ticket.id, metric: 'first_response' })]);
  });
});
