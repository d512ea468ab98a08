import { describe, expect, it } from 'vitest';
import { FormatError } from '../../../glossary/formats/format-error.ts';
import { parse, parseStream, primaryLanguage, serialize, tmxDate, xmlText, type TmxUnit } from '../../../server/formats/tmx.ts';

const header = { creationToolVersion: '0.1.0', creationDate: new Date(Date.UTC(2026, 10, 29, 8, 5, 9)) };

const units: TmxUnit[] = [
  {
    tuid: 'doc1-0001',
    source: '坚持科技创新打头阵，引领发展新质生产力。',
    target: 'We will put scientific and technological innovation in the lead and develop new quality productive forces.',
    creationId: 'translator',
    changeId: 'reviewer',
    creationDate: new Date(Date.UTC(2026, 0, 2, 3, 4, 5)),
    changeDate: new Date(Date.UTC(2026, 0, 3, 3, 4, 5)),
    props: { 'x-status': 'approved', 'x-section': '七 › 1 › 1.1' },
    notes: ['Check against the Xinhua rendering & keep "Five Centers" capitalised.'],
  },
  { tuid: 'doc1-0002', source: '强化“五个中心”核心功能。', target: 'We will strengthen the core functions of the "Five Centers" <sic>.' },
];

describe('TMX writer', () => {
  it('formats dates as YYYYMMDDThhmmssZ in UTC', () => {
    expect(tmxDate(new Date(Date.UTC(2026, 10, 29, 8, 5, 9)))).toBe('20261129T080509Z');
  });

  it.each([
    ['escapes the XML specials', 'A & B < C > D "E"', 'A &amp; B &lt; C &gt; D &quot;E&quot;'],
    ['drops C0 control characters but keeps tab and newlines', 'a\u0001b\u0008c\td\ne', 'abc\td\ne'],
    ['drops a lone high surrogate', 'x\uD800y', 'xy'],
    ['drops a lone low surrogate', 'x\uDC00y', 'xy'],
    ['keeps a surrogate pair (an astral character)', '𠀀字', '𠀀字'],
    ['drops U+FFFE and U+FFFF', 'a\uFFFEb\uFFFF', 'ab'],
  ])('%s', (_name, input, expected) => {
    expect(xmlText(input)).toBe(expected);
  });

  it('writes the header attributes the TMX 1.4b DTD requires, and zh-CN/en-US variants', () => {
    const tmx = serialize(units, header);
    expect(tmx).toMatch(/<header creationtool="Bitext Workbench" creationtoolversion="0\.1\.0" segtype="sentence" o-tmf="[^"]+" adminlang="en-US" srclang="zh-CN" datatype="plaintext" creationdate="20261129T080509Z"\/>/);
    expect(tmx).toContain('<tu tuid="doc1-0001" creationdate="20260102T030405Z" creationid="translator" changedate="20260103T030405Z" changeid="reviewer">');
    expect(tmx).toContain('<prop type="x-section">七 › 1 › 1.1</prop>');
    expect(tmx).toContain('<tuv xml:lang="zh-CN"><seg>强化“五个中心”核心功能。</seg></tuv>');
    expect(tmx).toContain('the &quot;Five Centers&quot; &lt;sic&gt;.');
  });

  it('still exports a unit whose text holds a control character or a lone surrogate', async () => {
    const tmx = serialize([{ source: '上海\u0000市', target: 'Shang\uD83Dhai' }], header);
    const [unit] = await parse(tmx);
    expect(unit).toMatchObject({ source: '上海市', target: 'Shanghai' });
  });
});

describe('TMX reader', () => {
  it('reads back what the writer wrote: texts, ids, dates, props and notes', async () => {
    const back = await parse(serialize(units, header));
    expect(back).toHaveLength(2);
    expect(back[0]).toMatchObject({
      tuid: 'doc1-0001',
      source: units[0].source,
      target: units[0].target,
      creationId: 'translator',
      changeId: 'reviewer',
      props: units[0].props,
      notes: units[0].notes,
    });
    expect(back[0].changeDate?.toISOString()).toBe('2026-01-03T03:04:05.000Z');
    expect(back[1].target).toBe(units[1].target);
  });

  it.each(['zh', 'zh-CN', 'zh-Hans', 'ZH-hans-cn', 'zh_TW'])('counts %s as Chinese, as OmegaT does', async (lang) => {
    const tmx = `<tmx version="1.4"><header creationtool="x" creationtoolversion="1" segtype="sentence" o-tmf="x" adminlang="en" srclang="${lang}" datatype="plaintext"/><body>
      <tu><tuv xml:lang="${lang}"><seg>基础研究</seg></tuv><tuv lang="EN-GB"><seg>basic research</seg></tuv></tu></body></tmx>`;
    expect(await parse(tmx)).toMatchObject([{ source: '基础研究', target: 'basic research' }]);
    expect(primaryLanguage(lang)).toBe('zh');
  });

  it('keeps the text of inline markup but not its native codes', async () => {
    const tmx = `<tmx version="1.4"><header/><body><tu><tuv xml:lang="zh-CN"><seg><bpt i="1">&lt;b&gt;</bpt>长三角<ept i="1">&lt;/b&gt;</ept></seg></tuv><tuv xml:lang="en"><seg>the <ph>&lt;br/&gt;</ph>Yangtze River Delta</seg></tuv></tu></body></tmx>`;
    expect(await parse(tmx)).toMatchObject([{ source: '长三角', target: 'the Yangtze River Delta' }]);
  });

  it('reads a stream of byte chunks split inside a multi-byte character', async () => {
    const bytes = new TextEncoder().encode(serialize(units, header));
    async function* chunks() {
      for (let i = 0; i < bytes.length; i += 7) yield bytes.slice(i, i + 7);
    }
    const back = await parse(chunks());
    expect(back.map((u) => u.source)).toEqual(units.map((u) => u.source));
  });

  it('never expands entities declared in a DTD (no XXE, no entity bombs)', async () => {
    const evil = `<?xml version="1.0"?>
<!DOCTYPE tmx [<!ENTITY xxe SYSTEM "file:///etc/passwd"><!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>
<tmx version="1.4"><header/><body><tu><tuv xml:lang="zh"><seg>&xxe;&b;</seg></tuv><tuv xml:lang="en"><seg>x</seg></tuv></tu></body></tmx>`;
    const error = await parse(evil).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FormatError);
    expect(JSON.stringify((error as FormatError).problems)).not.toContain('root:');
  });

  it.each([
    ['an unclosed element', '<tmx version="1.4"><header/><body>\n<tu><tuv xml:lang="zh"><seg>上海</seg></tuv>\n</body></tmx>', 3],
    ['text after the root', '<tmx version="1.4"><header/><body/></tmx>\ngarbage', 2],
    ['a bare ampersand', '<tmx version="1.4"><header/><body>\n\n<tu><tuv xml:lang="zh"><seg>A & B</seg></tuv></tu></body></tmx>', 3],
  ])('rejects %s with the line of the problem', async (_name, text, line) => {
    const error = await parse(text).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FormatError);
    expect((error as FormatError).problems[0].line).toBe(line);
  });

  it('rejects an XML file that is not TMX', async () => {
    await expect(parse('<xliff version="2.0"/>')).rejects.toThrow(/no <tmx> root/);
  });
});

