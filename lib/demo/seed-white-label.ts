import { and, asc, eq, sql } from 'drizzle-orm';
import { getDb } from '@/db';
import { channels, clientMembers, clients } from '@/db/schema';
import { systemCtx } from '@/lib/audit/context';
import { acceptMemberInvite } from '@/lib/client-members/accept-member-invite';
import { inviteClientMember } from '@/lib/client-members/manage-client-members';
import { saveEmailTemplate } from '@/lib/email-templates/manage-templates';
import { setSendingDomain } from '@/lib/sending-domains/manage-sending-domain';

/**
 * What the white-label features look like with data: the partner's own wording for the verification-code e-mail,
 * a sending domain waiting for its DNS records, and on its first active client a second member who joined by
 * invitation (signs in to the portal with the demo password) and one invitation still open. Returns the
 * member's login.
 */
export async function seedWhiteLabel(partnerId: string, input: { slug: string; password: string }): Promise<string | null> {
  const ctx = { ...systemCtx, partnerId };
  await saveEmailTemplate(ctx, 'otp', {
    subject: 'Your {{partner.product_name}} code',
    heading: 'Welcome to {{partner.product_name}}, {{recipient.name}}',
    body: 'Enter the code below to confirm your e-mail address. It works for {{otp.expires_in_minutes}} minutes.\n\nQuestions? Write to {{partner.support_email}}.',
  });
  await setSendingDomain(ctx, { domain: `mail.${input.slug}.example` });
  // The member's client is one with a WhatsApp channel when there is one, so the portal's tabs show data.
  const [client] = await getDb()
    .select({ id: clients.id })
    .from(clients)
    .innerJoin(clientMembers, and(eq(clientMembers.clientId, clients.id), eq(clientMembers.role, 'owner')))
    .where(and(eq(clients.partnerId, partnerId), eq(clients.status, 'active')))
    .orderBy(sql`exists (select 1 from ${channels} where ${channels.clientId} = ${clients.id}) desc`, asc(clients.id))
    .limit(1);
  if (!client) return null;
  const email = `member@${input.slug}.test`;
  const { inviteToken } = await inviteClientMember(ctx, client.id, { email, name: 'Meera Member' });
  await acceptMemberInvite(partnerId, { token: inviteToken, name: 'Meera Member', password: input.password });
  await inviteClientMember(ctx, client.id, { email: `invited@${input.slug}.test`, name: 'Ishaan Invited' });
  return email;
}
