import { Fragment, type ReactNode } from 'react';
import { CodeBlock } from './code-block';
import { DocsShell } from './docs-shell';
import { MethodBadge } from './method-badge';
import { InlineText } from './rich-text';

/**
 * The layout of every "Migrating from …" guide (IVR Solutions, UChat, Flowmatix): an introduction, the face's
 * conventions and envelope examples, then one card per endpoint of its mapping table. Each guide supplies only
 * its words and its rows, so the three pages cannot drift apart in shape.
 */

/** A request field of the other platform and what it becomes here. */
export type CompatGuideField = {
  name: string;
  /** Its type, where it is sent and whether it is required, as one line: "string, body, required". */
  detail: string;
  note?: string;
  /** Its name here; null where nothing takes it yet. */
  to: string | null;
  difference?: string;
};

export type CompatGuideRow = {
  id: string;
  method: string;
  path: string;
  /** How the tables' captions name the endpoint. */
  label: string;
  summary: string;
  status: string;
  /** Whether it answers, and if not why: "Available", "Coming with …", "Refused: …". */
  badge: { tone: 'available' | 'coming' | 'refused'; text: string };
  /** The REST operation(s) it runs; `none` says why there is none yet. Null leaves the line out. */
  rest: { operations: { method: string; path: string; operationId: string }[]; scope: string | null; none?: string } | null;
  /** Said under the summary, such as why an endpoint is refused. */
  note?: string;
  fields: CompatGuideField[];
  /** The fields of `data` in the answer; `heading` follows the word `data` in its summary line. */
  answer: { heading: string; fromHeading: string; fields: { name: string; from: string; note?: string }[] } | null;
  differences: string[];
  example?: Record<string, unknown>;
};

export type CompatGuideProps = {
  brand: ReactNode;
  current: 'migration' | 'migration-uchat' | 'migration-flowmatix';
  title: string;
  intro: ReactNode;
  conventions: string[];
  examples: { label: string; code: string }[];
  /** A paragraph on the face's webhook events, where it has them. */
  webhooks?: string;
  /** The other platform's name as its field column and example label use it. */
  fieldHeading: string;
  exampleLabel: string;
  groups: { name: string; rows: CompatGuideRow[] }[];
};

const cell = 'px-3 py-2 align-top';
const badgeTones = {
  available: 'rounded bg-green-100 px-1.5 py-0.5 text-xs font-semibold text-green-800',
  coming: 'rounded bg-slate-100 px-1.5 py-0.5 text-xs font-semibold text-slate-700',
  refused: 'rounded bg-amber-100 px-1.5 py-0.5 text-xs font-semibold text-amber-900',
} as const;

function StatusBadge({ badge }: { badge: CompatGuideRow['badge'] }) {
  return <span className={badgeTones[badge.tone]}>{badge.text}</span>;
}

