import { count } from 'drizzle-orm';
import { getDb } from '@/db';
import { operatorUsers, partners } from '@/db/schema';
import { systemCtx } from '@/lib/audit/context';
import { updateBranding } from '@/lib/branding/update-branding';
import { seedClient } from '@/lib/clients/seed-client';
import { createOperator } from '@/lib/operators/manage-operators';
import { createPartner } from '@/lib/partners/create-partner';
import { addTeamMember } from '@/lib/team/add-team-member';
import { setPartnerUserPassword } from '@/lib/team/reset-password';
import { partnerUrl, platformUrl } from '@/lib/tenancy/urls';

/** Well-known demo logins, printed on first start. Only ever created in a database that was empty. */
export const demoPassword = 'demo-password-1';

const demoPartners = [
  {
    slug: 'acme',
    name: 'Acme Telecom',
    tier: 'premium' as const,
    brand: { productName: 'Acme Connect', primaryColor: '#dc2626', secondaryColor: '#1f2937', supportEmail: 'support@acme.test' },
    owner: { email: 'owner@acme.test', name: 'Asha Mehta' },
    clients: [
      { name: 'Bluebird Logistics', email: 'ops@bluebird.test', status: 'active' as const },
      { name: 'Chai Point Cafes', email: 'hello@chaipoint.test', status: 'active' as const },
      { name: 'Delta Dental Clinic', email: 'front@deltadental.test', status: 'pending' as const },
    ],
  },
  {
    slug: 'globex',
    name: 'Globex Communications',
    tier: 'standard' as const,
    brand: { productName: 'Globex Voice', primaryColor: '#059669', secondaryColor: '#0c4a6e', supportEmail: 'help@globex.test' },
    owner: { email: 'owner@globex.test', name: 'Gopal Rao' },
    clients: [
      { name: 'Evergreen Realty', email: 'sales@evergreen.test', status: 'active' as const },
      { name: 'Fresh Basket Grocers', email: 'orders@freshbasket.test', status: 'inactive' as const },
    ],
  },
];

export async function databaseIsEmpty(): Promise<boolean> {
  const db = getDb();
  const [[ops], [ptns]] = await Promise.all([db.select({ n: count() }).from(operatorUsers), db.select({ n: count() }).from(partners)]);
  return (ops?.n ?? 0) === 0 && (ptns?.n ?? 0) === 0;
}

/** Creates the demo operator, two differently branded partners, their owners and a few clients; returns the logins. */
export async function seedDemo(): Promise<string[]> {
  const lines = [`Operator console: ${platformUrl('/admin')}  —  operator@switchboard.test / ${demoPassword}`];
  await createOperator(systemCtx, { email: 'operator@switchboard.test', name: 'Demo Operator', password: demoPassword });
  for (const demo of demoPartners) {
    const partner = await createPartner(systemCtx, { slug: demo.slug, name: demo.name, tier: demo.tier });
    const ctx = { ...systemCtx, partnerId: partner.id };
    await updateBranding(ctx, demo.brand);
    await addTeamMember(ctx, { ...demo.owner, role: 'owner', delivery: 'password' });
    await setPartnerUserPassword(systemCtx, { partnerId: partner.id, email: demo.owner.email, password: demoPassword });
    for (const client of demo.clients) {
      await seedClient(ctx, { ...client, owner: client.status === 'active' ? { name: `${client.name} owner`, password: demoPassword } : undefined });
    }
    lines.push(`${demo.brand.productName} console: ${partnerUrl(demo.slug)}  —  ${demo.owner.email} / ${demoPassword}`);
  }
  return lines;
}
