import type { Metadata } from 'next';
import { UChatMigrationGuide } from '@/components/api-docs/uchat-migration-guide';
import { PlatformMark } from '@/components/api-docs/platform-mark';
import { getConfig } from '@/lib/config';

export function generateMetadata(): Metadata {
  return { title: `Migrating from UChat · ${getConfig().PLATFORM_NAME}` };
}

// GET /docs/api/migrating-from-uchat on the platform host – the UChat endpoint mapping
export default function PlatformUChatGuidePage() {
  const name = getConfig().PLATFORM_NAME;
  return <UChatMigrationGuide brand={<PlatformMark name={name} />} productName={name} origin={new URL(getConfig().PLATFORM_URL).origin} />;
}
