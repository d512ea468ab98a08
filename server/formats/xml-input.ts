// Feeding an XML document, whole or in chunks, to a saxes parser: UTF-8 decoding that refuses a
// broken or cut multi-byte sequence, and a guard for the one error saxes reports in the wrong place.
// saxes reads an entity name after "&" up to the next ";" — for a bare "&" that may be many lines
// later, or the end of the file — so a translator would be sent to the wrong line. The guard scans
// the character stream (skipping comments, CDATA sections and processing instructions, where "&"
// is legal) and stops at the first "&" that does not begin a well-formed reference (XML 1.0 §4.1).
import type { SaxesParser } from 'saxes';

const REFERENCE = /&(?:#[0-9]+|#x[0-9a-fA-F]+|[A-Za-z_:\u00C0-\uFFFF][-A-Za-z0-9_.:\u00B7-\uFFFF]*);/y;
const MARKUP = /[&<]/g;
const OPENERS: [string, string][] = [
  ['<!--', '-->'],
  ['<![CDATA[', ']]>'],
  ['<?', '?>'],
];
// Longest reference we wait for across a chunk boundary before calling an "&" bare.
const MAX_REFERENCE = 80;

function newlines(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = text.indexOf('\n', from); i !== -1 && i < to; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

export class BareAmpersandGuard {
  private line = 1;
  private carry = '';
  private until: string | undefined;

  /**
   * Scans the next chunk; returns the line of a bare "&" and how many characters of this chunk
   * come before it, or undefined when the chunk is clean.
   */
  scan(chunk: string, final = false): { line: number; before: number } | undefined {
    const text = this.carry + chunk;
    const offset = this.carry.length;
    this.carry = '';
    let i = 0;
    while (i < text.length) {
      if (this.until) {
        const end = text.indexOf(this.until, i);
        if (end === -1) {
          const keep = Math.max(i, text.length - (this.until.length - 1));
          this.line += newlines(text, i, keep);
          this.carry = text.slice(keep);
          return undefined;
        }
        this.line += newlines(text, i, end + this.until.length);
        i = end + this.until.length;
        this.until = undefined;
        continue;
      }
      MARKUP.lastIndex = i;
      const found = MARKUP.exec(text);
      if (!found) {
        this.line += newlines(text, i, text.length);
        return undefined;
      }
      const k = found.index;
      this.line += newlines(text, i, k);
      const rest = text.length - k;
      if (text[k] === '<') {
        const opener = OPENERS.find(([open]) => text.startsWith(open, k));
        if (opener) {
          this.until = opener[1];
          i = k + opener[0].length;
        } else if (!final && rest < 9 && OPENERS.some(([open]) => open.startsWith(text.slice(k)))) {
          this.carry = text.slice(k);
          return undefined;
        } else i = k + 1;
        continue;
      }
      REFERENCE.lastIndex = k;
      const reference = REFERENCE.exec(text);
      if (reference) {
        i = k + reference[0].length;
        continue;
      }
      if (!final && rest < MAX_REFERENCE && text.indexOf(';', k) === -1) {
        this.carry = text.slice(k);
        return undefined;
      }
      return { line: this.line, before: Math.max(0, k - offset) };
    }
    return undefined;
  }
}

export const BARE_AMPERSAND = 'a bare "&": write it as &amp; (or finish the entity reference with ";")';

/**
 * Writes the input to the parser and closes it. Throws the parser's error, or an Error carrying
 * `line` for a bare ampersand (after first writing what precedes it, so an earlier error wins).
 */
export async function feedXml(parser: SaxesParser, input: string | AsyncIterable<string | Uint8Array> | Iterable<string>): Promise<void> {
  const guard = new BareAmpersandGuard();
  const write = (text: string, final: boolean) => {
    const bare = guard.scan(text, final);
    if (bare) {
      parser.write(text.slice(0, bare.before));
      throw Object.assign(new Error(BARE_AMPERSAND), { line: bare.line });
    }
    parser.write(text);
  };
  if (typeof input === 'string') write(input, true);
  else {
    const decoder = new TextDecoder('utf-8', { fatal: true });
    for await (const chunk of input as AsyncIterable<string | Uint8Array>) {
      write(typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true }), false);
    }
    // A file cut inside a multi-byte character fails here instead of losing its last character.
    write(decoder.decode(), true);
  }
  parser.close();
}
