import { linkColourFor, readableTextOn } from '@/lib/branding/contrast';

const valid = (colour: string, fallback: string) => (/^#[0-9a-f]{6}$/i.test(colour) ? colour : fallback);

/** A miniature console in the colours being edited. */
export function BrandPreview({ brand }: { brand: { productName: string; primaryColor: string; secondaryColor: string } }) {
  const primary = valid(brand.primaryColor, '#334155');
  const secondary = valid(brand.secondaryColor, '#0f172a');
  return (
    <figure aria-label="Preview" className="overflow-hidden rounded-lg border border-slate-200">
      <div className="flex h-56">
        <div className="w-28 space-y-2 p-3 text-xs" style={{ background: secondary, color: readableTextOn(secondary) }}>
          <p className="font-semibold">{brand.productName || 'Your product'}</p>
          <p className="rounded px-2 py-1" style={{ background: primary, color: readableTextOn(primary) }}>
            Dashboard
          </p>
          <p className="px-2 opacity-80">Clients</p>
          <p className="px-2 opacity-80">Team</p>
        </div>
        <div className="flex-1 space-y-3 bg-slate-50 p-4">
          <p className="text-sm font-semibold">Welcome back</p>
          <div className="h-10 rounded bg-white p-2 text-xs shadow-sm">
            <span className="underline" style={{ color: linkColourFor(primary) }}>
              A link
            </span>
          </div>
          <button type="button" tabIndex={-1} className="rounded px-3 py-1.5 text-xs font-medium" style={{ background: primary, color: readableTextOn(primary) }}>
            Primary action
          </button>
        </div>
      </div>
      <figcaption className="border-t border-slate-200 px-3 py-2 text-xs text-slate-600">Preview — nothing changes until you save.</figcaption>
    </figure>
  );
}
