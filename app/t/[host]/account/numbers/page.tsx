import type { Metadata } from 'next';
import { NumbersTable } from '@/components/numbers/numbers-table';
import { PortalPager } from '@/components/portal/portal-pager';
import { Card } from '@/components/ui/card';
import { requirePortalSession } from '@/lib/auth/portal-session';
import { portalNumbers } from '@/lib/portal/portal-services';
import { cursorPagination, parseCursorParams, type SearchParams } from '@/lib/tables/table-params';

export const metadata: Metadata = { title: 'Numbers' };

/** The client's own numbers, each with whether it is open now by its working hours. */
export default async function PortalNumbersPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const { ctx, tenant } = await requirePortalSession();
  const cursor = parseCursorParams(await searchParams);
  const page = await portalNumbers(ctx, { ...cursor, limit: 25 });
  return (
    <>
      <h1 className="text-2xl font-semibold">Numbers</h1>
      <Card title="Your numbers" description={`Status, and whether each number is open now. To get a number or change its hours, contact ${tenant.brand.supportEmail ?? tenant.brand.productName}.`}>
        <div className="overflow-x-auto" data-testid="portal-numbers">
          <NumbersTable numbers={page.data} canManage={false} hrefBase="/account/numbers" />
        </div>
        <PortalPager path="/account/numbers" cursor={cursorPagination(cursor, page)} label="More numbers" />
      </Card>
    </>
  );
}
