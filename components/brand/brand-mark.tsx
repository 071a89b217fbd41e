import type { Tenant } from '@/lib/tenancy/resolve-host';

/** The partner's logo when it has one, else its product name set in its primary colour. */
export function BrandMark({ brand, size = 'md' }: { brand: Tenant['brand']; size?: 'md' | 'lg' }) {
  const height = size === 'lg' ? 'h-10' : 'h-8';
  return (
    <span className="inline-flex items-center gap-2">
      {brand.logoVersion ? (
        // Served from the partner's own host; a plain <img> because the optimiser would add nothing for a small logo.
        // eslint-disable-next-line @next/next/no-img-element
        <img src={`/brand/logo?v=${brand.logoVersion}`} alt="" className={`${height} w-auto`} />
      ) : (
        <span aria-hidden="true" className={`${height} inline-grid aspect-square place-items-center rounded-md bg-brand font-bold text-brand-contrast`}>
          {brand.productName.slice(0, 1).toUpperCase()}
        </span>
      )}
      <span className={size === 'lg' ? 'text-xl font-semibold' : 'font-semibold'} data-testid="product-name">
        {brand.productName}
      </span>
    </span>
  );
}
