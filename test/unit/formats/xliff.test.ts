import { describe, expect, it } from 'vitest';
import { FormatError } from '../../../glossary/formats/format-error.ts';
import { parse, serialize, stateOf, statusOf, xliffContent, type SegmentStatus, type XliffUnit } from '../../../server/formats/xliff.ts';

const file = { fileId: 'doc7', original: '上海市十五五规划纲要（节选）.txt' };

const units: XliffUnit[] = [
  { id: '101', source: '七、强化国际科技创新中心策源功能', target: '', status: 'new', name: '七' },
  { id: '102', source: '坚持科技创新打头阵。', target: 'We will let innovation lead the way.', status: 'draft', name: '七' },
  {
    id: '103',
    source: '强化“五个中心”核心功能。',
    target: 'We will strengthen the core functions of the "Five Centers".',
    status: 'translated',
    notes: ['Keep "Five Centers" capitalised & in quotes.', '审校：术语已核对'],
  },
  { id: '104', source: '加快建设具有全球影响力的科技创新中心。', target: 'We will accelerate the building of a sci-tech innovation center with global influence.', status: 'approved', name: '七 › 1' },
  { id: '105', source: '推动长三角一体化发展。', target: 'We will promote the integrated development of the Yangtze River Delta.', status: 'rejected' },
];

async function refusal(text: string): Promise<FormatError> {
  const error = await parse(text).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(FormatError);
  return error as FormatError;
}

const wrap = (body: string, root = '<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="zh-CN" trgLang="en-US">') =>
  `<?xml version="1.0" encoding="UTF-8"?>\n${root}\n<file id="f1">\n${body}\n</file>\n</xliff>\n`;

describe('XLIFF 2.0 writer', () => {
  it('writes the root, file and one unit with one segment per segment of ours', () => {
    const text = serialize(units, file);
    expect(text).toContain('<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="zh-CN" trgLang="en-US">');
    expect(text).toContain('<file id="doc7" original="上海市十五五规划纲要（节选）.txt">');
    expect(text).toContain('<unit id="104" name="七 › 1">');
    expect(text.match(/<segment /g)).toHaveLength(5);
    expect(text).toContain('<note category="comment">Keep &quot;Five Centers&quot; capitalised &amp; in quotes.</note>');
  });

  it.each<[SegmentStatus, string]>([
    ['new', 'state="initial" subState="bitext:new"'],
    ['draft', 'state="initial" subState="bitext:draft"'],
    ['rejected', 'state="initial" subState="bitext:rejected"'],
    ['translated', 'state="translated"'],
    ['approved', 'state="final"'],
  ])('writes status %s as %s', (status, attributes) => {
    expect(serialize([{ id: 'a1', source: '上海', target: 'Shanghai', status }], file)).toContain(`<segment ${attributes}>`);
  });

  it('leaves out the target of a new segment that has none', () => {
    const text = serialize([units[0]], file);
    expect(text).not.toContain('<target');
  });

  it('writes characters XML forbids as <cp/> and drops lone surrogates', () => {
    expect(xliffContent('上海\u0001市\uFFFF')).toBe('上海<cp hex="0001"/>市<cp hex="FFFF"/>');
    expect(xliffContent('x\uD800y & z')).toBe('xy &amp; z');
  });
});

