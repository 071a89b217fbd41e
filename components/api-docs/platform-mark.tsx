/** The platform host's counterpart of a partner's BrandMark: just the name. */
export function PlatformMark({ name }: { name: string }) {
  return <span className="font-semibold text-slate-900">{name}</span>;
}
