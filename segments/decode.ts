// Text decoding for source files of unknown encoding.
// Algorithm: byte-order mark first (UTF-8, UTF-16 LE/BE; WHATWG Encoding §6 "BOM sniffing"); then
// a binary check (NUL bytes or many C0 control characters, as file(1) and git do); then strict UTF-8
// (TextDecoder with fatal: true); if that fails, GB18030 through iconv-lite (a superset of GBK and
// GB2312), accepted only if it decodes without replacement characters and the result is mostly
// CJK or ordinary text. Anything else is a DecodeError naming the file.

import iconv from 'iconv-lite';

export class DecodeError extends Error {
  /** The file that could not be decoded. */
  override readonly name: string;
  readonly reason: string;
  constructor(name: string, reason: string) {
    super(`${name}: ${reason}`);
    this.name = name;
    this.reason = reason;
  }
}

/** A file is binary when it has NUL bytes or more than this share of other control characters. */
const MAX_CONTROL_SHARE = 0.05;
/** Share of decoded characters that must be CJK, printable ASCII or whitespace for a GB18030 guess. */
const MIN_TEXT_SHARE = 0.9;

function isBinary(bytes: Uint8Array): boolean {
  const sample = bytes.length > 65536 ? bytes.subarray(0, 65536) : bytes;
  let control = 0;
  for (const b of sample) {
    if (b === 0) return true;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x1b) control++;
    else if (b === 0x7f) control++;
  }
  return sample.length > 0 && control / sample.length > MAX_CONTROL_SHARE;
}

/** UTF-16 text of ASCII and CJK has NUL bytes in one byte parity only (ASCII's high/low byte). */
function looksLikeBomlessUtf16(bytes: Uint8Array): boolean {
  if (bytes.length < 4 || bytes.length % 2 !== 0) return false;
  const n = Math.min(bytes.length, 65536);
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i++) if (bytes[i] === 0) (i % 2 === 0 ? even++ : odd++);
  const half = n / 2;
  return (even > half * 0.2 && odd === 0) || (odd > half * 0.2 && even === 0);
}

function textShare(text: string): number {
  if (text.length === 0) return 1;
  let ok = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if ((c >= 0x20 && c < 0x7f) || c === 0x0a || c === 0x0d || c === 0x09) ok++;
    else if (
      (c >= 0xa0 && c <= 0x24f) || // Latin-1 and Latin Extended (names, accents)
      (c >= 0x2000 && c <= 0x2bff) || // punctuation, currency, letterlike, arrows, maths, shapes
      (c >= 0x3000 && c <= 0x9fff) || // CJK punctuation, kana, CJK ideographs and extension A
      (c >= 0xf900 && c <= 0xfaff) ||
      (c >= 0xfe30 && c <= 0xfe4f) ||
      (c >= 0xff00 && c <= 0xffef) ||
      (c >= 0x20000 && c <= 0x3134f) // CJK extensions B–G
    )
      ok++;
  }
  return ok / [...text].length;
}

export function decodeText(bytes: Uint8Array, name = 'input'): string {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return strictUtf8(bytes.subarray(3), name, 'UTF-8 with a byte-order mark');
  }
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    const le = bytes[0] === 0xff;
    if (bytes.length % 2 !== 0) throw new DecodeError(name, `UTF-16 ${le ? 'LE' : 'BE'} byte-order mark but an odd number of bytes (${bytes.length})`);
    try {
      return new TextDecoder(le ? 'utf-16le' : 'utf-16be', { fatal: true }).decode(bytes.subarray(2));
    } catch {
      throw new DecodeError(name, `UTF-16 ${le ? 'LE' : 'BE'} byte-order mark but invalid UTF-16 after it`);
    }
  }
  if (isBinary(bytes)) {
    if (looksLikeBomlessUtf16(bytes)) throw new DecodeError(name, 'looks like UTF-16 without a byte-order mark; save it as UTF-8 or as UTF-16 with a BOM');
    throw new DecodeError(name, 'binary file (NUL bytes or control characters), not text');
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // not UTF-8; try the Chinese national encoding below
  }
  const gb = iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), 'gb18030');
  if (gb.includes('\ufffd')) throw new DecodeError(name, 'neither UTF-8 nor GB18030/GBK text (invalid byte sequences)');
  if (textShare(gb) < MIN_TEXT_SHARE) throw new DecodeError(name, 'not UTF-8, and as GB18030/GBK it is not mostly Chinese text');
  return gb;
}

function strictUtf8(bytes: Uint8Array, name: string, what: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new DecodeError(name, `${what} but invalid UTF-8 after it`);
  }
}
