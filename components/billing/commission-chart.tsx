import { formatInr } from '@/lib/ledger/format';
import { PlainTable } from '@/components/ui/plain-table';

export type ChartPoint = { period: string; commission: bigint; charges: number };

/**
 * Commission per day or month as server-rendered SVG bars: no chart library and no JavaScript in the browser.
 * The SVG is one labelled image (role="img" with a summary); the table after it holds every figure, so a
 * screen reader or a printout loses nothing.
 */
export function CommissionChart({ points, caption }: { points: ChartPoint[]; caption: string }) {
  const width = 640;
  const height = 200;
  const pad = { top: 12, right: 8, bottom: 28, left: 8 };
  const max = points.reduce((m, p) => (p.commission > m ? p.commission : m), 0n);
  const total = points.reduce((sum, p) => sum + p.commission, 0n);
  const slot = points.length ? (width - pad.left - pad.right) / points.length : 0;
  const scale = (v: bigint) => (max > 0n && v > 0n ? Number((v * 1000n) / max) / 1000 : 0) * (height - pad.top - pad.bottom);
  const labelEvery = Math.max(1, Math.ceil(points.length / 8));
  return (
    <figure className="space-y-3">
      {points.length ? (
        <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label={`${caption}: ${points.length} periods, ${formatInr(total)} in all, highest ${formatInr(max)}.`} className="h-auto w-full">
          <line x1={pad.left} x2={width - pad.right} y1={height - pad.bottom} y2={height - pad.bottom} className="stroke-slate-300" />
          {points.map((p, i) => {
            const h = scale(p.commission);
            const x = pad.left + i * slot + slot * 0.15;
            return (
              <g key={p.period}>
                <rect x={x} y={height - pad.bottom - h} width={slot * 0.7} height={h} className="fill-brand">
                  <title>{`${p.period}: ${formatInr(p.commission)}`}</title>
                </rect>
                {i % labelEvery === 0 ? (
                  <text x={x + slot * 0.35} y={height - 10} textAnchor="middle" className="fill-slate-600 text-[10px]">
                    {p.period.slice(5) || p.period}
                  </text>
                ) : null}
              </g>
            );
          })}
        </svg>
      ) : null}
      <figcaption className="sr-only">{caption}</figcaption>
      <PlainTable caption={`${caption}, as a table`} columns={[{ label: 'Period' }, { label: 'Charges', align: 'right' }, { label: 'Commission', align: 'right' }]} dense>
        {points.map((p) => (
          <tr key={p.period} className="border-b border-slate-100">
            <th scope="row" className="py-1.5 text-left font-normal tabular-nums">{p.period}</th>
            <td className="py-1.5 text-right tabular-nums">{p.charges}</td>
            <td className="py-1.5 text-right tabular-nums">{formatInr(p.commission)}</td>
          </tr>
        ))}
      </PlainTable>
    </figure>
  );
}
