import { count, eq } from 'drizzle-orm';
import { getDb, inOneTransaction } from '@/db';
import { operatorUsers, partners } from '@/db/schema';
import { systemCtx } from '@/lib/audit/context';
import { updateBranding } from '@/lib/branding/update-branding';
import { seedClient } from '@/lib/clients/seed-client';
import { onboardDemoClient, type DemoClient } from './onboard-demo-client';
import { seedChannels } from './seed-channels';
import { seedAgents } from './seed-agents';
import { seedMasking } from './seed-masking';
import { seedMoney } from './seed-money';
import { seedInvoiceHistory, seedInvoices } from './seed-invoices';
import { seedUsage } from './seed-usage';
import { seedWhiteLabel } from './seed-white-label';
import { seedWhatsapp } from './seed-whatsapp';
import { seedSupport } from './seed-support';
import { seedNumbers } from './seed-numbers';
import { seedFlows } from './seed-flows';
import { seedTemplates } from './seed-templates';
import { seedPlans } from './seed-plans';
import { createOperator, findOperatorByEmail } from '@/lib/operators/manage-operators';
import { createPartner } from '@/lib/partners/create-partner';
import { addTeamMember } from '@/lib/team/add-team-member';
import { setPartnerUserPassword } from '@/lib/team/reset-password';
import { partnerUrl, platformUrl } from '@/lib/tenancy/urls';

/** Well-known demo logins, printed on first start. Only created in an empty database, or on request (`db:seed -- --force`). */
export const demoPassword = 'demo-password-1';

const demoPartners = [
  {
    slug: 'acme',
    name: 'Acme Telecom',
    tier: 'premium' as const,
    brand: { productName: 'Acme Connect', primaryColor: '#dc2626', secondaryColor: '#1f2937', supportEmail: 'support@acme.test' },
    owner: { email: 'owner@acme.test', name: 'Asha Mehta' },
    // Onboarded through the real KYC journey (simulated provider), so they look like any real client.
    clients: [
      { name: 'Bluebird Logistics', email: 'ops@bluebird.test', mobile: '9876500001', status: 'active', pan: 'AAACB4821K', businessType: 'company', aadhaar11: '23456789012', gst: 'verify' },
      { name: 'Chai Point Cafes', email: 'hello@chaipoint.test', mobile: '9876500002', status: 'active', pan: 'AABFC7310M', businessType: 'partnership_firm', aadhaar11: '34567890123', gst: 'verify' },
      { name: 'Delta Dental Clinic', email: 'front@deltadental.test', mobile: '9876500003', status: 'pending', pan: 'ABCPD5624Q', businessType: 'proprietorship', aadhaar11: '45678901234', gst: { skip: 'Turnover below the GST threshold' } },
    ] satisfies DemoClient[],
  },
  {
    slug: 'globex',
    name: 'Globex Communications',
    tier: 'standard' as const,
    brand: { productName: 'Globex Voice', primaryColor: '#059669', secondaryColor: '#0c4a6e', supportEmail: 'help@globex.test' },
    owner: { email: 'owner@globex.test', name: 'Gopal Rao' },
    clients: [
      { name: 'Evergreen Realty', email: 'sales@evergreen.test', mobile: '9876500004', status: 'active', pan: 'AAACE2468R', businessType: 'company', aadhaar11: '56789012345', gst: 'verify' },
      { name: 'Fresh Basket Grocers', email: 'orders@freshbasket.test', mobile: '9876500005', status: 'inactive', pan: 'ABCPF1357S', businessType: 'proprietorship', aadhaar11: '67890123456', gst: { skip: 'Not registered for GST' } },
    ] satisfies DemoClient[],
  },
];

export async function databaseIsEmpty(): Promise<boolean> {
  const db = getDb();
  const [[ops], [ptns]] = await Promise.all([db.select({ n: count() }).from(operatorUsers), db.select({ n: count() }).from(partners)]);
  return (ops?.n ?? 0) === 0 && (ptns?.n ?? 0) === 0;
}

