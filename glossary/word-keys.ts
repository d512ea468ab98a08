// English word keys: a text cut into tokens, each token reduced to the id of its comparison key.
// A word is case-folded, stripped of a possessive ('s / s'), reduced to its singular
// (-s/-es/-ies) and mapped to one spelling of the British/American pairs (centre/center,
// -ise/-ize, -yse/-yze, labour/labor, programme/program, modelling/modeling …, after the
// Oxford/Merriam-Webster variant lists) — a light stemmer in the spirit of Porter's S-stemmer
// (Harman 1991). Both sides of a comparison go through the same function, so renderings and
// targets agree on keys. Hyphens and spaces both separate tokens, so hyphen ≈ space.
// Keys are small integers: equal keys share one id for the life of the process.

/** Tokens of a text in parallel arrays, one slot per token. */
export interface TokenBuffers {
  keys: Int32Array;
  starts: Int32Array;
  ends: Int32Array;
}


const isWordCode = (c: number) =>
  (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7);
const isSeparatorCode = (c: number) =>
  c === 32 || c === 9 || c === 10 || c === 13 || c === 0xa0 || c === 45 || (c >= 0x2010 && c <= 0x2015) || c === 0x3000 || c === 0x202f;
const isApostrophe = (c: number) => c === 39 || c === 0x2019;
// The three classes as one table over UTF-16 code units: a load per character, not a chain of comparisons.
const OTHER = 0;
const WORD = 1;
const SPACE = 2;
const APOSTROPHE = 3;
const CLASS = new Uint8Array(65536);
for (let c = 0; c < 65536; c++) CLASS[c] = isWordCode(c) ? WORD : isSeparatorCode(c) ? SPACE : isApostrophe(c) ? APOSTROPHE : OTHER;

const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;

/**
 * Words (Latin letters with accents and digits, with an inner apostrophe as in Xi'an or a
 * possessive one as in City's / centres') and single symbols (+, &, parentheses …); spaces and
 * hyphens only separate. A hand-written scanner over the lower-cased text, writing each token's
 * key id and span into `out` (room for one token per code unit); returns the number of tokens.
 */
export function tokenizeInto(lower: string, out: TokenBuffers): number {
  const { keys, starts, ends } = out;
  let count = 0;
  const n = lower.length;
  let i = 0;
  while (i < n) {
    const c = lower.charCodeAt(i);
    const cls = CLASS[c];
    if (cls === SPACE || cls === APOSTROPHE) {
      i++;
      continue;
    }
    const start = i;
    if (cls === WORD) {
      // The key table's hash (see keyIdHashed) is taken while scanning, not in a second pass.
      let hash = Math.imul(FNV_OFFSET ^ c, FNV_PRIME);
      i++;
      for (;;) {
        let d = 0;
        while (i < n && CLASS[(d = lower.charCodeAt(i))] === WORD) {
          hash = Math.imul(hash ^ d, FNV_PRIME);
          i++;
        }
        if (i < n && CLASS[d] === APOSTROPHE) {
          hash = Math.imul(hash ^ d, FNV_PRIME);
          if (i + 1 < n && CLASS[lower.charCodeAt(i + 1)] === WORD) {
            i++;
            continue;
          }
          i++; // possessive plural: centres'
        }
        break;
      }
      keys[count] = keyIdHashed(lower, start, i, hash);
    } else {
      i++;
      if (c >= 0xd800 && c <= 0xdbff && i < n) i++;
      let hash = FNV_OFFSET;
      for (let k = start; k < i; k++) hash = Math.imul(hash ^ lower.charCodeAt(k), FNV_PRIME);
      keys[count] = keyIdHashed(lower, start, i, hash);
    }
    starts[count] = start;
    ends[count] = i;
    count++;
  }
  return count;
}

// British/American stem pairs, mapped to the American stem at the start of a word.
const SPELLING_PAIRS: [string, string][] = [
  ['centre', 'center'],
  ['theatre', 'theater'],
  ['metre', 'meter'],
  ['litre', 'liter'],
  ['fibre', 'fiber'],
  ['calibre', 'caliber'],
  ['manoeuvre', 'maneuver'],
  ['labour', 'labor'],
  ['colour', 'color'],
  ['favour', 'favor'],
  ['harbour', 'harbor'],
  ['honour', 'honor'],
  ['behaviour', 'behavior'],
  ['neighbour', 'neighbor'],
  ['endeavour', 'endeavor'],
  ['flavour', 'flavor'],
  ['rumour', 'rumor'],
  ['vapour', 'vapor'],
  ['vigour', 'vigor'],
  ['programme', 'program'],
  ['defence', 'defense'],
  ['licence', 'license'],
  ['offence', 'offense'],
  ['pretence', 'pretense'],
  ['catalogue', 'catalog'],
  ['dialogue', 'dialog'],
  ['analogue', 'analog'],
  ['ageing', 'aging'],
  ['grey', 'gray'],
  ['jewellery', 'jewelry'],
  ['enrolment', 'enrollment'],
  ['fulfil', 'fulfill'],
  ['skilful', 'skillful'],
  ['aluminium', 'aluminum'],
  ['sulphur', 'sulfur'],
  ['mould', 'mold'],
  ['plough', 'plow'],
  ['judgement', 'judgment'],
  ['acknowledgement', 'acknowledgment'],
  ['paediatric', 'pediatric'],
  ['haematolog', 'hematolog'],
  ['anaesthe', 'anesthe'],
  ['oesophag', 'esophag'],
];
const BRITISH_STEMS = [...SPELLING_PAIRS].sort((a, b) => b[0].length - a[0].length);


