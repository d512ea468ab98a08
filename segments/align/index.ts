// Sentence alignment of Chinese segments with English draft sentences, without neural models.
// Two passes of a banded bead DP (search.ts) scored by dictionary coverage (evidence.ts) and a
// Gale–Church length model: the first pass runs with CC-CEDICT, numbers, Latin tokens and glossary
// pairs along the diagonal; the second learns a per-document word table (Dice association over the
// first pass's confident beads, as in hunalign's realign step and Moore 2002's second stage) and
// re-aligns in a narrow band around the first path. Sources: Gale & Church 1993; Moore 2002;
// Varga et al. 2005 (hunalign); Thompson & Koehn 2019 (Vecalign bead-size cost scaling).
import { contentStems, stem } from './english-words.ts';
import { buildEvidence, Interner, withTranslations } from './evidence.ts';
import type { DocEvidence } from './evidence.ts';
import type { Lexicon } from './lexicon.ts';
import { bandedSearch, makeBand, makeScorer } from './search.ts';
import type { RawBead, SearchParams } from './search.ts';
import { tokenizeChinese, tokenizeEnglish } from './tokens.ts';
import type { NameReader } from './tokens.ts';

export type { Lexicon } from './lexicon.ts';

export interface Bead {
  zh: number[];
  en: number[];
  /** Cost of the bead in the search (lower is better). */
  score: number;
  /** 0..1: how likely the bead is right. */
  confidence: number;
}

export interface AlignOptions {
  lexicon?: Lexicon;
  glossary?: { zh: string; en: string; variants?: string[] }[];
  /** Skips the second, self-trained pass (for comparison and speed). */
  singlePass?: boolean;
  /** Overrides of the scoring parameters (for tuning). */
  params?: Partial<AlignParams>;
}

export interface AlignParams {
  lexWeight: number;
  lengthWeight: number;
  /** Variance per character, relative to the document's length ratio. */
  variance: number;
  shapePenalty: Record<string, number>;
  /** Minimum Dice association and co-occurrence count for a learnt word pair. */
  learnDice: number;
  learnCount: number;
  /** Prior strength (idf units) pulling each sentence's own lexical score towards its bead's pooled score. */
  shrink: number;
  /** Count dictionary words without a counterpart in the document as untranslated (see evidence.ts). */
  countUnknown: boolean;
  /** Half-width of the first pass's band is bandBase + bandScale·√(longer side); it doubles while the path touches its edge. */
  bandBase: number;
  bandScale: number;
  /** Half-width of the second pass's band around the first path. */
  realignBand: number;
}

export const DEFAULT_PARAMS: AlignParams = {
  lexWeight: 0.5,
  lengthWeight: 0.3,
  variance: 20,
  shapePenalty: {
    '1-1': 0,
    '1-2': 0.4,
    '2-1': 0.4,
    '1-3': 0.8,
    '3-1': 0.8,
    '2-2': 0.8,
    '1-4': 1.2,
    '4-1': 1.2,
    '2-3': 1.2,
    '3-2': 1.2,
    '1-5': 1.6,
    '5-1': 1.6,
    '1-0': 0.4,
    '0-1': 0.4,
  },
  learnDice: 0.5,
  learnCount: 2,
  shrink: 2,
  countUnknown: true,
  bandBase: 15,
  bandScale: 0,
  realignBand: 8,
};

const expanded = new WeakMap<Lexicon, Map<string, string[]>>();

/**
 * English keys of a Chinese word from the lexicon: its glosses, the glosses of its parts (哈哈大笑 →
 * laugh through 大笑, 笑) and the pinyin of its characters (for transliterated names). Memoised
 * per lexicon, since documents share most of their words.
 */
function lexiconTranslations(lexicon: Lexicon): (key: string) => string[] {
  let memo = expanded.get(lexicon);
  if (!memo) expanded.set(lexicon, (memo = new Map()));
  const cache = memo;
  return (key: string): string[] => {
    const have = cache.get(key);
    if (have) return have;
    const out = new Set<string>();
    for (let a = 0; a < key.length; a++) {
      for (let b = a + 1; b <= Math.min(key.length, a + lexicon.maxHeadLength); b++) {
        if (b - a < 2 && key.length > 1) continue;
        const ids = lexicon.lookup(a === 0 && b === key.length ? key : key.slice(a, b));
        if (ids) for (const id of ids) out.add(lexicon.vocab[id]);
      }
    }
    if (key === '%') out.add('percent');
    for (const ch of key) {
      const py = lexicon.pinyin.get(ch);
      if (py) out.add('py:' + py);
    }
    const list = [...out];
    cache.set(key, list);
    return list;
  };
}

