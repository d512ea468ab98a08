import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { XMLParser } from 'fast-xml-parser';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memoryIO } from '../../cli/io.ts';
import { run } from '../../cli/commands/align.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const fixtures = join(root, 'test/fixtures/align');
const batch = join(fixtures, 'batch');
const nowhere = join(tmpdir(), 'bitext-align-does-not-exist');
const gold = (name: string) => readFileSync(join(batch, 'gold', `${name}.align`), 'utf8');

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'bitext-align-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

async function align(...args: string[]) {
  const io = memoryIO();
  const code = await run(args, io);
  return { code, stdout: io.stdout, stderr: io.stderr };
}

describe('bitext align ZH EN --presplit', () => {
  it.each(['science', 'shipping'])('prints the gold beads of the %s fixture', async (name) => {
    const { code, stdout, stderr } = await align('--presplit', join(batch, 'src', name), join(batch, 'tgt', name));
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toBe(gold(name));
  });

  it('prints zh<TAB>en lines with --format tsv', async () => {
    const { code, stdout } = await align('--presplit', '--format', 'tsv', join(batch, 'src', 'shipping'), join(batch, 'tgt', 'shipping'));
    expect(code).toBe(0);
    const lines = stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(6);
    expect(lines[3]).toBe(
      '强化船舶能效管理中心作用。加强国际航行船舶碳强度管理。\tWe will strengthen the role of the ship energy efficiency management centre and the management of the carbon intensity of ships on international voyages.',
    );
    for (const line of lines) expect(line.split('\t')).toHaveLength(2);
  });

  it('prints beads with texts and confidences with --format json', async () => {
    const { code, stdout } = await align('--presplit', '--format', 'json', join(batch, 'src', 'science'), join(batch, 'tgt', 'science'));
    expect(code).toBe(0);
    const beads = JSON.parse(stdout) as { zh: number[]; en: number[]; confidence: number; zhText: string; enText: string }[];
    expect(beads.map((b) => `[${b.zh}]:[${b.en}]`).join('\n') + '\n').toBe(gold('science'));
    expect(beads[4]).toMatchObject({ zhText: '1.1 优化基础研究组织模式。', enText: '1.1 Optimising the organisation of basic research.' });
    for (const b of beads) expect(b.confidence).toBeGreaterThan(0);
  });

  it('writes a TMX 1.4 document with one unit per bead with --format tmx', async () => {
    const { code, stdout } = await align('--presplit', '--format', 'tmx', join(batch, 'src', 'science'), join(batch, 'tgt', 'science'));
    expect(code).toBe(0);
    const doc = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'tu' || name === 'tuv' }).parse(stdout);
    expect(doc.tmx['@_version']).toBe('1.4');
    expect(doc.tmx.header['@_srclang']).toBe('zh-CN');
    const tus = doc.tmx.body.tu as { tuv: { '@_xml:lang': string; seg: string }[] }[];
    expect(tus).toHaveLength(7);
    expect(tus[6].tuv.map((t) => t['@_xml:lang'])).toEqual(['zh-CN', 'en-US']);
    expect(tus[6].tuv[1].seg).toContain('We will fully implement the "Explorer Programme"');
    expect(stdout).toContain('&quot;Explorer Programme&quot;');
    expect(stdout).toMatch(/<prop type="x-alignment-confidence">[01]\.\d{3}<\/prop>/);
  });

  it('reads GB18030 and UTF-16 input files', async () => {
    const zh = join(dir, 'science.gbk.txt');
    const en = join(dir, 'science.utf16.txt');
    writeFileSync(zh, iconv.encode(readFileSync(join(batch, 'src', 'science'), 'utf8'), 'gb18030'));
    writeFileSync(en, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(readFileSync(join(batch, 'tgt', 'science'), 'utf8'), 'utf16le')]));
    const { code, stdout } = await align('--presplit', zh, en);
    expect(code).toBe(0);
    expect(stdout).toBe(gold('science'));
  });

  it('lets a glossary file supply term pairs', async () => {
    const glossary = join(dir, 'terms.csv');
    writeFileSync(glossary, 'zh,en\n新质生产力,new quality productive forces\n先行区,pilot zone\n');
    const { code, stdout, stderr } = await align('--presplit', '--glossary', glossary, join(batch, 'src', 'science'), join(batch, 'tgt', 'science'));
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toBe(gold('science'));
  });
});

describe('bitext align ZH EN (segmenting first)', () => {
  it('repairs and segments the Chinese and splits the English draft', async () => {
    const { code, stdout } = await align(join(fixtures, 'raw/science.zh.txt'), join(fixtures, 'raw/science.en.txt'));
    expect(code).toBe(0);
    expect(stdout).toBe(gold('science'));
  });
});

describe('bitext align --presplit --batch SRC TGT OUT', () => {
  it('writes NAME.align for every pair of same-named files', async () => {
    const out = join(dir, 'out');
    const { code, stderr } = await align('--presplit', '--batch', join(batch, 'src'), join(batch, 'tgt'), out);
    expect(code).toBe(0);
    expect(stderr).toContain('aligned 2 of 2 documents');
    expect(readdirSync(out).sort()).toEqual(['science.align', 'shipping.align']);
    expect(readFileSync(join(out, 'science.align'), 'utf8')).toBe(gold('science'));
    expect(readFileSync(join(out, 'shipping.align'), 'utf8')).toBe(gold('shipping'));
  });

  it('reports a source file without a target and exits 1, aligning the rest', async () => {
    const src = join(dir, 'src-extra');
    cpSync(join(batch, 'src'), src, { recursive: true });
    writeFileSync(join(src, 'orphan'), '只有中文。\n');
    const out = join(dir, 'out-extra');
    const { code, stderr } = await align('--presplit', '--batch', src, join(batch, 'tgt'), out);
    expect(code).toBe(1);
    expect(stderr).toContain('orphan: no ');
    expect(readdirSync(out).sort()).toEqual(['science.align', 'shipping.align']);
  });
});

describe('bitext align usage errors', () => {
  it.each([
    [['--presplit', 'a'], /expected ZH and EN, got 1 argument/],
    [['--format', 'xml', 'a', 'b'], /--format must be one of beads, tsv, json, tmx/],
    [['--batch', 'a', 'b', 'c'], /--batch needs --presplit/],
    [['--presplit', '--batch', 'a', 'b'], /expected SRC_DIR TGT_DIR OUT_DIR, got 2 arguments/],
    [['--presplit', join(nowhere, 'missing.txt'), join(batch, 'tgt', 'science')], /cannot read .*missing\.txt: no such file/],
    [['--presplit', '--glossary', join(nowhere, 'missing.tbx'), 'a', 'b'], /cannot use glossary .*missing\.tbx/],
    [['--presplit', '--batch', nowhere, join(batch, 'tgt'), join(nowhere, 'out')], /SRC_DIR .*does-not-exist is not a directory/],
  ])('%j fails with a clear message and exit 2', async (args, message) => {
    const { code, stderr } = await align(...args);
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
  });

  it('prints its usage with --help', async () => {
    const { code, stdout } = await align('--help');
    expect(code).toBe(0);
    expect(stdout).toContain('usage: bitext align ZH EN');
    expect(stdout).toContain('--batch');
  });
});

describe('bitext align as a real process', () => {
  it('aligns through bin/bitext.mjs', () => {
    const result = spawnSync(process.execPath, ['bin/bitext.mjs', 'align', '--presplit', join(batch, 'src', 'shipping'), join(batch, 'tgt', 'shipping')], {
      cwd: root,
      encoding: 'utf8',
    });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(gold('shipping'));
  });
});
