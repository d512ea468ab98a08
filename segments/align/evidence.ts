// Per-document evidence for the aligner: tokens interned to integers, idf weights, the translation
// table restricted to words present in the document, and for every sentence the idf-weighted share
// of its words that find a translation in each nearby span of up to MAX_SPAN sentences on the other
// side ("coverage", as in the lexical scores of hunalign and of Ma's Champollion, computed once per
// sentence and span so the search only adds numbers). Spans are limited to a band of start positions
// per sentence, which keeps this linear in document length.

export const MAX_SPAN = 5;

export interface DocEvidence {
  n: number;
  m: number;
  /** Unique token ids per sentence. */
  zhTok: number[][];
  enTok: number[][];
  /** Translations within this document: zh token id → en ids, and the reverse. */
  zhTrans: number[][];
  enTrans: number[][];
  /** idf weights; 0 for tokens without a translation in this document (they cannot be matched). */
  zhW: Float64Array;
  enW: Float64Array;
  zhPost: number[][];
  enPost: number[][];
  /** Prefix sums of matchable weight and of length (characters) per sentence. */
  zhTotPrefix: Float64Array;
  enTotPrefix: Float64Array;
  zhLenPrefix: Float64Array;
  enLenPrefix: Float64Array;
}

export class Interner {
  readonly ids = new Map<string, number>();
  readonly keys: string[] = [];
  id(key: string): number {
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.keys.length;
      this.keys.push(key);
      this.ids.set(key, id);
    }
    return id;
  }
}

// Per-word lists are plain arrays: documents have thousands of them and small typed arrays cost
// more to allocate than they save.
function uniqueIds(tokens: string[], interner: Interner): number[] {
  const set = new Set<number>();
  for (const t of tokens) set.add(interner.id(t));
  return [...set];
}

function postings(tok: number[][], vocabSize: number): number[][] {
  const lists: number[][] = Array.from({ length: vocabSize }, () => []);
  tok.forEach((s, i) => {
    for (const t of s) lists[t].push(i);
  });
  return lists;
}

function prefix(values: ArrayLike<number>): Float64Array {
  const out = new Float64Array(values.length + 1);
  for (let k = 0; k < values.length; k++) out[k + 1] = out[k] + values[k];
  return out;
}

export interface EvidenceInput {
  zhTokens: string[][];
  enTokens: string[][];
  zhLengths: number[];
  enLengths: number[];
  /** English keys a Chinese token translates to (any, present in the document or not). */
  translate: (zhKey: string) => Iterable<string>;
  /**
   * Whether an English key could have been translated at all (a dictionary word, a number, a name).
   * Such words count as untranslated when nothing in the other text translates to them; without
   * it only words with a counterpart somewhere in the document count, and an added sentence whose
   * words occur nowhere else in the Chinese would look fully translated.
   */
  enKnown?: (enKey: string) => boolean;
}

export function buildEvidence(input: EvidenceInput): DocEvidence {
  const zhI = new Interner();
  const enI = new Interner();
  const zhTok = input.zhTokens.map((t) => uniqueIds(t, zhI));
  const enTok = input.enTokens.map((t) => uniqueIds(t, enI));
  const zhTrans: number[][] = [];
  const zhKnown = new Uint8Array(zhI.keys.length);
  for (let z = 0; z < zhI.keys.length; z++) {
    const targets = new Set<number>();
    for (const key of input.translate(zhI.keys[z])) {
      zhKnown[z] = 1;
      const e = enI.ids.get(key);
      if (e !== undefined) targets.add(e);
    }
    zhTrans.push([...targets]);
  }
  const enKnown = new Uint8Array(enI.keys.length);
  if (input.enKnown) for (let e = 0; e < enI.keys.length; e++) enKnown[e] = input.enKnown(enI.keys[e]) ? 1 : 0;
  return finish({
    zhKeys: zhI.keys,
    enIds: enI.ids,
    zhTok,
    enTok,
    zhTrans,
    zhKnown,
    enKnown,
    countKnown: input.enKnown !== undefined,
    zhPost: postings(zhTok, zhI.keys.length),
    enPost: postings(enTok, enI.keys.length),
    zhLengths: input.zhLengths,
    enLengths: input.enLengths,
  });
}

interface EvidenceCore {
  zhKeys: string[];
  enIds: Map<string, number>;
  zhTok: number[][];
  enTok: number[][];
  zhTrans: number[][];
  zhKnown: Uint8Array;
  enKnown: Uint8Array;
  countKnown: boolean;
  zhPost: number[][];
  enPost: number[][];
  zhLengths: number[];
  enLengths: number[];
}

const cores = new WeakMap<DocEvidence, EvidenceCore>();

/** The same document with more translations (a learnt word table); tokens and postings are shared. */
export function withTranslations(ev: DocEvidence, extra: (zhKey: string) => string[] | undefined): DocEvidence {
  const core = cores.get(ev)!;
  const zhTrans = core.zhTrans.map((old, z) => {
    const add = extra(core.zhKeys[z]);
    if (!add) return old;
    const targets = new Set(old);
    for (const key of add) {
      const e = core.enIds.get(key);
      if (e !== undefined) targets.add(e);
    }
    return [...targets];
  });
  const zhKnown = core.zhKnown.map((k, z) => (k || zhTrans[z].length > 0 ? 1 : 0));
  return finish({ ...core, zhTrans, zhKnown });
}

