/**
 * The whole template language: `{{name}}` (spaces allowed inside the braces) where `name` is one of the message
 * type's variables. There is nothing else — no helpers, blocks, partials, raw `{{{…}}}` output or expressions —
 * so partner text is only ever scanned for placeholders and never compiled or evaluated. Substituted values are
 * plain strings; the e-mail is then rendered by React, which escapes every string it puts into HTML.
 */

export type TemplatePart = { kind: 'text'; text: string } | { kind: 'variable'; name: string };

export type PlaceholderProblem = {
  /** Offset of the problem's `{{` in the text (0-based), and the same as a line and column (1-based). */
  index: number;
  line: number;
  column: number;
  message: string;
};

const placeholder = /\{\{\s*([^{}]*?)\s*\}\}/g;
const variableName = /^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)*$/;

function positionOf(text: string, index: number) {
  const before = text.slice(0, index);
  const line = before.split('\n').length;
  return { index, line, column: index - before.lastIndexOf('\n') };
}

/**
 * Splits a text into literal parts and placeholders, with every problem found: a name outside `allowed`, a
 * malformed placeholder, triple braces, or a `{{` left open. Callers refuse the text when there is any problem.
 */
export function parseTemplate(text: string, allowed: ReadonlySet<string>): { parts: TemplatePart[]; problems: PlaceholderProblem[] } {
  const parts: TemplatePart[] = [];
  const problems: PlaceholderProblem[] = [];
  const problem = (index: number, message: string) => problems.push({ ...positionOf(text, index), message });
  let last = 0;
  for (const match of text.matchAll(placeholder)) {
    const start = match.index;
    const name = match[1]!;
    if (start > last) parts.push({ kind: 'text', text: text.slice(last, start) });
    last = start + match[0].length;
    if (text[start - 1] === '{' || text[last] === '}') {
      problem(start, 'Triple braces are not supported: write {{name}}; every value is shown as text.');
    } else if (!variableName.test(name)) {
      problem(start, `“{{${name}}}” is not a variable name. Variables look like {{client.name}}.`);
    } else if (!allowed.has(name)) {
      problem(start, `Unknown variable {{${name}}}.`);
    } else {
      parts.push({ kind: 'variable', name });
      continue;
    }
    parts.push({ kind: 'text', text: match[0] });
  }
  const rest = text.slice(last);
  const open = rest.indexOf('{{');
  if (open >= 0) problem(last + open, 'This {{ is never closed with }}.');
  if (rest) parts.push({ kind: 'text', text: rest });
  return { parts, problems };
}

/**
 * Puts the values in, in one pass over the parsed text: a value is never scanned for placeholders itself, so a
 * client named `{{otp.code}}` is shown as those characters and never reveals a code.
 */
export function substitute(parts: TemplatePart[], values: Readonly<Record<string, string>>): string {
  return parts.map((part) => (part.kind === 'text' ? part.text : (values[part.name] ?? ''))).join('');
}

/** A problem as one sentence for a person: where it is and what is wrong. */
export function describeProblem(problem: PlaceholderProblem): string {
  return `Line ${problem.line}, column ${problem.column}: ${problem.message}`;
}
