import type { JsonGuide } from '@/lib/compat/json-face/migration-guide';
import type { CompatGuideProps } from './compat-migration-guide';

const where = { body: 'body', path: 'in the path', query: 'query' } as const;

/** A JSON face's guide (UChat's, Flowmatix's) as the shared guide layout's groups of endpoint cards. */
export function jsonFaceGuideGroups<G extends string>(guide: JsonGuide<G>): CompatGuideProps['groups'] {
  return guide.groups.map((group) => ({
    name: group.name,
    rows: group.rows.map((row) => ({
      id: row.id,
      method: row.method,
      path: row.path,
      label: `${row.method} ${row.path}`,
      summary: row.summary,
      status: row.status,
      badge: row.refusal ? { tone: 'refused', text: `Refused: ${row.refusal.code}` } : { tone: 'available', text: 'Available' },
      rest: row.rest.length ? { operations: row.rest, scope: row.scope } : null,
      note: row.refusal?.reason,
      fields: row.fields.map((field) => ({ name: field.name, detail: `${field.type}, ${where[field.in]}${field.required ? ', required' : ''}`, to: field.to, difference: field.difference })),
      answer: row.answer.length ? { heading: ` in the answer: ${row.answer.length} fields`, fromHeading: 'From', fields: row.answer } : null,
      differences: row.differences,
      example: row.example,
    })),
  }));
}
