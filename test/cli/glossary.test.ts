import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { memoryIO } from '../../cli/io.ts';
import { run } from '../../cli/commands/glossary.ts';
import { loadGlossaryFile } from '../../glossary/loader.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const fixtures = join(root, 'test/fixtures/glossary/');
const dir = mkdtempSync(join(tmpdir(), 'bitext-glossary-cli-'));

async function glossary(...args: string[]) {
  const io = memoryIO();
  const code = await run(args, io);
  return { code, out: io.stdout, err: io.stderr };
}

describe('bitext glossary convert', () => {
  it('converts CSV to TBX and back without losing anything', async () => {
    const original = loadGlossaryFile(fixtures + 'policy.csv');
    const tbx = join(dir, 'policy.tbx');
    const csv = join(dir, 'policy-again.csv');
    expect(await glossary('convert', fixtures + 'policy.csv', tbx)).toMatchObject({ code: 0, out: `24 entries written to ${tbx}\n` });
    expect(readFileSync(tbx, 'utf8')).toContain('<martif type="TBX-Basic" xml:lang="en">');
    expect((await glossary('convert', tbx, csv)).code).toBe(0);
    expect(loadGlossaryFile(tbx)).toEqual(original);
    expect(loadGlossaryFile(csv)).toEqual(original);
  });

  it('writes TSV for a .tsv output', async () => {
    const tsv = join(dir, 'v3.tsv');
    expect((await glossary('convert', fixtures + 'v3.tbx', tsv)).code).toBe(0);
    expect(readFileSync(tsv, 'utf8').split('\r\n')[0]).toBe('\uFEFFzh\ten\tvariants\tforbidden\tnote\tsubject');
    expect(loadGlossaryFile(tsv)).toEqual(loadGlossaryFile(fixtures + 'v3.tbx'));
  });

  it.each([
    [['convert', fixtures + 'bad-unclosed-quote.csv', join(dir, 'x.tbx')], /line 3, field en: unclosed quote/],
    [['convert', fixtures + 'policy.csv', join(dir, 'x.docx')], /cannot tell the format of .*x\.docx/],
    [['convert', fixtures + 'absent.csv', join(dir, 'x.tbx')], /cannot read .*absent\.csv/],
    [['convert', fixtures + 'policy.csv'], /bad arguments for 'convert'/],
    [[], /missing subcommand/],
  ])('exits 2 with a clear message for %j', async (args, message) => {
    const { code, err } = await glossary(...args);
    expect(code).toBe(2);
    expect(err).toMatch(message);
  });
});

describe('bitext glossary validate', () => {
  it('reports the entry count of a good file and every problem of a bad one', async () => {
    expect(await glossary('validate', fixtures + 'policy.tbx')).toMatchObject({ code: 0, out: `${fixtures}policy.tbx: 4 entries, no problems\n` });
    const bad = await glossary('validate', fixtures + 'bad-entries.tbx');
    expect(bad.code).toBe(2);
    expect(bad.err.match(/line \d+, field \w+/g)).toEqual(['line 4, field zh', 'line 7, field en', 'line 12, field status', 'line 14, field id']);
  });

  it('converts the shipped glossary as a real subprocess', () => {
    const out = join(dir, 'shipped.csv');
    const result = spawnSync(process.execPath, ['bin/bitext.mjs', 'glossary', 'convert', 'glossary/data/shanghai-fyp.tbx', out], { cwd: root, encoding: 'utf8' });
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^\d{3} entries written to /);
    expect(loadGlossaryFile(out)).toEqual(loadGlossaryFile(join(root, 'glossary/data/shanghai-fyp.tbx')));
  });
});
