/** Preformatted code with a label; copied by selecting, so no client script is needed. */
export function CodeBlock({ label, children }: { label: string; children: string }) {
  return (
    <figure className="overflow-hidden rounded-md border border-slate-800 bg-slate-900">
      <figcaption className="border-b border-slate-700 px-3 py-1.5 text-xs font-medium text-slate-300">{label}</figcaption>
      <pre className="overflow-x-auto p-3 font-mono text-xs leading-5 text-slate-100">
        <code>{children}</code>
      </pre>
    </figure>
  );
}