const readers = new WeakMap<Lexicon, NameReader>();

/** One name reader per lexicon, so that the tokeniser's per-word cache outlives a document. */
function nameReader(lexicon: Lexicon): NameReader {
  let reader = readers.get(lexicon);
  if (!reader) {
    reader = { syllables: new Set(lexicon.pinyin.values()), isEnglishWord: (lower) => lexicon.vocabIndex.has(stem(lower)) };
    readers.set(lexicon, reader);
  }
  return reader;
}

function countChars(s: string): number {
  let k = 0;
  for (let p = 0; p < s.length; p++) {
    const c = s.charCodeAt(p);
    // Whitespace does not count; a surrogate pair is one character.
    if (c !== 32 && c !== 9 && c !== 10 && c !== 13 && c !== 0x3000 && c !== 0xa0 && !(c >= 0xdc00 && c <= 0xdfff)) k++;
  }
  return k;
}

function diagonal(n: number, m: number): Int32Array {
  const c = new Int32Array(n + 1);
  for (let i = 0; i <= n; i++) c[i] = Math.round((i * m) / n);
  return c;
}

/** Upper bound on the cells of one search (about 30 bytes each with its coverage). */
const MAX_CELLS = 12_000_000;

/** Documents longer than this on either side get their band centre from a coarse alignment first. */
const COARSE_ABOVE = 1000;
/** Chinese sentences per chunk of the coarse alignment. */
const COARSE_CHUNK = 8;

/**
 * Centre line from an alignment of chunks of sentences (the recursive downsampling of Vecalign,
 * Thompson & Koehn 2019): long documents drift far from the diagonal where translators split or
 * merge sentences unevenly, and a band wide enough for that drift everywhere would cost quadratic time.
 */
function coarseCentre(prep: Prepared, p: AlignParams): Int32Array | undefined {
  const n = prep.zhTokens.length;
  const m = prep.enTokens.length;
  if (Math.max(n, m) <= COARSE_ABOVE) return undefined;
  const chunks = Math.ceil(n / COARSE_CHUNK);
  const zhAt = (c: number) => Math.round((c * n) / chunks);
  const enAt = (c: number) => Math.round((c * m) / chunks);
  const merge = <T>(list: T[][], from: number, to: number): T[] => list.slice(from, to).flat();
  const sum = (list: number[], from: number, to: number) => list.slice(from, to).reduce((x, y) => x + y, 0);
  const coarse: Prepared = { ...prep, zhTokens: [], enTokens: [], zhLengths: [], enLengths: [] };
  for (let c = 0; c < chunks; c++) {
    coarse.zhTokens.push(merge(prep.zhTokens, zhAt(c), zhAt(c + 1)));
    coarse.enTokens.push(merge(prep.enTokens, enAt(c), enAt(c + 1)));
    coarse.zhLengths.push(sum(prep.zhLengths, zhAt(c), zhAt(c + 1)));
    coarse.enLengths.push(sum(prep.enLengths, enAt(c), enAt(c + 1)));
  }
  const beads = alignPrepared(coarse, p, true, true);
  const knots: [number, number][] = [[0, 0]];
  for (const b of beads) knots.push([zhAt(b.zhEnd), enAt(b.enEnd)]);
  const centre = new Int32Array(n + 1);
  for (let k = 0; k + 1 < knots.length; k++) {
    const [i0, j0] = knots[k];
    const [i1, j1] = knots[k + 1];
    for (let i = i0; i <= i1; i++) centre[i] = i1 === i0 ? j0 : Math.round(j0 + ((j1 - j0) * (i - i0)) / (i1 - i0));
  }
  centre[n] = m;
  return centre;
}

/** The English position of the path at each Chinese row (first visit), for a band around a path. */
function pathCentre(beads: RawBead[], n: number, m: number): Int32Array {
  const c = new Int32Array(n + 1);
  for (const b of beads) {
    const a = b.zhEnd - b.zhStart;
    for (let k = 0; k < a; k++) {
      // Rows inside a many-to-one bead sit between its corners.
      c[b.zhStart + k] = Math.round(b.enStart + ((b.enEnd - b.enStart) * k) / a);
    }
  }
  c[n] = m;
  return c;
}

