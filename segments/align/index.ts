// Sentence alignment of Chinese segments with English draft sentences, without neural models.
// Two passes of a banded bead DP (search.ts) scored by dictionary coverage (evidence.ts) and a
// Gale–Church length model: the first pass runs with CC-CEDICT, numbers, Latin tokens and glossary
// pairs along the diagonal; the second learns a per-document word table (Dice association over the
// first pass's confident beads, as in hunalign's realign step and Moore 2002's second stage) and
// re-aligns in a narrow band around the first path. Sources: Gale & Church 1993; Moore 2002;
// Varga et al. 2005 (hunalign); Thompson & Koehn 2019 (Vecalign bead-size cost scaling).
import { contentStems, stem } from './english-words.ts';
import { buildEvidence, Interner } from './evidence.ts';
import type { Lexicon } from './lexicon.ts';
import { bandedSearch, makeScorer } from './search.ts';
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
    '1-0': 0.5,
    '0-1': 0.5,
  },
  learnDice: 0.5,
  learnCount: 2,
};

function countChars(s: string): number {
  let k = 0;
  for (const ch of s) if (!/\s/.test(ch)) k++;
  return k;
}

function diagonal(n: number, m: number): Int32Array {
  const c = new Int32Array(n + 1);
  for (let i = 0; i <= n; i++) c[i] = n === 0 ? m : Math.round((i * m) / n);
  return c;
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
  ratio: number;
}

function prepare(zh: string[], en: string[], options: AlignOptions): Prepared {
  const lexicon = options.lexicon;
  const glossary = new Map<string, string[]>();
  let glossaryMax = 0;
  for (const [index, entry] of (options.glossary ?? []).entries()) {
    if (typeof entry?.zh !== 'string' || typeof entry?.en !== 'string') {
      throw new TypeError(`align: glossary entry ${index} needs string fields zh and en`);
    }
    const zhTerm = entry.zh.trim();
    if (!zhTerm) continue;
    const stems = [entry.en, ...(entry.variants ?? [])].flatMap((e) => contentStems(e));
    glossary.set(zhTerm, [...new Set([...(glossary.get(zhTerm) ?? []), ...stems])]);
    glossaryMax = Math.max(glossaryMax, zhTerm.length);
  }
  const heads = {
    has: (s: string) => glossary.has(s) || (lexicon?.has(s) ?? false),
    maxHeadLength: Math.max(lexicon?.maxHeadLength ?? 1, glossaryMax),
  };
  const translate = (key: string): string[] => {
    const c = key[0];
    if (c === '#') return [key];
    if (c === '=') return [key.slice(1)];
    const out = glossary.get(key)?.slice() ?? [];
    const ids = lexicon?.lookup(key);
    if (ids) for (const id of ids) out.push(lexicon!.vocab[id]);
    if (key === '%') out.push('percent');
    if (lexicon && key.length >= 2) {
      // Parts of a word translate parts of its meaning (哈哈大笑 → laugh through 大笑, 笑).
      for (let a = 0; a < key.length; a++) {
        for (let b = a + 1; b <= key.length; b++) {
          if (b - a === key.length) continue;
          const part = lexicon.lookup(key.slice(a, b));
          if (part) for (const id of part) out.push(lexicon.vocab[id]);
        }
      }
    }
    if (lexicon) {
      for (const ch of key) {
        const py = lexicon.pinyin.get(ch);
        if (py) out.push('py:' + py);
      }
    }
    return out;
  };
  const names: NameReader | undefined = lexicon
    ? { syllables: new Set(lexicon.pinyin.values()), isEnglishWord: (lower) => lexicon.vocabIndex.has(stem(lower)) }
    : undefined;
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
    ratio: zhSum > 0 && enSum > 0 ? enSum / zhSum : 3,
  };
}

function runPass(
  prep: Prepared,
  translate: (key: string) => Iterable<string>,
  centre: Int32Array,
  startW: number,
  params: SearchParams,
): RawBead[] {
  const ev = buildEvidence({ ...prep, translate });
  const { n, m } = ev;
  let W = startW;
  for (;;) {
    const scorer = makeScorer(ev, centre, W, params);
    const result = bandedSearch(ev, scorer, centre, W);
    const full = W >= n + m;
    if ((!result.touchedEdge && result.beads.length > 0) || full) return result.beads;
    W = Math.min(n + m, W * 2);
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
  const zhCount: number[] = [];
  const enCount: number[] = [];
  const pairs = new Map<number, number>();
  const STRIDE = 1 << 21;
  for (const b of confident) {
    const zs = new Set<number>();
    const es = new Set<number>();
    for (let s = b.zhStart; s < b.zhEnd; s++) for (const t of prep.zhTokens[s]) zs.add(zhI.id(t));
    for (let s = b.enStart; s < b.enEnd; s++) for (const t of prep.enTokens[s]) es.add(enI.id(t));
    for (const z of zs) zhCount[z] = (zhCount[z] ?? 0) + 1;
    for (const e of es) enCount[e] = (enCount[e] ?? 0) + 1;
    for (const z of zs) for (const e of es) pairs.set(z * STRIDE + e, (pairs.get(z * STRIDE + e) ?? 0) + 1);
  }
  const table = new Map<string, string[]>();
  for (const [key, c] of pairs) {
    if (c < p.learnCount) continue;
    const z = Math.floor(key / STRIDE);
    const e = key - z * STRIDE;
    const dice = (2 * c) / (zhCount[z] + enCount[e]);
    if (dice < p.learnDice) continue;
    const zk = zhI.keys[z];
    const list = table.get(zk);
    if (list) list.push(enI.keys[e]);
    else table.set(zk, [enI.keys[e]]);
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
  const prep = prepare(zh, en, options);
  const params: SearchParams = {
    lexWeight: p.lexWeight,
    lengthWeight: p.lengthWeight,
    variance: p.variance * prep.ratio,
    ratio: prep.ratio,
    shapePenalty: p.shapePenalty,
  };
  const W1 = Math.ceil(20 + 2 * Math.sqrt(Math.max(n, m)));
  let beads = runPass(prep, prep.translate, diagonal(n, m), W1, params);
  if (!options.singlePass) {
    const learnt = learnTable(prep, beads, p);
    const translate = (key: string): string[] => {
      const extra = learnt.get(key);
      const base = prep.translate(key);
      return extra ? base.concat(extra) : base;
    };
    beads = runPass(prep, translate, pathCentre(beads, n, m), 12, params);
  }
  return beads.map((b) => ({
    zh: range(b.zhStart, b.zhEnd),
    en: range(b.enStart, b.enEnd),
    score: b.cost,
    confidence: confidenceOf(b),
  }));
}

function range(from: number, to: number): number[] {
  const out: number[] = [];
  for (let k = from; k < to; k++) out.push(k);
  return out;
}
