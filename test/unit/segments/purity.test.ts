import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
// Value imports and re-exports; `import type` / `export type` are erased by the compiler and pull nothing in.
const SPECIFIER = /^\s*(?:import|export)\s+(?!type\b)(?:[^'";]*?\sfrom\s+)?['"]([^'"]+)['"]/gm;

/** Every bare module (npm package or node: builtin) reachable from `entry` through value imports. */
function externalImports(entry: string): Map<string, string> {
  const seen = new Set<string>();
  const external = new Map<string, string>();
  const visit = (file: string): void => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const m of readFileSync(file, 'utf8').matchAll(SPECIFIER)) {
      const spec = m[1];
      if (spec.startsWith('.')) visit(resolve(dirname(file), spec));
      else if (!external.has(spec)) external.set(spec, file.slice(ROOT.length));
    }
  };
  visit(resolve(ROOT, entry));
  return external;
}

describe('the pure segments index', () => {
  it('pulls in no node: builtin (no file system) through its imports', () => {
    const builtins = [...externalImports('segments/index.ts')].filter(([spec]) => spec.startsWith('node:') || spec === 'fs' || spec === 'path');
    expect(builtins).toEqual([]);
  });

  it('pulls in only packages that do no I/O', () => {
    const packages = [...externalImports('segments/index.ts').keys()].map((spec) => spec.split('/')[0]);
    expect(new Set(packages)).toEqual(new Set(packages.filter((p) => ['opencc-js', 'iconv-lite', 'fast-xml-parser', 'saxes'].includes(p))));
  });

  it('still offers the lexicon loader from its own module', async () => {
    const loader = await import('../../../segments/align/lexicon-loader.ts');
    expect(typeof loader.loadLexicon).toBe('function');
    expect(typeof loader.ensureLexicon).toBe('function');
  });
});
