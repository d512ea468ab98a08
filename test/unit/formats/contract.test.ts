// The contract both exchange formats keep: what the writer writes the reader reads back, streamed or
// not; a broken file is refused as a whole with the line of its problem; no DTD or entity is resolved.
import { describe, expect, it } from 'vitest';
import { FormatError } from '../../../glossary/formats/format-error.ts';
import * as tmx from '../../../server/formats/tmx.ts';
import * as xliff from '../../../server/formats/xliff.ts';
import { sampleUnits } from '../../peers/sample.ts';

interface Pair {
  source: string;
  target: string;
}

interface Format {
  name: string;
  write(pairs: Pair[]): string;
  read(input: string | AsyncIterable<Uint8Array>): Promise<Pair[]>;
  /** The element holding a source text, to aim corruptions at. */
  sourceTag: string;
}

const formats: Format[] = [
  {
    name: 'TMX 1.4b',
    write: (pairs) => tmx.serialize(pairs.map((p, i) => ({ tuid: `u${i + 1}`, ...p })), { creationToolVersion: '0.1.0' }),
    read: async (input) => (await tmx.parse(input)).map(({ source, target }) => ({ source, target })),
    sourceTag: 'seg',
  },
  {
    name: 'XLIFF 2.0',
    write: (pairs) => xliff.serialize(pairs.map((p, i) => ({ id: `${i + 1}`, status: 'translated' as const, ...p })), { fileId: 'doc1', original: '上海十五五规划.txt' }),
    read: async (input) => (await xliff.parse(input)).units.map(({ source, target }) => ({ source, target })),
    sourceTag: 'source',
  },
];

const sample = sampleUnits().map(({ source, target }) => ({ source, target }));
const three = sample.slice(2, 5);

async function refusal(format: Format, text: string): Promise<FormatError> {
  const error = await format.read(text).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(FormatError);
  return error as FormatError;
}

/** The 1-based line of the first occurrence of `needle`. */
function lineOf(text: string, needle: string): number {
  const at = text.indexOf(needle);
  expect(at).toBeGreaterThanOrEqual(0);
  return text.slice(0, at).split('\n').length;
}

describe.each(formats)('$name', (format) => {
  it('reads back every unit of the sample exactly as written', async () => {
    expect(sample).toHaveLength(239);
    expect(await format.read(format.write(sample))).toEqual(sample);
  });

  it.each([
    ['XML specials', '“五个中心”<核心>功能 & 能级', 'the "Five Centers" <core> functions & capacity'],
    ['an astral CJK character', '𠀀字与𪚥字', 'the characters 𠀀 and 𪚥'],
    ['leading and inner whitespace', '  上海　市 ', 'Shang  hai\tMunicipality'],
  ])('keeps %s', async (_name, source, target) => {
    expect(await format.read(format.write([{ source, target }]))).toEqual([{ source, target }]);
  });

  it('reads a stream of byte chunks cut inside multi-byte characters', async () => {
    const bytes = new TextEncoder().encode(format.write(sample.slice(0, 20)));
    async function* chunks() {
      for (let i = 0; i < bytes.length; i += 5) yield bytes.slice(i, i + 5);
    }
    expect(await format.read(chunks())).toEqual(sample.slice(0, 20));
  });

  it('refuses a file cut in the middle of a character', async () => {
    const bytes = new TextEncoder().encode(format.write(three));
    const cut = bytes.slice(0, bytes.indexOf(0xe4, 200) + 1);
    async function* once() {
      yield cut;
    }
    await expect(format.read(once())).rejects.toBeInstanceOf(FormatError);
  });

  it.each([
    ['a bare ampersand', (t: string) => t.replace('联动发展', '联动 & 发展'), '联动'],
    ['an unknown entity', (t: string) => t.replace('联动发展', '联动&nbsp;发展'), '联动'],
    ['a mismatched closing tag', (t: string) => t.replace(/联动发展([^<]*)<\/(seg|source)>/, '联动发展$1</target>'), '联动'],
    ['a "<" inside a text', (t: string) => t.replace('联动发展', '联动<发展'), '联动'],
  ])('refuses a file with %s, naming its line', async (_name, corrupt, needle) => {
    const text = corrupt(format.write(three));
    const error = await refusal(format, text);
    expect(error.problems[0].line).toBe(lineOf(text, needle));
    expect(error.message).toMatch(/line \d+/);
  });

  it('refuses a truncated file at its last line', async () => {
    const full = format.write(three);
    const text = full.slice(0, full.lastIndexOf(`</${format.sourceTag}>`));
    const error = await refusal(format, text);
    expect(error.problems[0].line).toBe(text.split('\n').length);
  });

  it('resolves no external entity and expands no entity declared in a DTD', async () => {
    const body = format.write(three);
    const root = body.indexOf('<', body.indexOf('?>'));
    const evil =
      body.slice(0, root) +
      '<!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd"><!ENTITY a "啊啊啊啊啊啊啊啊"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>\n' +
      body.slice(root).replace('联动发展', '&xxe;&b;');
    const error = await refusal(format, evil);
    expect(error.problems[0].line).toBe(lineOf(evil, '&xxe;'));
    expect(JSON.stringify(error.problems)).not.toMatch(/root:|啊啊/);
  });

  it('refuses a file of the other format', async () => {
    const other = formats.find((f) => f !== format)!;
    await refusal(format, other.write(three));
  });
});