// Keys are compared as small integers: a token's id is looked up once per distinct surface
// word, and equal keys share one id for the life of the process (compiled renderings hold ids).
const keyIds = new Map<string, number>();
const tokenIds = new Map<string, number>();

// Token → key id by the token's code units in place (FNV-1a, open addressing), so a target's
// words are not each copied out as a string to be hashed again by a Map. A slot is four numbers
// (hash, id, offset of the word's code units in `pool`, length) and a probe reads one cache line;
// the table starts small and doubles, so the words of a document stay in the processor's cache.
const SURFACE_MAX = 1 << 18;
let surfaceCap = 1 << 12;
let surface = new Int32Array(surfaceCap * 4);
let surfaceCount = 0;
let pool = new Uint16Array(1 << 15);
let poolUsed = 0;

function keyIdHashed(lower: string, start: number, end: number, hash: number): number {
  const len = end - start;
  const mask = surfaceCap - 1;
  for (let h = hash & mask; ; h = (h + 1) & mask) {
    const at = h << 2;
    const id = surface[at + 1];
    if (id === 0) break;
    if (surface[at] === hash && surface[at + 3] === len && samePooled(surface[at + 2], lower, start, len)) return id;
  }
  const id = keyId(lower.slice(start, end));
  addSurface(hash, id, lower, start, len);
  return id;
}

function samePooled(from: number, text: string, at: number, len: number): boolean {
  for (let k = 0; k < len; k++) if (pool[from + k] !== text.charCodeAt(at + k)) return false;
  return true;
}

function addSurface(hash: number, id: number, text: string, start: number, len: number): void {
  if ((surfaceCount + 1) * 2 > surfaceCap) {
    // Kept at most half full: doubled up to SURFACE_MAX, past that started again (ids never change).
    if (surfaceCap < SURFACE_MAX) rehash(surfaceCap * 2);
    else {
      surface.fill(0);
      surfaceCount = 0;
      poolUsed = 0;
    }
  }
  if (pool.length < poolUsed + len) {
    let size = pool.length * 2;
    while (size < poolUsed + len) size *= 2;
    const p = new Uint16Array(size);
    p.set(pool.subarray(0, poolUsed));
    pool = p;
  }
  for (let k = 0; k < len; k++) pool[poolUsed + k] = text.charCodeAt(start + k);
  placeSurface(hash, id, poolUsed, len);
  poolUsed += len;
  surfaceCount++;
}

function placeSurface(hash: number, id: number, from: number, len: number): void {
  const mask = surfaceCap - 1;
  let h = hash & mask;
  while (surface[(h << 2) + 1] !== 0) h = (h + 1) & mask;
  const at = h << 2;
  surface[at] = hash;
  surface[at + 1] = id;
  surface[at + 2] = from;
  surface[at + 3] = len;
}

function rehash(cap: number): void {
  const old = surface;
  surfaceCap = cap;
  surface = new Int32Array(cap * 4);
  for (let at = 0; at < old.length; at += 4) if (old[at + 1] !== 0) placeSurface(old[at], old[at + 1], old[at + 2], old[at + 3]);
}

/** The id of a lower-cased token's comparison key. */
export function keyId(lower: string): number {
  let id = tokenIds.get(lower);
  if (id === undefined) {
    const key = wordKey(lower);
    id = keyIds.get(key);
    if (id === undefined) keyIds.set(key, (id = keyIds.size + 1));
    if (tokenIds.size > 200_000) tokenIds.clear();
    tokenIds.set(lower, id);
  }
  return id;
}

/**
 * The comparison key of a lower-cased word: possessive removed, singular, American spelling.
 * Both sides go through the same function, so a rare over-reduction (lens → len) only makes two
 * words of the same stem match each other.
 */
export function wordKey(lower: string): string {
  let w = lower.replace(/['’]s?$/, '');
  w = singular(w);
  for (const [british, american] of BRITISH_STEMS) {
    if (w.startsWith(british)) {
      w = american + w.slice(british.length);
      break;
    }
  }
  w = w
    .replace(/^(.{3,})is(e|ed|es|ing|ation|ations|ational|er|ers)$/, '$1iz$2')
    .replace(/^(.{2,})ys(e|ed|es|ing)$/, '$1yz$2')
    .replace(/^(.{2,}[aeiou])ll(ing|ed|er|ers)$/, '$1l$2');
  return w;
}

function singular(word: string): string {
  if (word.length <= 3 || !/[a-z]s$/.test(word)) return word;
  if (/(ss|us|is|ics|news)$/.test(word)) return word;
  if (/[^aeiou]ies$/.test(word)) return `${word.slice(0, -3)}y`;
  if (/(x|z|ch|sh)es$/.test(word)) return word.slice(0, -2);
  return word.slice(0, -1);
}
