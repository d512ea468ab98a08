import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as csv from '../../../glossary/formats/csv.ts';
import * as tbx from '../../../glossary/formats/tbx.ts';
import { FormatError } from '../../../glossary/formats/format-error.ts';
import type { FormatProblem } from '../../../glossary/formats/format-error.ts';
import type { TermEntry } from '../../../glossary/model.ts';
import { FIXTURES, POLICY } from './helpers.ts';

const read = (name: string) => readFileSync(FIXTURES + name, 'utf8');

function problemsOf(fn: () => unknown): FormatProblem[] {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(FormatError);
    return (error as FormatError).problems;
  }
  throw new Error('expected the file to be rejected');
}

// Generated entries: Chinese terms, English renderings with XML/CSV-special characters, notes
// with commas, quotes and line breaks, every status and option.
const zhChar = fc.constantFrom(...'新质生产力五个中心张江科学城长三角营商环境制度型开放一带路人工智能+（）“”、');
const word = fc.constantFrom('new', 'quality', 'Centers', 'R&D', 'Belt', 'Road', '<Plus>', '"quoted"', "Shanghai's", 'a,b', 'x|y', 'sci-tech', 'Zhangjiang', '15%', 'opening-up');
const phrase = fc.array(word, { minLength: 1, maxLength: 4 }).map((w) => w.join(' '));
const listItem = phrase.filter((p) => !p.includes('|'));
const freeText = fc
  .array(fc.constantFrom('Keep', ' ', 'plural', ',', '"', '\n', 'Xinhua English', ';', '<', '&', '新质', 'é'), { maxLength: 12 })
  .map((parts) => parts.join('').trim());

const entryArb: fc.Arbitrary<Omit<TermEntry, 'id'>> = fc
  .record({
    zh: fc.array(zhChar, { minLength: 1, maxLength: 8 }).map((c) => c.join('')),
    en: phrase,
    variants: fc.array(listItem, { maxLength: 3 }),
    forbidden: fc.array(listItem, { maxLength: 3 }),
    note: freeText,
    source: freeText.map((s) => s.replace(/\n/g, ' ').trim()),
    status: fc.constantFrom('preferred' as const, 'admitted' as const, 'deprecated' as const),
    caseSensitive: fc.boolean(),
    match: fc.constantFrom('exact' as const, 'inflected' as const, 'prefix' as const),
    subject: fc.option(fc.constantFrom('economy', 'science and technology', 'places'), { nil: undefined }),
  })
  .map(({ subject, ...e }) => {
    // Accepted and forbidden renderings must not collide (the formats reject such entries).
    const fold = (s: string) => (e.caseSensitive ? s : s.toLowerCase());
    const seen = new Set([fold(e.en)]);
    const variants = e.variants.filter((v) => !seen.has(fold(v)) && seen.add(fold(v)));
    const forbidden = e.forbidden.filter((f) => !seen.has(fold(f)) && seen.add(fold(f)));
    return { ...e, variants, forbidden, ...(subject ? { subject } : {}) };
  });
const glossaryArb = fc.array(entryArb, { maxLength: 12 }).map((list) => list.map((e, i) => ({ id: `term-${i + 1}`, ...e }) as TermEntry));

const FORMATS = [
  { name: 'TBX', parse: tbx.parse, serialize: (e: TermEntry[]) => tbx.serialize(e) },
  { name: 'CSV', parse: csv.parse, serialize: (e: TermEntry[]) => csv.serialize(e) },
  { name: 'TSV', parse: csv.parse, serialize: (e: TermEntry[]) => csv.serialize(e, { delimiter: '\t' }) },
];

describe.each(FORMATS)('$name round trip', ({ parse, serialize }) => {
  it('gives back the test glossary unchanged: parse(serialize(x)) = x', () => {
    expect(parse(serialize(POLICY))).toEqual(POLICY);
  });

  it('gives back any generated glossary unchanged', () => {
    fc.assert(
      fc.property(glossaryArb, (entries) => {
        expect(parse(serialize(entries))).toEqual(entries);
      }),
      { numRuns: 150 },
    );
  });
});

describe('TBX reading', () => {
  it('reads the TBX-Basic shape: statuses, superseded as forbidden, options, language variants', () => {
    const entries = tbx.parse(read('policy.tbx'));
    expect(entries.map((e) => [e.id, e.zh, e.en, e.status])).toEqual([
      ['new-quality-productive-forces', '新质生产力', 'new quality productive forces', 'preferred'],
      ['four-centers', '四个中心', 'Four Centers', 'deprecated'],
      ['ai-plus', '人工智能+', 'AI Plus', 'preferred'],
      ['belt-and-road', '一带一路', 'Belt and Road', 'preferred'],
    ]);
    expect(entries[0]).toMatchObject({
      variants: ['new-quality productive forces'],
      forbidden: ['new productive forces', 'new-type productive forces'],
      note: 'Keep "forces" plural.',
      source: 'Xinhua English; Qiushi English',
      subject: 'economy',
    });
    expect(entries[2]).toMatchObject({ caseSensitive: true, match: 'exact', variants: ['AI+'] });
    expect(entries[3].forbidden).toEqual(['One Belt One Road', 'OBOR']);
  });

  it('reads TBX v3 conceptEntry/langSec/termSec', () => {
    expect(tbx.parse(read('v3.tbx')).map((e) => [e.id, e.zh, e.en, e.variants])).toEqual([
      ['yangtze-river-delta', '长三角', 'Yangtze River Delta', ['YRD']],
      ['business-environment', '营商环境', 'business environment', []],
    ]);
  });

  it('agrees with the CSV test glossary on the entries both contain', () => {
    const fromTbx = tbx.parse(read('policy.tbx'));
    const byZh = new Map(POLICY.map((e) => [e.zh, e]));
    for (const e of fromTbx) {
      const c = byZh.get(e.zh)!;
      expect([e.en, e.status, e.caseSensitive, e.match]).toEqual([c.en, c.status, c.caseSensitive, c.match]);
    }
  });
});

