import { asc, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db';
import { agentExtensionRanges, agents, auditLog, events } from '@/db/schema';
import { seedClient } from '@/lib/clients/seed-client';
import { makePartner, systemFor, unique } from '@/test/factories';
import { createAgent, deactivateAgent, getAgent, listAgents, updateAgent } from './manage-agents';

async function clientOf() {
  const partner = await makePartner('agt');
  const ctx = systemFor(partner.id);
  const client = await seedClient(ctx, { name: `Client ${unique()}`, email: `c-${unique()}@example.com`, status: 'active' });
  return { ctx, partner, client };
}

const agentInput = (overrides: Record<string, unknown> = {}) => ({ name: 'Asha Rao', email: `a-${unique()}@example.com`, phone: '9876543210', password: 'Secure-pass-1', ...overrides });

describe('agents', () => {
  it('creates an agent with the lowest free extension of the default range, E.164 phone, hashed password, an audit entry and an event', async () => {
    const { ctx, client } = await clientOf();
    const first = await createAgent(ctx, client.id, agentInput());
    const second = await createAgent(ctx, client.id, agentInput({ extension: '2003' }));
    const third = await createAgent(ctx, client.id, agentInput());
    expect([first.extension, second.extension, third.extension]).toEqual(['2001', '2003', '2002']);
    expect(first.phone).toBe('+919876543210');
    expect(first).not.toHaveProperty('passwordHash');
    const [row] = await getDb().select({ hash: agents.passwordHash }).from(agents).where(eq(agents.id, first.id));
    expect(row!.hash).toMatch(/^\$argon2/);
    const audit = await getDb().select().from(auditLog).where(eq(auditLog.targetId, first.id));
    expect(audit.map((a) => a.action)).toEqual(['agent.created']);
    expect(JSON.stringify(audit)).not.toContain('Secure-pass-1');
    const emitted = await getDb().select().from(events).where(eq(events.partnerId, ctx.partnerId));
    expect(emitted.filter((e) => e.type === 'agent.created')).toHaveLength(3);
  });

  it('gives 12 agents created at once 12 different extensions from the client’s own range', async () => {
    const { ctx, client } = await clientOf();
    await getDb().insert(agentExtensionRanges).values({ clientId: client.id, partnerId: ctx.partnerId, first: 500, last: 599 });
    const created = await Promise.all(Array.from({ length: 12 }, () => createAgent(ctx, client.id, agentInput())));
    const extensions = created.map((agent) => Number(agent.extension)).sort((a, b) => a - b);
    expect(extensions).toEqual(Array.from({ length: 12 }, (_, i) => 500 + i));
  }, 60_000); // twelve password hashes at once: slow on a busy machine

  it('refuses a taken extension or e-mail beside its field, also when two requests race for it', async () => {
    const { ctx, client } = await clientOf();
    const results = await Promise.allSettled([createAgent(ctx, client.id, agentInput({ extension: '3100' })), createAgent(ctx, client.id, agentInput({ extension: '3100' }))]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const failure = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(failure.reason).toMatchObject({ code: 'conflict', fieldErrors: { extension: expect.any(String) } });
    const email = `dup-${unique()}@example.com`;
    await createAgent(ctx, client.id, agentInput({ email }));
    await expect(createAgent(ctx, client.id, agentInput({ email }))).rejects.toMatchObject({ code: 'conflict', fieldErrors: { email: expect.any(String) } });
  });

  it('says which field is wrong', async () => {
    const { ctx, client } = await clientOf();
    await expect(createAgent(ctx, client.id, { name: '', email: 'nope', phone: '12', password: 'short', dialPreference: 'fax' })).rejects.toMatchObject({
      code: 'validation_failed',
      fieldErrors: { name: expect.any(String), email: expect.any(String), phone: expect.any(String), password: expect.any(String), dialPreference: expect.any(String) },
    });
    await expect(createAgent(ctx, client.id, agentInput({ managerId: 'agt_01kaz3d4mqf2v8n6w0c1e5rj7t' }))).rejects.toMatchObject({ fieldErrors: { managerId: expect.any(String) } });
  });

  it('links managers of the same client, edits, and deactivates keeping the row, its extension and its history', async () => {
    const { ctx, client } = await clientOf();
    const lead = await createAgent(ctx, client.id, agentInput({ permissionGroup: 'supervisor' }));
    const agent = await createAgent(ctx, client.id, agentInput({ managerId: lead.id, reportingManagerId: lead.id, dialPreference: 'phone', webrtc: false }));
    expect(agent).toMatchObject({ managerId: lead.id, dialPreference: 'phone', webrtc: false, permissionGroup: 'agent' });
    const edited = await updateAgent(ctx, agent.id, { name: 'Asha R.', password: 'Another-pass-2' });
    expect(edited.name).toBe('Asha R.');
    await expect(updateAgent(ctx, agent.id, { managerId: agent.id })).rejects.toMatchObject({ fieldErrors: { managerId: expect.any(String) } });
    const gone = await deactivateAgent(ctx, agent.id);
    expect(gone).toMatchObject({ status: 'inactive', availability: 'offline' });
    expect((await getAgent(ctx, agent.id)).extension).toBe(agent.extension);
    // The extension stays theirs: a new agent gets another.
    const next = await createAgent(ctx, client.id, agentInput());
    expect(next.extension).not.toBe(agent.extension);
    expect((await listAgents(ctx, { clientId: client.id, status: 'inactive' })).data.map((a) => a.id)).toEqual([agent.id]);
    const audit = await getDb().select({ action: auditLog.action, after: auditLog.after }).from(auditLog).where(eq(auditLog.targetId, agent.id)).orderBy(asc(auditLog.createdAt), asc(auditLog.id));
    expect(audit.map((a) => a.action)).toEqual(['agent.created', 'agent.updated', 'agent.deactivated']);
    expect(JSON.stringify(audit)).not.toContain('Another-pass-2');
  }, 60_000);

  it('answers 404 for another partner’s client and agent', async () => {
    const { ctx, client } = await clientOf();
    const agent = await createAgent(ctx, client.id, agentInput());
    const other = systemFor((await makePartner('agt-other')).id);
    await expect(createAgent(other, client.id, agentInput())).rejects.toMatchObject({ code: 'not_found' });
    await expect(getAgent(other, agent.id)).rejects.toMatchObject({ code: 'not_found' });
    await expect(updateAgent(other, agent.id, { name: 'x' })).rejects.toMatchObject({ code: 'not_found' });
    await expect(deactivateAgent(other, agent.id)).rejects.toMatchObject({ code: 'not_found' });
    expect((await listAgents(other, { clientId: client.id })).data).toEqual([]);
  });
});
