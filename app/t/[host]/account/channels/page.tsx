import type { Metadata } from 'next';
import { PortalChannelsTable } from '@/components/portal/portal-channels-table';
import { PortalPager } from '@/components/portal/portal-pager';
import { Card } from '@/components/ui/card';
import { requirePortalSession } from '@/lib/auth/portal-session';
import { portalChannels } from '@/lib/portal/portal-services';
import { cursorPagination, parseCursorParams, type SearchParams } from '@/lib/tables/table-params';

export const metadata: Metadata = { title: 'WhatsApp channels' };

/** The client's WhatsApp channels: the phone on each, trial or live, and the days left. */
export default async function PortalChannelsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const { ctx, tenant } = await requirePortalSession();
  const cursor = parseCursorParams(await searchParams);
  const page = await portalChannels(ctx, { ...cursor, limit: 25 });
  return (
    <>
      <h1 className="text-2xl font-semibold">WhatsApp channels</h1>
      <Card title="Your channels" description={`Open a channel to connect its phone. For more days, contact ${tenant.brand.supportEmail ?? tenant.brand.productName}.`}>
        <div data-testid="portal-channels">
          <PortalChannelsTable channels={page.data} />
        </div>
        <PortalPager path="/account/channels" cursor={cursorPagination(cursor, page)} label="More channels" />
      </Card>
    </>
  );
}