describe('CSV reading', () => {
  it('accepts a BOM, CRLF, Excel quoting with doubled quotes and line breaks, and the minimal header', () => {
    const text = '\uFEFFzh,en,variants,forbidden,note\r\n新质生产力,new quality productive forces,new-quality productive forces,new productive forces|new-type productive forces,"Keep ""forces""\r\nplural, always."\r\n五个中心,Five Centers,,,\r\n';
    const entries = csv.parse(text);
    expect(entries.map((e) => [e.id, e.zh, e.en])).toEqual([
      ['new-quality-productive-forces', '新质生产力', 'new quality productive forces'],
      ['five-centers', '五个中心', 'Five Centers'],
    ]);
    expect(entries[0].forbidden).toEqual(['new productive forces', 'new-type productive forces']);
    expect(entries[0].note).toBe('Keep "forces"\r\nplural, always.');
    expect(entries[1]).toMatchObject({ status: 'preferred', match: 'inflected', caseSensitive: false, variants: [] });
  });

  it('accepts TSV and semicolon-separated files, columns in any order', () => {
    expect(csv.parse('en\tzh\nFive Centers\t五个中心\n').map((e) => e.zh)).toEqual(['五个中心']);
    expect(csv.parse('zh;en;note\n五个中心;Five Centers;a, b\n')[0].note).toBe('a, b');
  });

  it('gives generated ids that do not clash', () => {
    const entries = csv.parse('zh,en\n五个中心,Five Centers\n五个中心城区,Five Centers\n');
    expect(entries.map((e) => e.id)).toEqual(['five-centers', 'five-centers-2']);
  });
});

describe('bad files are rejected whole, with every problem by line and field', () => {
  it.each([
    ['bad-rows.csv', csv.parse, [
      { line: 3, field: 'zh' },
      { line: 4, field: 'en' },
      { line: 5, field: 'status' },
      { line: 6, field: 'id' },
      { line: 7, field: 'forbidden' },
    ]],
    ['bad-unclosed-quote.csv', csv.parse, [{ line: 3, field: 'en' }]],
    ['bad-header.csv', csv.parse, [
      { line: 1, field: 'header' },
      { line: 1, field: 'header' },
      { line: 1, field: 'header' },
      { line: 1, field: 'header' },
    ]],
    ['bad-entries.tbx', tbx.parse, [
      { line: 4, field: 'zh' },
      { line: 7, field: 'en' },
      { line: 12, field: 'status' },
      { line: 14, field: 'id' },
    ]],
    ['malformed.tbx', tbx.parse, [{ line: 6, field: undefined }]],
    ['wrong-root.tbx', tbx.parse, [{ line: 2, field: undefined }]],
  ])('%s', (name, parse, expected) => {
    const problems = problemsOf(() => parse(read(name)));
    expect(problems.map((p) => ({ line: p.line, field: p.field }))).toEqual(expected);
    for (const p of problems) expect(p.message.length).toBeGreaterThan(10);
  });

  it('names every problem in the error message', () => {
    try {
      csv.parse(read('bad-rows.csv'));
      expect.unreachable();
    } catch (error) {
      const message = (error as Error).message;
      expect(message).toContain('5 problems');
      for (const line of [3, 4, 5, 6, 7]) expect(message).toContain(`line ${line}, field`);
    }
  });

  it('never expands external entities or reads the DTD', () => {
    const problems = problemsOf(() => tbx.parse(read('external-entity.tbx')));
    expect(problems).toHaveLength(1);
    expect(problems[0].line).toBe(8);
    expect(problems[0].message).toMatch(/entity/);
  });

  it.each([
    ['status', 'zh,en,status\n五个中心,Five Centers,official\n', 2, 'status'],
    ['match', 'zh,en,match\n五个中心,Five Centers,fuzzy\n', 2, 'match'],
    ['caseSensitive', 'zh,en,caseSensitive\n五个中心,Five Centers,maybe\n', 2, 'caseSensitive'],
    ['too many fields', 'zh,en\n五个中心,Five Centers,extra\n', 2, undefined],
    ['text after a closing quote', 'zh,en\n五个中心,"Five" Centers\n', 2, 'en'],
    ['an empty file', '', 1, 'header'],
  ])('CSV with a bad %s', (_what, text, line, field) => {
    const [p] = problemsOf(() => csv.parse(text));
    expect([p.line, p.field]).toEqual([line, field]);
  });

  it.each([
    ['x-matchMode', '<termNote type="x-matchMode">fuzzy</termNote>', 'match'],
    ['x-caseSensitive', '<termNote type="x-caseSensitive">perhaps</termNote>', 'caseSensitive'],
  ])('TBX with a bad %s', (_what, note, field) => {
    const text = `<martif type="TBX-Basic"><text><body>\n<termEntry id="a">\n<langSet xml:lang="zh"><tig><term>五个中心</term></tig></langSet>\n<langSet xml:lang="en"><tig><term>Five Centers</term>${note}</tig></langSet>\n</termEntry></body></text></martif>`;
    const [p] = problemsOf(() => tbx.parse(text));
    expect([p.line, p.field]).toEqual([4, field]);
  });
});
