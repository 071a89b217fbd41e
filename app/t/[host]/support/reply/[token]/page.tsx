import type { Metadata } from 'next';
import { BrandMark } from '@/components/brand/brand-mark';
import { ReplyLinkView } from '@/components/support/reply-link-view';
import { currentTenant } from '@/lib/auth/session';
import { AppError } from '@/lib/errors/app-error';
import { ticketByLink } from '@/lib/support/reply-by-link';
import { replyByLinkAction } from './actions';

export const metadata: Metadata = { title: 'Your support ticket', robots: { index: false } };

export default async function PartnerReplyLinkPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const tenant = await currentTenant();
  if (!tenant) return null; // the layout has already answered 404
  const view = await ticketByLink(token, { kind: 'partner', partnerId: tenant.partnerId }).catch((error: unknown) => {
    if (error instanceof AppError && error.code === 'not_found') return null;
    throw error;
  });
  return <ReplyLinkView view={view} token={token} action={replyByLinkAction} brand={<BrandMark brand={tenant.brand} />} />;
}
