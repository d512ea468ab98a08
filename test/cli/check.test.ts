import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { memoryIO } from '../../cli/io.ts';
import { run } from '../../cli/commands/check.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const fixtures = join(root, 'test/fixtures/glossary/');
const PAIRS = fixtures + 'pairs.tsv';
const GLOSSARY = fixtures + 'policy.csv';

async function check(args: string[], stdin = '') {
  const io = memoryIO(stdin);
  const code = await run(args, io);
  return { code, out: io.stdout, err: io.stderr };
}

// What the sample pairs file must produce: line → check ids (lines 1 and 5 are faithful).
const EXPECTED: [number, string][] = [
  [2, 'term-missing'],
  [2, 'term-forbidden'],
  [4, 'number-mismatch'],
  [4, 'number-mismatch'],
  [6, 'empty-target'],
  [7, 'punctuation'],
  [7, 'source-warning'],
];

describe('bitext check', () => {
  it('prints one finding per line with the line number of its pair, and exits 0', async () => {
    const { code, out, err } = await check(['--glossary', GLOSSARY, PAIRS]);
    expect(code).toBe(0);
    const lines = out.trim().split('\n');
    expect(lines.map((l) => [Number(/:(\d+): /.exec(l)![1]), /: (?:error|warning|info) ([a-z-]+)/.exec(l)![1]])).toEqual(EXPECTED);
    expect(lines[1]).toBe(
      `${PAIRS}:2: error term-forbidden [新质生产力]: “new productive forces” is a forbidden rendering of 新质生产力: use “new quality productive forces”`,
    );
    expect(err).toContain('7 findings (5 errors, 2 warnings, 0 info) in 6 pairs against 24 terms');
  });

  it('prints one JSON object per finding with --json', async () => {
    const { code, out } = await check(['--glossary', GLOSSARY, PAIRS, '--json']);
    expect(code).toBe(0);
    const objects = out.trim().split('\n').map((l) => JSON.parse(l));
    expect(objects.map((o) => [o.line, o.check])).toEqual(EXPECTED);
    expect(objects[0]).toEqual({
      line: 2,
      check: 'term-missing',
      severity: 'error',
      term: '新质生产力',
      message: '新质生产力 is not rendered: expected “new quality productive forces” (or “new-quality productive forces”)',
    });
    expect(objects[2].term).toBeNull();
  });

  it('reads a TBX glossary and pairs from stdin, and runs only the checks asked for', async () => {
    const { code, out } = await check(['--glossary', fixtures + 'policy.tbx', '--only', 'term-forbidden', '-', '--json'], '服务高质量共建“一带一路”\tServing One Belt One Road (OBOR)\n');
    expect(code).toBe(0);
    expect(out.trim().split('\n').map((l) => JSON.parse(l).message)).toEqual([
      '“One Belt One Road” is a forbidden rendering of 一带一路: use “Belt and Road”',
      '“OBOR” is a forbidden rendering of 一带一路: use “Belt and Road”',
    ]);
  });

  it.each([
    [['--glossary', fixtures + 'missing.tbx', PAIRS], /cannot read glossary .*missing\.tbx/],
    [['--glossary', fixtures + 'bad-rows.csv', PAIRS], /bad CSV glossary .*bad-rows\.csv: 5 problems\n  line 3, field zh/],
    [['--glossary', fixtures + 'malformed.tbx', PAIRS], /line 6: malformed XML/],
    [['--glossary', GLOSSARY, fixtures + 'no-such-pairs.tsv'], /cannot read .*no-such-pairs\.tsv/],
    [[PAIRS], /--glossary FILE is required/],
    [['--glossary', GLOSSARY], /give exactly one PAIRS\.tsv/],
    [['--glossary', GLOSSARY, '--only', 'spelling', PAIRS], /unknown check spelling/],
    [['--glossary', GLOSSARY, '--colour', PAIRS], /Unknown option '--colour'/],
  ])('exits 2 with a clear message for %j', async (args, message) => {
    const { code, out, err } = await check(args);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toMatch(message);
  });

  it.each([
    ['a line without a tab', '坚持两个毫不动摇\tuphold the Two Unwaverings\n引领发展新质生产力 drive new quality productive forces\n', [2]],
    ['every bad line, not just the first', '加快建设五个中心\n\n坚持两个毫不动摇\tuphold the Two Unwaverings\n服务高质量共建“一带一路”\n', [1, 4]],
    ['a CRLF file with a bad line after an empty one', '坚持两个毫不动摇\tuphold the Two Unwaverings\r\n\r\n推进长三角一体化\r\n', [3]],
  ])('refuses %s: names every bad line of PAIRS.tsv, exits 2 and prints no finding', async (_what, pairs, badLines) => {
    const dir = mkdtempSync(join(tmpdir(), 'bitext-check-'));
    const file = join(dir, 'pairs.tsv');
    writeFileSync(file, pairs);
    for (const json of [[], ['--json']]) {
      const { code, out, err } = await check(['--glossary', GLOSSARY, file, ...json]);
      expect(code).toBe(2);
      expect(out).toBe('');
      expect(err.trim().split('\n')).toEqual(badLines.map((n) => `bitext check: ${file} line ${n}: expected zh<TAB>en`));
    }
  });

  it('keeps a pair whose English is empty after the tab as an empty-target finding', async () => {
    const { code, out } = await check(['--glossary', GLOSSARY, '-', '--json'], '坚持两个毫不动摇\t\n');
    expect(code).toBe(0);
    expect(out.trim().split('\n').map((l) => JSON.parse(l).check)).toContain('empty-target');
  });

  it('prints usage with --help', async () => {
    const { code, out } = await check(['--help']);
    expect(code).toBe(0);
    expect(out).toMatch(/^usage: bitext check --glossary FILE PAIRS\.tsv \[--json\]/);
    expect(out).toContain('term-forbidden');
  });

  it('works as a real subprocess with the shipped glossary', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bitext-check-'));
    const pairs = join(dir, 'pairs.tsv');
    writeFileSync(pairs, '坚持两个毫不动摇\tuphold the Two Unwaverings\n引领发展新质生产力\tdrive new productive forces\n');
    const result = spawnSync(process.execPath, ['bin/bitext.mjs', 'check', '--glossary', 'glossary/data/shanghai-fyp.tbx', pairs, '--json'], { cwd: root, encoding: 'utf8' });
    expect(result.status).toBe(0);
    const findings = result.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(findings.every((f) => f.line === 2)).toBe(true);
    expect(findings.map((f) => f.check)).toEqual(expect.arrayContaining(['term-missing', 'term-forbidden']));

    const bad = spawnSync(process.execPath, ['bin/bitext.mjs', 'check', '--glossary', join(dir, 'nope.csv'), pairs], { cwd: root, encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/cannot read glossary/);
  });
});
