import { scaleBand, scaleLinear } from 'd3-scale';
import { line } from 'd3-shape';
import { useId } from 'react';

export type ChartSeries = { key: string; label: string; colour: string; kind?: 'bar' | 'line' };
export type ChartRow = { label: string; values: Record<string, number> };

type Props = {
  title: string;
  /** Says what the chart shows in a sentence, for screen readers (and as its caption). */
  summary: string;
  series: ChartSeries[];
  rows: ChartRow[];
  /** Formats a value for the axis (short) and the table (exact). */
  format: (value: number) => string;
  axisFormat?: (value: number) => string;
  testId?: string;
};

const width = 640;
const height = 240;
const margin = { top: 12, right: 8, bottom: 28, left: 56 };

/**
 * A chart drawn on the server as SVG (d3 computes the scales and paths; nothing of it reaches the browser), in a
 * viewBox that scales to any width, so a phone draws the same chart smaller. Bars stand side by side per row;
 * a `line` series is drawn over them. Its numbers follow in a table, which is what a screen reader reads (the
 * SVG is one labelled image).
 */
export function BarChart({ title, summary, series, rows, format, axisFormat = format, testId }: Props) {
  const id = useId();
  const bars = series.filter((s) => s.kind !== 'line');
  const lines = series.filter((s) => s.kind === 'line');
  const values = rows.flatMap((row) => series.map((s) => row.values[s.key] ?? 0));
  const [min, max] = [Math.min(0, ...values), Math.max(1, ...values)];
  const x = scaleBand<string>()
    .domain(rows.map((r) => r.label))
    .range([margin.left, width - margin.right])
    .padding(0.2);
  const inner = scaleBand<string>()
    .domain(bars.map((s) => s.key))
    .range([0, x.bandwidth()])
    .padding(0.08);
  const y = scaleLinear().domain([min, max]).nice().range([height - margin.bottom, margin.top]);
  const ticks = y.ticks(4);
  // Label every row when few, else every nth, so labels never overlap at phone width.
  const every = Math.max(1, Math.ceil(rows.length / 8));
  return (
    <figure className="min-w-0" data-testid={testId}>
      <svg viewBox={`0 0 ${width} ${height}`} className="h-auto w-full" role="img" aria-labelledby={`${id}-t ${id}-d`}>
        <title id={`${id}-t`}>{title}</title>
        <desc id={`${id}-d`}>{summary}</desc>
        {ticks.map((tick) => (
          <g key={tick} transform={`translate(0 ${y(tick)})`}>
            <line x1={margin.left} x2={width - margin.right} stroke={tick === 0 ? '#94a3b8' : '#e2e8f0'} />
            <text x={margin.left - 6} dy="0.32em" textAnchor="end" fontSize="12" fill="#475569">
              {axisFormat(tick)}
            </text>
          </g>
        ))}
        {rows.map((row, index) => (
          <g key={row.label} transform={`translate(${x(row.label)} 0)`}>
            {bars.map((s) => {
              const value = row.values[s.key] ?? 0;
              const top = y(Math.max(0, value));
              return <rect key={s.key} x={inner(s.key)} y={top} width={inner.bandwidth()} height={Math.max(0, Math.abs(y(value) - y(0)))} fill={s.colour} rx="2" />;
            })}
            {index % every === 0 ? (
              <text x={x.bandwidth() / 2} y={height - 8} textAnchor="middle" fontSize="12" fill="#475569">
                {row.label}
              </text>
            ) : null}
          </g>
        ))}
        {lines.map((s) => {
          const path = line<ChartRow>()
            .x((row) => (x(row.label) ?? 0) + x.bandwidth() / 2)
            .y((row) => y(row.values[s.key] ?? 0))(rows);
          return (
            <g key={s.key}>
              {path ? <path d={path} fill="none" stroke={s.colour} strokeWidth="2.5" /> : null}
              {rows.map((row) => (
                <circle key={row.label} cx={(x(row.label) ?? 0) + x.bandwidth() / 2} cy={y(row.values[s.key] ?? 0)} r="3.5" fill={s.colour} />
              ))}
            </g>
          );
        })}
      </svg>
      <figcaption className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-600">
        {series.map((s) => (
          <span key={s.key} className="inline-flex items-center gap-1.5">
            <span aria-hidden="true" className={s.kind === 'line' ? 'inline-block h-0.5 w-4' : 'inline-block size-3 rounded-sm'} style={{ backgroundColor: s.colour }} />
            {s.label}
          </span>
        ))}
      </figcaption>
      <div className="mt-3 overflow-x-auto">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">{title}: the numbers</caption>
          <thead>
            <tr className="border-b border-slate-200 text-slate-600">
              <th scope="col" className="py-1 pr-3 font-medium">
                Period
              </th>
              {series.map((s) => (
                <th key={s.key} scope="col" className="py-1 pr-3 text-right font-medium">
                  {s.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.label} className="border-b border-slate-100">
                <th scope="row" className="py-1 pr-3 font-normal whitespace-nowrap">
                  {row.label}
                </th>
                {series.map((s) => (
                  <td key={s.key} className="py-1 pr-3 text-right tabular-nums whitespace-nowrap">
                    {format(row.values[s.key] ?? 0)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
