import type { Metadata } from 'next';
import { PortalPager } from '@/components/portal/portal-pager';
import { Card } from '@/components/ui/card';
import { WhatsappNumbersTable } from '@/components/whatsapp/numbers-table';
import { requirePortalSession } from '@/lib/auth/portal-session';
import { portalWhatsappNumbers } from '@/lib/portal/portal-services';
import { cursorPagination, parseCursorParams, type SearchParams } from '@/lib/tables/table-params';

export const metadata: Metadata = { title: 'WhatsApp numbers' };

/** The client's WhatsApp Business numbers with their health, token expiry and hours. */
export default async function PortalWhatsappPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const { ctx } = await requirePortalSession();
  const cursor = parseCursorParams(await searchParams);
  const page = await portalWhatsappNumbers(ctx, { ...cursor, limit: 25 });
  const numbers = page.data.map((entry) => entry.number);
  return (
    <>
      <h1 className="text-2xl font-semibold">WhatsApp numbers</h1>
      <Card title="Your WhatsApp Business numbers" description="Their health as Meta reported it at the last daily check, and whether each is inside its working hours now.">
        <div data-testid="portal-whatsapp">
          <WhatsappNumbersTable items={page.data} hrefBase="/account/whatsapp" />
        </div>
        <PortalPager path="/account/whatsapp" cursor={cursorPagination(cursor, { data: numbers, has_more: page.has_more })} label="More WhatsApp numbers" />
      </Card>
    </>
  );
}
