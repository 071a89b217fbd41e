import type { oas31 } from 'zod-openapi';
import { schemaRows, type Schema } from './model';
import { InlineText } from './rich-text';

/** A JSON schema as a table of its properties, nested ones indented under their parent. */
export function SchemaTable({ doc, schema, caption }: { doc: oas31.OpenAPIObject; schema: Schema; caption: string }) {
  const rows = schemaRows(doc, schema);
  if (rows.length === 0) return <p className="text-sm text-slate-600">No fields.</p>;
  return (
    <div className="overflow-x-auto rounded-md border border-slate-200">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-slate-50 text-xs tracking-wide text-slate-600 uppercase">
          <tr>
            <th scope="col" className="px-3 py-2 font-medium">Field</th>
            <th scope="col" className="px-3 py-2 font-medium">Type</th>
            <th scope="col" className="px-3 py-2 font-medium">Description</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100 align-top">
          {rows.map((row, i) => (
            <tr key={i}>
              <td className="px-3 py-2 whitespace-nowrap" style={{ paddingLeft: `${0.75 + row.depth * 1.25}rem` }}>
                <code className="font-mono text-slate-900">{row.depth ? `↳ ${row.name}` : row.name}</code>
                {row.required ? <span className="ml-2 text-xs font-medium text-red-700">required</span> : null}
              </td>
              <td className="px-3 py-2 font-mono text-xs whitespace-nowrap text-slate-700">{row.type}</td>
              <td className="space-y-1 px-3 py-2 text-slate-700">
                {row.description ? <p><InlineText text={row.description} /></p> : null}
                {row.enumValues ? (
                  <p>
                    One of:{' '}
                    {row.enumValues.map((value, j) => (
                      <span key={value}>
                        {j ? ', ' : ''}
                        <code className="rounded bg-slate-100 px-1 font-mono text-xs">{value}</code>
                      </span>
                    ))}
                  </p>
                ) : null}
                {row.notes.length ? <p className="text-xs text-slate-500">{row.notes.join(' · ')}</p> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Query, path and header parameters, in the same table shape. */
export function ParametersTable({ parameters }: { parameters: { name: string; in: string; required: boolean; description?: string; schema: Schema }[] }) {
  return (
    <div className="overflow-x-auto rounded-md border border-slate-200">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Parameters</caption>
        <thead className="bg-slate-50 text-xs tracking-wide text-slate-600 uppercase">
          <tr>
            <th scope="col" className="px-3 py-2 font-medium">Name</th>
            <th scope="col" className="px-3 py-2 font-medium">In</th>
            <th scope="col" className="px-3 py-2 font-medium">Type</th>
            <th scope="col" className="px-3 py-2 font-medium">Description</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100 align-top">
          {parameters.map((p) => (
            <tr key={`${p.in}:${p.name}`}>
              <td className="px-3 py-2 whitespace-nowrap">
                <code className="font-mono text-slate-900">{p.name}</code>
                {p.required ? <span className="ml-2 text-xs font-medium text-red-700">required</span> : null}
              </td>
              <td className="px-3 py-2 text-slate-600">{p.in}</td>
              <td className="px-3 py-2 font-mono text-xs whitespace-nowrap text-slate-700">
                {String(p.schema.type ?? 'string')}
                {p.schema.format ? ` (${p.schema.format})` : ''}
              </td>
              <td className="space-y-1 px-3 py-2 text-slate-700">
                {p.description ? <p><InlineText text={p.description} /></p> : null}
                {p.schema.enum ? <p>One of: {p.schema.enum.map((v: unknown) => <code key={String(v)} className="mr-1 rounded bg-slate-100 px-1 font-mono text-xs">{String(v)}</code>)}</p> : null}
                {p.schema.default !== undefined ? <p className="text-xs text-slate-500">Default {JSON.stringify(p.schema.default)}</p> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
