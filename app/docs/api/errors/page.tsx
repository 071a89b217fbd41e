import type { Metadata } from 'next';
import { ErrorCatalogue } from '@/components/api-docs/error-catalogue';
import { PlatformMark } from '@/components/api-docs/platform-mark';
import { getConfig } from '@/lib/config';

export function generateMetadata(): Metadata {
  return { title: `API error codes · ${getConfig().PLATFORM_NAME}` };
}

// GET /docs/api/errors on the platform host – where problem `type` URLs point
export default function PlatformApiErrorsPage() {
  const name = getConfig().PLATFORM_NAME;
  return <ErrorCatalogue brand={<PlatformMark name={name} />} productName={name} />;
}
