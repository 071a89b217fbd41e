import { describe, expect, it } from 'vitest';
import { createWebhookEndpoint, listWebhookEndpoints } from '@/lib/webhooks/manage-endpoints';
import { makePartner, makeStaff } from '@/test/factories';
import { contextForEnvironment, ensureSandbox } from './sandbox';

describe('contextForEnvironment', () => {
  it('keeps a live context as it is', async () => {
    const partner = await makePartner('env');
    const owner = await makeStaff(partner.id, 'owner');
    expect(await contextForEnvironment(owner.ctx, 'live')).toBe(owner.ctx);
  });

  it('moves a user into the sandbox with the role they hold on the live partner', async () => {
    const partner = await makePartner('env');
    const admin = await makeStaff(partner.id, 'admin');
    const member = await makeStaff(partner.id, 'member');
    const sandbox = await ensureSandbox(partner.id);

    const adminTest = await contextForEnvironment(admin.ctx, 'test');
    expect(adminTest).toMatchObject({ partnerId: sandbox, actor: { type: 'partner_user', id: admin.id, partnerId: sandbox, role: 'admin' } });

    // What is made in test mode stays in the sandbox.
    const resolve = async () => [{ address: '93.184.216.34', family: 4 }];
    await createWebhookEndpoint(adminTest, { url: 'https://hooks.example.com/test', eventTypes: ['*'] }, { resolve });
    expect((await listWebhookEndpoints(adminTest)).data).toHaveLength(1);
    expect((await listWebhookEndpoints(admin.ctx)).data).toHaveLength(0);

    // And a member stays a member there.
    const memberTest = await contextForEnvironment(member.ctx, 'test');
    expect((await listWebhookEndpoints(memberTest)).data).toHaveLength(1);
    await expect(createWebhookEndpoint(memberTest, { url: 'https://hooks.example.com/other', eventTypes: ['*'] }, { resolve })).rejects.toMatchObject({ code: 'forbidden' });
  });
});
