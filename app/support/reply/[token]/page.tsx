import type { Metadata } from 'next';
import { ReplyLinkView } from '@/components/support/reply-link-view';
import { getConfig } from '@/lib/config';
import { AppError } from '@/lib/errors/app-error';
import { ticketByLink } from '@/lib/support/reply-by-link';
import { platformReplyByLinkAction } from './actions';

export const metadata: Metadata = { title: 'Your support ticket', robots: { index: false } };

// A partner's ticket with the platform, answered from the link in the platform's e-mail.
export default async function PlatformReplyLinkPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const view = await ticketByLink(token, { kind: 'platform' }).catch((error: unknown) => {
    if (error instanceof AppError && error.code === 'not_found') return null;
    throw error;
  });
  return <ReplyLinkView view={view} token={token} action={platformReplyByLinkAction} brand={<p className="font-semibold">{getConfig().PLATFORM_NAME} support</p>} />;
}