describe('XLIFF 2.0 reader', () => {
  it('reads back units, statuses, names and notes', async () => {
    const doc = await parse(serialize(units, file));
    expect(doc).toMatchObject({ fileId: 'doc7', original: file.original, srcLang: 'zh-CN', trgLang: 'en-US' });
    expect(doc.units.map(({ id, source, target, status }) => ({ id, source, target, status }))).toEqual(
      units.map(({ id, source, target, status }) => ({ id, source, target, status })),
    );
    expect(doc.units[2].notes).toEqual(units[2].notes);
    expect(doc.units[3].name).toBe('七 › 1');
    expect(doc.units[3].line).toBe(serialize(units, file).split('\n').findIndex((l) => l.includes('<unit id="104"')) + 1);
  });

  it('gives back control characters written as <cp/>', async () => {
    const [unit] = (await parse(serialize([{ id: 'c1', source: '上海\u0001市', target: 'Shang\u000Bhai', status: 'translated' }], file))).units;
    expect(unit).toMatchObject({ source: '上海\u0001市', target: 'Shang\u000Bhai' });
  });

  it.each<[string, string | undefined, string, SegmentStatus]>([
    ['initial', undefined, '', 'new'],
    ['initial', undefined, 'draft text', 'draft'],
    ['initial', 'bitext:rejected', 'We will promote…', 'rejected'],
    ['translated', undefined, 'We will promote…', 'translated'],
    ['reviewed', undefined, 'We will promote…', 'translated'],
    ['final', undefined, 'We will promote…', 'approved'],
    // A subState that contradicts the state (another tool changed the state) is ignored.
    ['final', 'bitext:draft', 'We will promote…', 'approved'],
    ['translated', 'other:x', 'We will promote…', 'translated'],
  ])('reads state %s / subState %s as %s → %s', (state, subState, target, status) => {
    expect(statusOf(state as never, subState, target)).toBe(status);
  });

  it('maps every status to a state and back to itself', () => {
    for (const status of ['new', 'draft', 'translated', 'approved', 'rejected'] as SegmentStatus[]) {
      expect(statusOf(stateOf(status), status === 'new' || status === 'draft' || status === 'rejected' ? `bitext:${status}` : undefined, 'x')).toBe(status);
    }
  });

  it('keeps the text of <pc> and <mrk> but not the codes of <ph>, <sc>, <ec> or <originalData>', async () => {
    const text = wrap(`<unit id="u1"><originalData><data id="d1">&lt;b&gt;</data></originalData>
<segment state="translated"><source><pc id="1">长三角</pc><ph id="2" dataRef="d1"/>一体化</source><target><mrk id="m1" type="term">Yangtze River Delta</mrk><sc id="3"/> integration<ec startRef="3"/></target></segment></unit>`);
    expect((await parse(text)).units[0]).toMatchObject({ source: '长三角一体化', target: 'Yangtze River Delta integration', status: 'translated' });
  });

  it('reads elements written with a namespace prefix', async () => {
    const text = `<x:xliff xmlns:x="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="zh" trgLang="en"><x:file id="f"><x:unit id="u1"><x:segment state="final"><x:source>浦东</x:source><x:target>Pudong</x:target></x:segment></x:unit></x:file></x:xliff>`;
    expect((await parse(text)).units[0]).toMatchObject({ id: 'u1', source: '浦东', target: 'Pudong', status: 'approved' });
  });

  it.each([
    ['a unit without id', '<unit>\n<segment><source>上海</source></segment></unit>', 'unit/@id', 4],
    ['a repeated unit id', '<unit id="a"><segment><source>上海</source></segment></unit>\n<unit id="a"><segment><source>浦东</source></segment></unit>', 'unit/@id', 5],
    ['an unknown state', '<unit id="a">\n<segment state="signed-off"><source>上海</source></segment></unit>', 'segment/@state', 5],
    ['a unit without a source', '<unit id="a">\n<segment state="initial"></segment></unit>', 'unit/segment/source', 4],
    ['an element that is not inline content', '<unit id="a"><segment><source>上海\n<b>市</b></source></segment></unit>', undefined, 5],
  ])('refuses %s, naming the field and line', async (_name, body, field, line) => {
    const error = await refusal(wrap(body));
    expect(error.problems[0]).toMatchObject({ line, ...(field ? { field } : {}) });
  });

  it('reports every structural problem of a file at once, in line order', async () => {
    const error = await refusal(wrap('<unit id="a">\n<segment state="done"><source>上海</source></segment></unit>\n<unit id="a"><segment><source>浦东</source></segment></unit>'));
    expect(error.problems.map((p) => [p.line, p.field])).toEqual([
      [5, 'segment/@state'],
      [6, 'unit/@id'],
    ]);
  });

  it.each([
    ['XLIFF 1.2', '<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">', 'xliff/@version'],
    ['a root without srcLang', '<xliff version="2.0" trgLang="en">', 'xliff/@srcLang'],
  ])('refuses %s', async (_name, root, field) => {
    const error = await refusal(wrap('<unit id="a"><segment><source>上海</source></segment></unit>', root));
    expect(error.problems[0]).toMatchObject({ line: 2, field });
  });

  it('refuses a document without a <file>', async () => {
    await expect(parse('<xliff version="2.0" srcLang="zh"/>')).rejects.toThrow(/no <file>/);
  });
});