interface Prepared {
  zhTokens: string[][];
  enTokens: string[][];
  zhLengths: number[];
  enLengths: number[];
  translate: (key: string) => string[];
  enKnown?: (key: string) => boolean;
  ratio: number;
}

function prepare(zh: string[], en: string[], options: AlignOptions, p: AlignParams): Prepared {
  const lexicon = options.lexicon;
  const glossary = new Map<string, string[]>();
  const glossaryLongest = new Map<string, number>();
  for (const [index, entry] of (options.glossary ?? []).entries()) {
    if (typeof entry?.zh !== 'string' || typeof entry?.en !== 'string') {
      throw new TypeError(`align: glossary entry ${index} needs string fields zh and en`);
    }
    const zhTerm = entry.zh.trim();
    if (!zhTerm) continue;
    const stems = [entry.en, ...(entry.variants ?? [])].flatMap((e) => contentStems(e));
    glossary.set(zhTerm, [...new Set([...(glossary.get(zhTerm) ?? []), ...stems])]);
    const two = zhTerm.slice(0, 2);
    glossaryLongest.set(two, Math.max(glossaryLongest.get(two) ?? 0, zhTerm.length));
  }
  const heads = {
    has: (s: string) => glossary.has(s) || (lexicon?.has(s) ?? false),
    longestAt: (text: string, at: number) =>
      glossaryLongest.size === 0
        ? (lexicon?.longestAt(text, at) ?? 0)
        : Math.max(lexicon?.longestAt(text, at) ?? 0, glossaryLongest.get(text.slice(at, at + 2)) ?? 0),
  };
  const base = lexicon ? lexiconTranslations(lexicon) : undefined;
  const translate = (key: string): string[] => {
    const c = key[0];
    if (c === '#') return [key];
    if (c === '=') return [key.slice(1)];
    const fromLexicon = base ? base(key) : [];
    const fromGlossary = glossary.get(key);
    return fromGlossary ? fromGlossary.concat(fromLexicon) : fromLexicon;
  };
  const names = lexicon ? nameReader(lexicon) : undefined;
  const zhLengths = zh.map(countChars);
  const enLengths = en.map((s) => s.trim().length);
  const zhSum = zhLengths.reduce((a, b) => a + b, 0);
  const enSum = enLengths.reduce((a, b) => a + b, 0);
  return {
    zhTokens: zh.map((s) => tokenizeChinese(s, heads)),
    enTokens: en.map((s) => tokenizeEnglish(s, names)),
    zhLengths,
    enLengths,
    translate,
    enKnown: lexicon && p.countUnknown ? (key: string) => key[0] === '#' || lexicon.vocabIndex.has(key) : undefined,
    ratio: zhSum > 0 && enSum > 0 ? enSum / zhSum : 3,
  };
}

function runPass(ev: DocEvidence, centre: Int32Array, startW: number, params: SearchParams, maxRounds = Infinity): RawBead[] {
  const { n, m } = ev;
  const width = new Int32Array(n + 1).fill(startW);
  for (let round = 1; ; round++) {
    const band = makeBand(centre, width, m);
    const result = bandedSearch(ev, makeScorer(ev, band, params), band);
    if (result.touchedRows.length === 0 && result.beads.length > 0) return result.beads;
    // A coarse alignment only steers the next level's band, which widens itself where needed.
    if (round >= maxRounds && result.beads.length > 0) return result.beads;
    // Where the path runs along the band's edge it wants out: double the band there (and around,
    // so the detour fits), keeping the search near-linear when the centre is off only locally.
    let grew = false;
    const before = width.slice();
    // Past this many cells a wider band would cost more memory than the document is worth; the
    // path found so far stands.
    if (band.hi.reduce((sum, h, i) => sum + h - band.lo[i] + 1, 0) > MAX_CELLS && result.beads.length > 0) return result.beads;
    for (const row of result.touchedRows) {
      const w = before[row];
      if (w >= n + m) continue;
      for (let i = Math.max(0, row - 2 * w); i <= Math.min(n, row + 2 * w); i++) {
        if (width[i] < 2 * w) {
          width[i] = Math.min(n + m, 2 * w);
          grew = true;
        }
      }
    }
    if (!grew) return result.beads;
  }
}

/**
 * Word pairs that co-occur in the confident beads of a first pass more than chance allows (Dice
 * coefficient over beads). They stand for names, idioms and this translator's habits, which no
 * general dictionary holds.
 */