function finish(core: EvidenceCore): DocEvidence {
  const n = core.zhTok.length;
  const m = core.enTok.length;
  const { zhTok, enTok, zhTrans, zhPost, enPost, zhKnown, enKnown, countKnown } = core;
  const reverse: number[][] = Array.from({ length: enPost.length }, () => []);
  zhTrans.forEach((arr, z) => {
    for (const e of arr) reverse[e].push(z);
  });
  const enTrans = reverse;
  const idf = (post: number[][], counts: (t: number) => boolean, total: number) => {
    const w = new Float64Array(post.length);
    for (let t = 0; t < post.length; t++) {
      if (counts(t)) w[t] = Math.log((total + 1) / post[t].length);
    }
    return w;
  };
  const zhW = idf(zhPost, (t) => (countKnown ? zhKnown[t] === 1 : zhTrans[t].length > 0), n);
  const enW = idf(enPost, (t) => enTrans[t].length > 0 || enKnown[t] === 1, m);
  const sentTotal = (tok: number[][], w: Float64Array) =>
    tok.map((s) => {
      let sum = 0;
      for (const t of s) sum += w[t];
      return sum;
    });
  const ev: DocEvidence = {
    n,
    m,
    zhTok,
    enTok,
    zhTrans,
    enTrans,
    zhW,
    enW,
    zhPost,
    enPost,
    zhTotPrefix: prefix(sentTotal(zhTok, zhW)),
    enTotPrefix: prefix(sentTotal(enTok, enW)),
    zhLenPrefix: prefix(core.zhLengths),
    enLenPrefix: prefix(core.enLengths),
  };
  cores.set(ev, core);
  return ev;
}

/**
 * Matched weight of each source sentence against target spans [start, start+len), for start in
 * [lo[s], hi[s]] and len in 1..MAX_SPAN, stored at offset[s] + (start - lo[s]) * MAX_SPAN + len - 1.
 */
export interface Coverage {
  lo: Int32Array;
  hi: Int32Array;
  offset: Int32Array;
  data: Float32Array;
}

export function computeCoverage(
  srcTok: number[][],
  srcW: Float64Array,
  trans: number[][],
  tgtTok: number[][],
  tgtVocabSize: number,
  lo: Int32Array,
  hi: Int32Array,
): Coverage {
  const count = srcTok.length;
  const tgtCount = tgtTok.length;
  const offset = new Int32Array(count + 1);
  for (let s = 0; s < count; s++) offset[s + 1] = offset[s] + Math.max(0, hi[s] - lo[s] + 1) * MAX_SPAN;
  const data = new Float32Array(offset[count]);
  // For one source sentence, mask[e] has bit k set when target word e translates its k-th word;
  // a target sentence's words OR-ed together tell which source words it covers. Words go 32 at a time.
  const mask = new Int32Array(tgtVocabSize);
  const sentMask = new Int32Array(tgtCount);
  const weights = new Float64Array(32);
  const matchable: number[] = [];
  for (let s = 0; s < count; s++) {
    const l = lo[s];
    const h = hi[s];
    if (h < l) continue;
    const last = Math.min(tgtCount - 1, h + MAX_SPAN - 1);
    matchable.length = 0;
    for (const t of srcTok[s]) if (srcW[t] > 0 && trans[t].length > 0) matchable.push(t);
    for (let chunk = 0; chunk < matchable.length; chunk += 32) {
      const size = Math.min(32, matchable.length - chunk);
      for (let k = 0; k < size; k++) {
        const t = matchable[chunk + k];
        weights[k] = srcW[t];
        for (const e of trans[t]) mask[e] |= 1 << k;
      }
      for (let j = l; j <= last; j++) {
        let m = 0;
        for (const e of tgtTok[j]) m |= mask[e];
        sentMask[j] = m;
      }
      for (let start = l; start <= h; start++) {
        const cell = offset[s] + (start - l) * MAX_SPAN;
        let m = 0;
        let sum = 0;
        for (let len = 1; len <= MAX_SPAN && start + len - 1 <= last; len++) {
          // Only words newly covered by this sentence add to the span's sum.
          const fresh = sentMask[start + len - 1] & ~m;
          m |= fresh;
          for (let bits = fresh; bits !== 0; bits &= bits - 1) sum += weights[31 - Math.clz32(bits & -bits)];
          data[cell + len - 1] += sum;
        }
      }
      for (let k = 0; k < size; k++) for (const e of trans[matchable[chunk + k]]) mask[e] = 0;
    }
  }
  return { lo, hi, offset, data };
}

export function coverageAt(c: Coverage, s: number, start: number, len: number): number {
  if (start < c.lo[s] || start > c.hi[s]) return 0;
  return c.data[c.offset[s] + (start - c.lo[s]) * MAX_SPAN + len - 1];
}
