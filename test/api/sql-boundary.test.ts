// "All SQL stays in server/db/": no module of the server (outside server/db), the CLI or the benches
// prepares statements, runs pragmas or carries SQL text of its own; they call query functions.
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' ? [] : tsFiles(path);
    return e.name.endsWith('.ts') ? [path] : [];
  });
}

const RAW_SQL: [string, RegExp][] = [
  ['a prepared statement', /\.prepare\(/],
  ['a pragma', /\.pragma\(/],
  ['raw exec', /\$client\.exec\(/],
  ["drizzle's sql template", /\bsql`/],
  ['SQL text', /['"`]\s*(select\s[\s\S]{0,200}?\sfrom\s|insert\s+into\s|update\s+\w+\s+set\s|delete\s+from\s)/i],
];

describe('SQL lives in server/db only', () => {
  const files = ['server', 'cli', 'bench']
    .flatMap((d) => tsFiles(join(ROOT, d)))
    .map((f) => relative(ROOT, f).split('\\').join('/'))
    .filter((f) => !f.startsWith('server/db/'));

  it('finds the modules it guards', () => {
    expect(files).toContain('bench/exchange.bench.ts');
    expect(files).toContain('server/routes/segments/handlers.ts');
  });

  it.each(RAW_SQL)('no server module outside server/db, CLI command or bench contains %s', (_, pattern) => {
    const offenders = files.flatMap((f) =>
      readFileSync(join(ROOT, f), 'utf8')
        .split('\n')
        .flatMap((line, i) => (pattern.test(line) ? [`${f}:${i + 1}: ${line.trim()}`] : [])),
    );
    expect(offenders).toEqual([]);
  });
});