function learnTable(prep: Prepared, beads: RawBead[], p: AlignParams): Map<string, string[]> {
  const confident = beads.filter((b) => b.zhEnd > b.zhStart && b.enEnd > b.enStart && b.sim >= 0.25);
  const zhI = new Interner();
  const enI = new Interner();
  const beadEn: number[][] = [];
  const zhBeads: number[][] = [];
  const enCount: number[] = [];
  for (let k = 0; k < confident.length; k++) {
    const b = confident[k];
    const zs = new Set<number>();
    const es = new Set<number>();
    for (let s = b.zhStart; s < b.zhEnd; s++) for (const t of prep.zhTokens[s]) zs.add(zhI.id(t));
    for (let s = b.enStart; s < b.enEnd; s++) for (const t of prep.enTokens[s]) es.add(enI.id(t));
    for (const z of zs) (zhBeads[z] ??= []).push(k);
    for (const e of es) enCount[e] = (enCount[e] ?? 0) + 1;
    beadEn.push([...es]);
  }
  // Co-occurrence counts one Chinese word at a time in a dense counter over English words.
  const together = new Int32Array(enI.keys.length);
  const touched: number[] = [];
  const table = new Map<string, string[]>();
  for (let z = 0; z < zhI.keys.length; z++) {
    const list = zhBeads[z];
    if (!list || list.length < p.learnCount) continue;
    touched.length = 0;
    for (const k of list) {
      for (const e of beadEn[k]) {
        if (together[e] === 0) touched.push(e);
        together[e]++;
      }
    }
    const learnt: string[] = [];
    for (const e of touched) {
      const c = together[e];
      together[e] = 0;
      if (c >= p.learnCount && (2 * c) / (list.length + enCount[e]) >= p.learnDice) learnt.push(enI.keys[e]);
    }
    if (learnt.length) table.set(zhI.keys[z], learnt);
  }
  return table;
}

function confidenceOf(b: RawBead): number {
  if (b.zhEnd === b.zhStart || b.enEnd === b.enStart) return 0.5;
  const lexical = 1 / (1 + Math.exp(-8 * (b.sim - 0.3)));
  const length = Math.exp(-b.lengthCost / 6);
  return Math.max(0, Math.min(1, lexical * length));
}

/** Aligns Chinese sentences with English sentences; beads are monotonic and cover both sides exactly once. */
export function align(zh: string[], en: string[], options: AlignOptions = {}): Bead[] {
  if (!Array.isArray(zh) || !Array.isArray(en)) throw new TypeError('align: zh and en must be arrays of sentences');
  for (const [side, list] of [['zh', zh], ['en', en]] as const) {
    const bad = list.findIndex((s) => typeof s !== 'string');
    if (bad >= 0) throw new TypeError(`align: ${side}[${bad}] is not a string`);
  }
  const n = zh.length;
  const m = en.length;
  if (n === 0) return en.map((_, j) => ({ zh: [], en: [j], score: 0, confidence: 1 }));
  if (m === 0) return zh.map((_, i) => ({ zh: [i], en: [], score: 0, confidence: 1 }));
  const p: AlignParams = { ...DEFAULT_PARAMS, ...options.params };
  const beads = alignPrepared(prepare(zh, en, options, p), p, options.singlePass ?? false);
  return beads.map((b) => ({
    zh: range(b.zhStart, b.zhEnd),
    en: range(b.enStart, b.enEnd),
    score: b.cost,
    confidence: confidenceOf(b),
  }));
}

function alignPrepared(prep: Prepared, p: AlignParams, singlePass: boolean, coarse = false): RawBead[] {
  const n = prep.zhTokens.length;
  const m = prep.enTokens.length;
  const params: SearchParams = {
    lexWeight: p.lexWeight,
    lengthWeight: p.lengthWeight,
    variance: p.variance * prep.ratio,
    ratio: prep.ratio,
    shapePenalty: p.shapePenalty,
    shrink: p.shrink,
  };
  const W1 = Math.ceil((coarse ? 2 : 1) * p.bandBase + p.bandScale * Math.sqrt(Math.max(n, m)));
  const centre = coarseCentre(prep, p) ?? diagonal(n, m);
  const ev = buildEvidence(prep);
  const beads = runPass(ev, centre, W1, params, coarse ? 1 : Infinity);
  if (singlePass) return beads;
  const learnt = learnTable(prep, beads, p);
  return runPass(withTranslations(ev, (key) => learnt.get(key)), pathCentre(beads, n, m), p.realignBand, params);
}

function range(from: number, to: number): number[] {
  const out: number[] = [];
  for (let k = from; k < to; k++) out.push(k);
  return out;
}