function Fields({ row, heading }: { row: CompatGuideRow; heading: string }) {
  if (!row.fields.length) return <p className="text-sm text-slate-600">No fields.</p>;
  return (
    <div className="overflow-x-auto rounded-md border border-slate-200">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Fields of {row.label}</caption>
        <thead className="bg-slate-50 text-xs tracking-wide text-slate-600 uppercase">
          <tr>
            <th scope="col" className={`${cell} font-medium`}>{heading}</th>
            <th scope="col" className={`${cell} font-medium`}>Here</th>
            <th scope="col" className={`${cell} font-medium`}>Difference</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {row.fields.map((field) => (
            <tr key={field.name}>
              <td className={cell}>
                <code className="font-mono">{field.name}</code> <span className="text-xs text-slate-500">{field.detail}</span>
                {field.note ? <span className="block text-xs text-slate-500">{field.note}</span> : null}
              </td>
              <td className={cell}>{field.to ? <code className="font-mono">{field.to}</code> : <span className="text-slate-500">—</span>}</td>
              <td className={`${cell} text-slate-700`}>{field.difference ? <InlineText text={field.difference} /> : field.to ? 'Same' : ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Answer({ row }: { row: CompatGuideRow }) {
  if (!row.answer) return null;
  return (
    <details className="rounded-md border border-slate-200">
      <summary className="cursor-pointer px-3 py-2 text-sm font-medium text-slate-800">
        <code className="font-mono">data</code>{row.answer.heading}
      </summary>
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Fields of data in the answer of {row.label}</caption>
        <thead className="bg-slate-50 text-xs tracking-wide text-slate-600 uppercase">
          <tr>
            <th scope="col" className={`${cell} font-medium`}>Field</th>
            <th scope="col" className={`${cell} font-medium`}>{row.answer.fromHeading}</th>
            <th scope="col" className={`${cell} font-medium`}>Note</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {row.answer.fields.map((field) => (
            <tr key={field.name}>
              <td className={cell}><code className="font-mono">{field.name}</code></td>
              <td className={cell}><code className="font-mono">{field.from}</code></td>
              <td className={`${cell} text-slate-700`}>{field.note ? <InlineText text={field.note} /> : null}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}

function Rest({ rest }: { rest: NonNullable<CompatGuideRow['rest']> }) {
  return (
    <p className="text-sm text-slate-700">
      REST operation{rest.operations.length > 1 ? 's' : ''}:{' '}
      {rest.operations.length ? (
        rest.operations.map((op, i) => (
          <Fragment key={op.operationId}>
            {i ? ', ' : ''}
            <a className="font-medium underline" href={`/docs/api#${op.operationId}`}><code className="font-mono">{op.method} {op.path}</code></a>
          </Fragment>
        ))
      ) : (
        <span className="text-slate-500">{rest.none}</span>
      )}
      {rest.scope ? <> · scope <code className="font-mono">{rest.scope}</code></> : null}
    </p>
  );
}

function Endpoint({ row, fieldHeading, exampleLabel }: { row: CompatGuideRow; fieldHeading: string; exampleLabel: string }) {
  return (
    <section id={row.id} aria-labelledby={`${row.id}-title`} data-status={row.status} className="scroll-mt-6 space-y-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <header className="flex flex-wrap items-center gap-3">
        <MethodBadge method={row.method} />
        <h3 id={`${row.id}-title`} className="font-mono text-sm font-semibold text-slate-900">{row.path}</h3>
        <StatusBadge badge={row.badge} />
      </header>
      <p className="text-sm text-slate-700">{row.summary}</p>
      {row.rest ? <Rest rest={row.rest} /> : null}
      {row.note ? <p className="text-sm text-slate-700"><InlineText text={row.note} /></p> : null}
      <Fields row={row} heading={fieldHeading} />
      {row.example ? <CodeBlock label={exampleLabel}>{JSON.stringify(row.example, null, 2)}</CodeBlock> : null}
      <Answer row={row} />
      {row.differences.length ? (
        <ul className="list-disc space-y-1 pl-5 text-sm text-slate-700">
          {row.differences.map((difference) => <li key={difference}><InlineText text={difference} /></li>)}
        </ul>
      ) : null}
    </section>
  );
}

export function CompatMigrationGuide({ brand, current, title, intro, conventions, examples, webhooks, fieldHeading, exampleLabel, groups }: CompatGuideProps) {
  return (
    <DocsShell brand={brand} current={current}>
      <main className="mx-auto max-w-5xl space-y-10 px-4 py-8 sm:px-8">
        <header className="space-y-3">
          <h1 className="text-3xl font-semibold tracking-tight text-slate-900">{title}</h1>
          <p className="text-sm leading-6 text-slate-700">{intro}</p>
        </header>
        <section aria-labelledby="conventions-title" className="space-y-3">
          <h2 id="conventions-title" className="text-xl font-semibold text-slate-900">Conventions</h2>
          <ul className="list-disc space-y-1 pl-5 text-sm leading-6 text-slate-700">
            {conventions.map((text) => <li key={text}><InlineText text={text} /></li>)}
          </ul>
          {examples.map((example) => <CodeBlock key={example.label} label={example.label}>{example.code}</CodeBlock>)}
        </section>
        {webhooks ? (
          <section aria-labelledby="webhooks-title" className="space-y-3">
            <h2 id="webhooks-title" className="text-xl font-semibold text-slate-900">Webhook events</h2>
            <p className="text-sm leading-6 text-slate-700">
              <InlineText text={webhooks} />
            </p>
          </section>
        ) : null}
        {groups.map((group) => (
          <section key={group.name} aria-labelledby={`group-${group.rows[0]?.id}`} className="space-y-4">
            <h2 id={`group-${group.rows[0]?.id}`} className="text-xl font-semibold text-slate-900">
              {group.name} <span className="text-sm font-normal text-slate-500">{group.rows.length}</span>
            </h2>
            {group.rows.map((row) => <Endpoint key={`${row.method} ${row.path}`} row={row} fieldHeading={fieldHeading} exampleLabel={exampleLabel} />)}
          </section>
        ))}
      </main>
    </DocsShell>
  );
}

/** A path or URL in a guide's introduction. */
export function IntroCode({ children }: { children: ReactNode }) {
  return <code className="rounded bg-slate-100 px-1 py-0.5 font-mono text-xs">{children}</code>;
}