describe('streamed TMX reader (parseStream)', () => {
  // Sentences of the sample, so a batch looks like a real import.
  const pairs: [string, string][] = [
    ['坚持科技创新打头阵，引领发展新质生产力。', 'We will put scientific and technological innovation in the lead.'],
    ['强化“五个中心”核心功能。', 'We will strengthen the core functions of the "Five Centers".'],
    ['深入推进长三角一体化发展。', 'We will further advance the integrated development of the Yangtze River Delta.'],
    ['全面推进城市数字化转型，建设国际数字之都。', 'We will fully advance the digital transformation of the city.'],
  ];
  const many = (n: number): TmxUnit[] => Array.from({ length: n }, (_, i) => ({ tuid: `u${i}`, source: `${pairs[i % 4][0]}（${i}）`, target: `${pairs[i % 4][1]} (${i})` }));

  /** The file as byte chunks of `size`, the way a request body arrives. */
  async function* chunked(text: string, size = 4096) {
    const bytes = new TextEncoder().encode(text);
    for (let i = 0; i < bytes.length; i += size) yield bytes.slice(i, i + size);
  }

  it('hands over every unit in file order, in batches bounded by the batch size and one input chunk', async () => {
    const batches: TmxUnit[][] = [];
    const delivered = await parseStream(chunked(serialize(many(2500), header)), { batchSize: 100 }, (batch) => {
      batches.push(batch);
    });
    expect(delivered).toBe(2500);
    expect(batches.length).toBeGreaterThan(10);
    // A 4 KB chunk holds about 15 of these units: no batch waits for much more than its size.
    expect(Math.max(...batches.map((b) => b.length))).toBeLessThan(100 + 30);
    expect(batches.flat().map((u) => u.tuid)).toEqual(many(2500).map((u) => u.tuid));
  });

  it('keeps batches small even when the whole file arrives as one chunk (a buffered body)', async () => {
    const sizes: number[] = [];
    const bytes = new TextEncoder().encode(serialize(many(5000), header));
    await parseStream([bytes] as unknown as AsyncIterable<Uint8Array>, { batchSize: 200 }, (batch) => {
      sizes.push(batch.length);
    });
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(5000);
    // A 64 KB slice of the parser's input holds about 230 of these units.
    expect(Math.max(...sizes)).toBeLessThan(200 + 300);
  });

  it('awaits the consumer before reading on', async () => {
    let busy = false;
    let overlapped = false;
    await parseStream(chunked(serialize(many(600), header), 1024), { batchSize: 50 }, async () => {
      if (busy) overlapped = true;
      busy = true;
      await new Promise((resolve) => setTimeout(resolve, 1));
      busy = false;
    });
    expect(overlapped).toBe(false);
  });

  it('throws FormatError with the line of a problem near the end, after batches went out', async () => {
    const tmx = serialize(many(1000), header).replace('Yangtze River Delta. (998)', 'Yangtze & Delta. (998)');
    const line = tmx.split('\n').findIndex((l) => l.includes('Yangtze & Delta')) + 1;
    let delivered = 0;
    const error = await parseStream(chunked(tmx), { batchSize: 100 }, (batch) => {
      delivered += batch.length;
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FormatError);
    expect((error as FormatError).problems[0].line).toBe(line);
    expect(delivered).toBeGreaterThan(0); // which is why an import stages batches rather than publishing them
    expect(delivered).toBeLessThan(1000);
  });

  it('lets an error of the consumer through as it is, not as a format problem', async () => {
    const error = await parseStream(chunked(serialize(many(500), header)), { batchSize: 10 }, () => {
      throw new RangeError('the database is full');
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RangeError);
  });

  it('refuses more units than maxUnits, naming the line of the first unit too many', async () => {
    const tmx = serialize(many(30), header);
    const error = await parseStream(chunked(tmx, 512), { maxUnits: 20, batchSize: 5 }, () => {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FormatError);
    const line = tmx.split('\n').findIndex((l) => l.includes('tuid="u20"')) + 1;
    expect((error as FormatError).problems[0]).toMatchObject({ line, message: 'more than 20 translation units' });
  });
});
