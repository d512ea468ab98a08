import { readFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { DecodeError, decodeText } from '../../../segments/decode.ts';

const seed = readFileSync(new URL('../../../samples/shanghai-fyp/source.zh.txt', import.meta.url), 'utf8');
const bytes = (...parts: (number[] | Uint8Array)[]) => Uint8Array.from(parts.flatMap((p) => [...p]));
const utf16be = (text: string) => {
  const le = Buffer.from(text, 'utf16le');
  for (let i = 0; i < le.length; i += 2) [le[i], le[i + 1]] = [le[i + 1], le[i]];
  return le;
};

function decodeError(input: Uint8Array, name: string): DecodeError {
  try {
    decodeText(input, name);
  } catch (error) {
    if (error instanceof DecodeError) return error;
    throw error;
  }
  throw new Error(`decodeText accepted ${name}`);
}

describe('decodeText reads the seed in every supported encoding', () => {
  it.each([
    ['UTF-8', () => Buffer.from(seed, 'utf8')],
    ['UTF-8 with BOM', () => bytes([0xef, 0xbb, 0xbf], Buffer.from(seed, 'utf8'))],
    ['UTF-16 LE with BOM', () => bytes([0xff, 0xfe], Buffer.from(seed, 'utf16le'))],
    ['UTF-16 BE with BOM', () => bytes([0xfe, 0xff], utf16be(seed))],
    ['GBK', () => iconv.encode(seed, 'gbk')],
    ['GB18030', () => iconv.encode(seed, 'gb18030')],
  ])('%s', (_encoding, encode) => {
    expect(decodeText(encode(), 'source.zh.txt')).toBe(seed);
  });

  it('reads GB18030 characters outside GBK (CJK extension B, the euro sign)', () => {
    const text = '上海𠀀中心€。';
    expect(iconv.encode(text, 'gbk').includes(0x3f)).toBe(true); // GBK cannot hold them
    expect(decodeText(iconv.encode(text, 'gb18030'), 'ext.txt')).toBe(text);
  });

  it('reads an empty file as empty text', () => {
    expect(decodeText(new Uint8Array(0), 'empty.txt')).toBe('');
  });
});

describe('decodeText refuses what is not text', () => {
  it.each([
    ['a PNG image', 'picture.png', bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]), /binary/],
    ['bytes full of control characters', 'noise.bin', bytes(Array.from({ length: 200 }, (_, i) => (i * 7) % 32)), /binary/],
    ['a UTF-16 file with an odd byte count', 'odd.txt', bytes([0xff, 0xfe, 0x0a, 0x4e, 0x0b]), /odd number of bytes/],
    ['UTF-8 with a BOM but broken bytes after it', 'broken.txt', bytes([0xef, 0xbb, 0xbf, 0xe4, 0xb8]), /invalid UTF-8/],
    ['bytes that are neither UTF-8 nor GB18030', 'latin1.txt', bytes([0x63, 0x61, 0x66, 0xe9]), /neither UTF-8 nor GB18030/],
    ['UTF-16 without a byte-order mark', 'nobom.txt', Buffer.from('2035 年 Shanghai', 'utf16le'), /UTF-16 without a byte-order mark/],
  ])('%s', (_what, name, input, reason) => {
    const error = decodeError(input, name);
    expect(error.name).toBe(name);
    expect(error.reason).toMatch(reason);
    expect(error.message.startsWith(`${name}: `)).toBe(true);
  });

  it('refuses high bytes that decode as GB18030 but are not mostly Chinese text', () => {
    const input = bytes(Array.from({ length: 400 }, (_, i) => [0x81, 0x30 + (i % 10)]).flat(), [0x81, 0x30]);
    const error = decodeError(input, 'mojibake.dat');
    expect(error.reason).toMatch(/not mostly Chinese text|invalid byte sequences/);
  });
});
