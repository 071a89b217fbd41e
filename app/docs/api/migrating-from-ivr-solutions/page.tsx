import type { Metadata } from 'next';
import { MigrationGuide } from '@/components/api-docs/migration-guide';
import { PlatformMark } from '@/components/api-docs/platform-mark';
import { getConfig } from '@/lib/config';

export function generateMetadata(): Metadata {
  return { title: `Migrating from IVR Solutions · ${getConfig().PLATFORM_NAME}` };
}

// GET /docs/api/migrating-from-ivr-solutions on the platform host – the IVR Solutions endpoint mapping
export default function PlatformMigrationGuidePage() {
  const name = getConfig().PLATFORM_NAME;
  return <MigrationGuide brand={<PlatformMark name={name} />} productName={name} origin={new URL(getConfig().PLATFORM_URL).origin} />;
}
