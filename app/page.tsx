import type { Metadata } from 'next';
import Link from 'next/link';
import { buttonClasses } from '@/components/ui/button';
import { getConfig } from '@/lib/config';

export function generateMetadata(): Metadata {
  return { title: getConfig().PLATFORM_NAME };
}

/** The platform host's landing page. Partner hosts never reach it (the proxy sends them to their own pages). */
export default function LandingPage() {
  const name = getConfig().PLATFORM_NAME;
  return (
    <main className="mx-auto flex min-h-dvh max-w-2xl flex-col justify-center gap-6 p-6">
      <h1 className="text-4xl font-semibold tracking-tight">{name}</h1>
      <p className="text-lg text-slate-600">
        The partner platform for virtual numbers, call flows, agents, voice bots and WhatsApp — resold under your own brand and domain.
      </p>
      <div>
        <Link href="/admin" className={buttonClasses()}>
          Operator console
        </Link>
      </div>
    </main>
  );
}
