import type { Metadata } from 'next';
import Link from 'next/link';
import { LegsTable } from '@/components/masking/legs-table';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { requireConsoleSession } from '@/lib/auth/session';
import { listCallRecords } from '@/lib/calls/call-records';

export const metadata: Metadata = { title: 'Call records' };

export default async function CallRecordsPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const params = await searchParams;
  const { dataCtx } = await requireConsoleSession();
  const cursor = params.after && params.after.length <= 64 ? params.after : undefined;
  const page = await listCallRecords(dataCtx, { limit: 50, starting_after: cursor });
  const last = page.data.at(-1);
  return (
    <>
      <PageHeader title="Call records" description={<>Every call leg of your clients, with its duration, outcome and what it cost. <Link href="/masking" className="underline">Masking sessions</Link></>} />
      <Card>
        <LegsTable legs={page.data} caption="Call records" />
        {page.has_more && last ? <Link href={`/masking/calls?after=${last.id}`} className="mt-3 inline-block text-sm underline">Older calls</Link> : null}
      </Card>
    </>
  );
}
