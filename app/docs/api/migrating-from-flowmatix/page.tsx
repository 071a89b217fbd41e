import type { Metadata } from 'next';
import { FlowmatixMigrationGuide } from '@/components/api-docs/flowmatix-migration-guide';
import { PlatformMark } from '@/components/api-docs/platform-mark';
import { getConfig } from '@/lib/config';

export function generateMetadata(): Metadata {
  return { title: `Migrating from Flowmatix · ${getConfig().PLATFORM_NAME}` };
}

// GET /docs/api/migrating-from-flowmatix on the platform host – the Flowmatix endpoint mapping
export default function PlatformFlowmatixGuidePage() {
  const name = getConfig().PLATFORM_NAME;
  return <FlowmatixMigrationGuide brand={<PlatformMark name={name} />} productName={name} origin={new URL(getConfig().PLATFORM_URL).origin} />;
}
