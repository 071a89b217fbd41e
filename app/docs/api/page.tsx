import type { Metadata } from 'next';
import { ApiReference } from '@/components/api-docs/api-reference';
import { PlatformMark } from '@/components/api-docs/platform-mark';
import { getConfig } from '@/lib/config';

export function generateMetadata(): Metadata {
  return { title: `API reference · ${getConfig().PLATFORM_NAME}` };
}

// GET /docs/api on the platform host – the partner REST API reference
export default function PlatformApiDocsPage() {
  const name = getConfig().PLATFORM_NAME;
  return <ApiReference brand={<PlatformMark name={name} />} productName={name} origin={new URL(getConfig().PLATFORM_URL).origin} />;
}
