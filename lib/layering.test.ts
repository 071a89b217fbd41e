import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The layers, bottom up: shared tools (http, errors, ids, pagination, tables…), then the domain modules, then the
 * faces (the REST chassis in lib/api, pages and components). A module may only import from its own layer or below,
 * so the domain never learns of the API that serves it, nor of the components that draw it.
 */
const root = path.resolve(__dirname, '..');

function sources(dir: string): string[] {
  return readdirSync(path.join(root, dir), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name))
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)));
}

function imports(file: string): string[] {
  const text = readFileSync(path.join(root, file), 'utf8');
  return [...text.matchAll(/from '(@\/[^']+)'/g)].map((match) => match[1] ?? '');
}

/** Faces, the request gate in front of them, and what only orchestrates them (the worker) may import the chassis. */
const facesInLib = ['lib/api/', 'lib/compat/', 'lib/jobs/', 'lib/edge/'];

describe('layering', () => {
  it('no domain module imports the REST chassis or a component', () => {
    const offending = sources('lib')
      .filter((file) => !facesInLib.some((face) => file.startsWith(face)))
      .flatMap((file) => imports(file).filter((target) => target.startsWith('@/lib/api/') || target.startsWith('@/components/')).map((target) => `${file} → ${target}`));
    expect(offending).toEqual([]);
  });

  it('the request helpers everything uses import nothing from tenancy or a domain', () => {
    const offending = sources('lib/http').flatMap((file) => imports(file).filter((target) => !/^@\/lib\/(config|log|errors|ids)(\/|$)/.test(target)).map((target) => `${file} → ${target}`));
    expect(offending).toEqual([]);
  });
});