const demoOperator = { email: 'operator@switchboard.test', name: 'Demo Operator' };

export type SeedResult = {
  /** Where and how to sign in to what was created. */
  logins: string[];
  /** What was left out because it already existed (only when adding to a database that has data). */
  skipped: string[];
};

/**
 * Creates the demo operator, two differently branded partners, their owners and a few clients; returns the logins.
 * All in one transaction, so a failure half-way leaves the database as it was (and still empty, so the next
 * start seeds it again). An operator or a partner slug that already exists is skipped, not overwritten.
 */
export async function seedDemo(): Promise<SeedResult> {
  return inOneTransaction(async () => {
    const result: SeedResult = { logins: [], skipped: [] };
    if (await findOperatorByEmail(demoOperator.email)) {
      result.skipped.push(`operator ${demoOperator.email} (already exists)`);
    } else {
      await createOperator(systemCtx, { ...demoOperator, password: demoPassword });
      result.logins.push(`Operator console: ${platformUrl('/admin')}  —  ${demoOperator.email} / ${demoPassword}`);
    }
    for (const [partnerIndex, demo] of demoPartners.entries()) {
      if (await slugTaken(demo.slug)) {
        result.skipped.push(`partner “${demo.slug}” (a partner with this slug already exists)`);
        continue;
      }
      const partner = await createPartner(systemCtx, { slug: demo.slug, name: demo.name, tier: demo.tier });
      const ctx = { ...systemCtx, partnerId: partner.id };
      await updateBranding(ctx, demo.brand);
      await addTeamMember(ctx, { ...demo.owner, role: 'owner', delivery: 'password' });
      await setPartnerUserPassword(systemCtx, { partnerId: partner.id, email: demo.owner.email, password: demoPassword });
      for (const client of demo.clients) {
        // A pending client is one imported before onboarding, whose registration stopped halfway: its page offers to continue.
        if (client.status === 'pending') await seedClient(ctx, { name: client.name, email: client.email, status: 'pending' });
        await onboardDemoClient(ctx, client, demoPassword);
      }
      // Balances, prices and a month of transactions and commissions (kept in its own module).
      await seedInvoiceHistory(partner.id);
      await seedMoney(partner.id);
      // Four months of history before it, metered as usage and charged, for the charts (kept in its own module).
      await seedUsage(partner.id);
      await seedChannels(partner.id);
      // The chat-bot product's plans, and workspaces with two months of renewals, an upgrade and pauses.
      await seedPlans(partner.id);
      // Linked WhatsApp numbers with schedules, one with a token about to expire.
      await seedWhatsapp(partner.id);
      // Agents across the wallboard's states, with today's calls, and a voice bot (kept in its own module).
      await seedAgents(partner.id, demoPassword);
      await seedSupport(partner.id, demoOperator.email);
      // Numbers bought for the clients (charged to the wallets just funded), working hours, quarantine, a hold.
      await seedNumbers(partner.id);
      // A flow on a demo number and a day of simulated calls through it.
      await seedFlows(partner.id);
      // A masking pool, sessions and their call legs (kept in its own module).
      await seedMasking(partner.id, partnerIndex);
      // Tax details and the last two months' GST invoices and credit notes (kept in its own module).
      await seedInvoices(partner.id, partnerIndex);
      // A template saved from one client's setup and installed into another (kept in its own module).
      await seedTemplates(partner.id);
      result.logins.push(`${demo.brand.productName} console: ${partnerUrl(demo.slug)}  —  ${demo.owner.email} / ${demoPassword}`);
      // E-mail wording, a sending domain, and a client's second member (kept in its own module).
      await seedWhiteLabel(partner.id, { slug: demo.slug, password: demoPassword });
    }
    return result;
  });
}

async function slugTaken(slug: string): Promise<boolean> {
  const [row] = await getDb().select({ n: count() }).from(partners).where(eq(partners.slug, slug));
  return (row?.n ?? 0) > 0;
}
