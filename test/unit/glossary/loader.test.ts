import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { loadGlossaryFile, formatOf } from '../../../glossary/loader.ts';
import { FormatError } from '../../../glossary/formats/format-error.ts';
import { buildTermIndex, findRenderings, matchSource } from '../../../glossary/match.ts';
import { FIXTURES, POLICY } from './helpers.ts';

const dir = mkdtempSync(join(tmpdir(), 'bitext-glossary-'));

describe('loadGlossaryFile', () => {
  it.each([
    ['a.tbx', 'tbx'],
    ['a.XML', 'tbx'],
    ['a.csv', 'csv'],
    ['a.tsv', 'csv'],
  ])('chooses the format of %s by extension', (name, format) => {
    expect(formatOf(name)).toBe(format);
  });

  it('chooses the format by content when the extension says nothing', () => {
    expect(formatOf('glossary', '<?xml version="1.0"?><martif/>')).toBe('tbx');
    expect(formatOf('glossary', 'zh,en\n')).toBe('csv');
    const path = join(dir, 'policy-no-extension');
    writeFileSync(path, `\uFEFF${readFileSync(FIXTURES + 'policy.tbx', 'utf8')}`);
    expect(loadGlossaryFile(path).map((e) => e.zh)).toEqual(['新质生产力', '四个中心', '人工智能+', '一带一路']);
  });

  it('reads a CSV saved as GB18030 by Chinese-locale Excel', () => {
    const path = join(dir, 'excel-gbk.csv');
    writeFileSync(path, iconv.encode('zh,en,variants,forbidden,note\r\n新质生产力,new quality productive forces,,new productive forces,保持复数\r\n', 'gb18030'));
    expect(loadGlossaryFile(path)).toMatchObject([{ zh: '新质生产力', forbidden: ['new productive forces'], note: '保持复数' }]);
  });

  it('names the file in a format error', () => {
    expect(() => loadGlossaryFile(FIXTURES + 'bad-rows.csv')).toThrowError(/bad-rows\.csv: 5 problems/);
    try {
      loadGlossaryFile(FIXTURES + 'malformed.tbx');
    } catch (error) {
      expect(error).toBeInstanceOf(FormatError);
      expect((error as FormatError).file).toBe(FIXTURES + 'malformed.tbx');
    }
  });

  it('loads the test glossary with every entry usable', () => {
    expect(POLICY).toHaveLength(24);
    expect(new Set(POLICY.map((e) => e.id)).size).toBe(24);
  });
});

const SHIPPED = fileURLToPath(new URL('../../../glossary/data/shanghai-fyp.tbx', import.meta.url));

describe('the shipped glossary glossary/data/shanghai-fyp.tbx', () => {
  const entries = loadGlossaryFile(SHIPPED);

  it('has at least 120 entries, each with a source and a preferred rendering', () => {
    expect(entries.length).toBeGreaterThanOrEqual(120);
    for (const e of entries) {
      expect(e.source.trim(), e.id).not.toBe('');
      expect(e.en.trim(), e.id).not.toBe('');
    }
  });

  it('never lists a forbidden rendering that equals a preferred or variant one', () => {
    for (const e of entries) {
      const accepted = new Set([e.en, ...e.variants].map((s) => s.toLowerCase()));
      for (const f of e.forbidden) expect(accepted.has(f.toLowerCase()), `${e.id}: ${f}`).toBe(false);
    }
  });

  it('covers the key terms of the sample and matches their renderings', () => {
    const index = buildTermIndex(entries);
    const zh = '坚持两个毫不动摇，引领发展新质生产力，加快建设五个中心，服务高质量共建“一带一路”，持续优化营商环境';
    expect(matchSource(index, zh).map((m) => m.entry.zh)).toEqual(['两个毫不动摇', '新质生产力', '五个中心', '一带一路', '营商环境']);
    const nqpf = entries.find((e) => e.zh === '新质生产力')!;
    expect(findRenderings(nqpf, 'developing new quality productive forces').map((r) => r.form)).toEqual(['preferred']);
  });
});
