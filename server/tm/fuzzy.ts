// Translation-memory matcher: fuzzy match by the Dice coefficient over sets of character bigrams
// (Dice 1945; character n-gram similarity is the usual choice for Chinese, which has no spaces to
// split words on — see e.g. Baldwin & Tanaka 2000 on character-based TM retrieval for Japanese/Chinese),
// with an inverted bigram index so a lookup only touches units sharing a bigram with the query.
//   score = 100 · 2·|B(q) ∩ B(u)| / (|B(q)| + |B(u)|)
// where B(x) is the set of adjacent character pairs of x after NFKC folding, lower-casing and removing
// whitespace (a one-character text is its own single "bigram"). Only an identical normalized text scores
// 100; a different text whose bigram set happens to coincide is capped at 99, as CAT tools reserve 100%
// for exact matches. Concordance finds a term in either language: in sources through the same bigram
// index confirmed by a substring test, in targets by a case-insensitive substring scan, newest first,
// stopping at the limit (an English word index cost more to build than the scan costs to run).
// Pure: no I/O; the server feeds it units and checks results against the database.

export interface TmEntryBase {
  source: string;
  target: string;
}

export interface TmMatch<T extends TmEntryBase> {
  entry: T;
  /** Dice × 100 over character bigrams, one decimal. */
  score: number;
}

export interface TmConcordanceHit<T extends TmEntryBase> {
  entry: T;
  /** Where the term was found. */
  in: 'source' | 'target' | 'both';
}

export const DEFAULT_THRESHOLD = 60;

/** The text as compared: NFKC (full-width → ASCII forms), lower case, no whitespace. */
export function normalize(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/gu, '');
}

// A bigram of two code points as one number: cp1 · 0x110000 + cp2 stays below 2^53.
const PLANE = 0x110000;

/** The distinct bigram keys of a normalized text. */
export function bigramKeys(normalized: string): number[] {
  const keys: number[] = [];
  const seen = new Set<number>();
  let prev = -1;
  let count = 0;
  for (let i = 0; i < normalized.length; i++) {
    let cp = normalized.charCodeAt(i);
    if (cp >= 0xd800 && cp < 0xdc00 && i + 1 < normalized.length) {
      cp = normalized.codePointAt(i)!;
      if (cp > 0xffff) i++;
    }
    count++;
    if (prev >= 0) {
      const key = prev * PLANE + cp;
      if (!seen.has(key)) {
        seen.add(key);
        keys.push(key);
      }
    }
    prev = cp;
  }
  // A single character: its own key, kept apart from every bigram by a marker above the plane.
  if (count === 1) return [PLANE * PLANE + prev];
  return keys;
}

/** Dice similarity of two texts in percent, the same score TmIndex.match reports. */
export function similarity(a: string, b: string): number {
  const na = normalize(a);
  const nb = normalize(b);
  if (na === nb) return 100;
  const ka = bigramKeys(na);
  const kb = new Set(bigramKeys(nb));
  let shared = 0;
  for (const k of ka) if (kb.has(k)) shared++;
  return score(shared, ka.length, kb.size);
}

function score(shared: number, sizeA: number, sizeB: number): number {
  if (sizeA + sizeB === 0) return 0;
  return Math.min(99, Math.round((2000 * shared) / (sizeA + sizeB)) / 10);
}

const CJK = /[\u3400-\u9fff\uf900-\ufaff]|[\ud840-\ud87f][\udc00-\udfff]/;

/** A case-insensitive pattern for a term, any run of whitespace in it matching any run in the text. */
function termPattern(term: string): RegExp | undefined {
  const words = term.trim().split(/\s+/).filter((w) => w !== '');
  if (words.length === 0) return undefined;
  return new RegExp(words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\s+'), 'i');
}

// Inside the index a bigram is a small integer: characters get dense ids, a pair of ids packs into
// one small integer key (a V8 "Smi", which Maps hash fast), and each distinct key gets a dense
// bigram id that indexes the posting lists. Ids beyond 2^15 characters fall back to larger keys.
const SMALL = 1 << 15;

function pack(a: number, b: number): number {
  return a < SMALL && b < SMALL ? (a << 15) | b : 2 ** 30 + a * 2 ** 21 + b;
}

export class TmIndex<T extends TmEntryBase> {
  private entries: T[] = [];
  private normSource: string[] = [];
  private sizes: number[] = [];
  /** Character ids: a table for the Basic Multilingual Plane (-1: none yet), a Map beyond it. */
  private bmpIds = new Int32Array(0x10000).fill(-1);
  private charIds = new Map<number, number>();
  private charCount = 0;
  private bigramIds = new Map<number, number>();
  private postings: number[][] = [];
  private stamp = new Int32Array(1024);
  private stampValue = 0;
  private counts = new Uint32Array(1024);

  get size(): number {
    return this.entries.length;
  }

  /**
   * The distinct bigram ids of a normalized text and the number of its distinct bigrams; with
   * `create` unknown characters and bigrams get ids, without it they only count.
   */
  private bigramsOf(norm: string, create: boolean): { ids: number[]; distinct: number } {
    const ids: number[] = [];
    let unknown: Set<string> | undefined;
    const stampValue = ++this.stampValue;
    let prev = -1;
    let prevUnknown = -1;
    let chars = 0;
    for (let i = 0; i < norm.length; i++) {
      let cp = norm.charCodeAt(i);
      if (cp >= 0xd800 && cp < 0xdc00 && i + 1 < norm.length) {
        cp = norm.codePointAt(i)!;
        if (cp > 0xffff) i++;
      }
      chars++;
      let cid: number | undefined = cp < 0x10000 ? this.bmpIds[cp] : this.charIds.get(cp);
      if (cid === -1) cid = undefined;
      if (cid === undefined && create) {
        cid = this.charCount++;
        if (cp < 0x10000) this.bmpIds[cp] = cid;
        else this.charIds.set(cp, cid);
      }
      if (chars > 1) {
        if (cid === undefined || prev < 0) (unknown ??= new Set()).add(`${prev < 0 ? prevUnknown : prev}:${cid ?? cp}:${cid === undefined ? 'u' : ''}`);
        else {
          const key = pack(prev, cid);
          if (!this.addBigram(key, create, stampValue, ids)) (unknown ??= new Set()).add(`k${key}`);
        }
      }
      prev = cid ?? -1;
      prevUnknown = cid === undefined ? -cp - 2 : -1;
    }
    // A one-character text is its own single "bigram", kept apart from the pairs by a negative key.
    if (chars === 1) {
      if (prev < 0 || !this.addBigram(-prev - 1, create, stampValue, ids)) return { ids, distinct: 1 };
    }
    return { ids, distinct: ids.length + (unknown?.size ?? 0) };
  }

  /** Adds the bigram's id to `ids` once; false when it is unknown and `create` is off. */
  private addBigram(key: number, create: boolean, stampValue: number, ids: number[]): boolean {
    let bid = this.bigramIds.get(key);
    if (bid === undefined) {
      if (!create) return false;
      bid = this.postings.length;
      this.bigramIds.set(key, bid);
      this.postings.push([]);
      if (bid >= this.stamp.length) {
        const grown = new Int32Array(this.stamp.length * 2);
        grown.set(this.stamp);
        this.stamp = grown;
      }
    }
    if (this.stamp[bid] !== stampValue) {
      this.stamp[bid] = stampValue;
      ids.push(bid);
    }
    return true;
  }

  add(entry: T): void {
    const i = this.entries.length;
    const norm = normalize(entry.source);
    const { ids } = this.bigramsOf(norm, true);
    this.entries.push(entry);
    this.normSource.push(norm);
    this.sizes.push(ids.length);
    for (const bid of ids) this.postings[bid].push(i);
    if (this.counts.length <= i) {
      const grown = new Uint32Array(this.counts.length * 2);
      grown.set(this.counts);
      this.counts = grown;
    }
  }

  /**
   * Units whose source is at least `threshold` percent similar to `query`, best first (ties: the
   * later-added unit first, i.e. the more recent translation). `accept` filters before the limit.
   */
  match(query: string, options: { threshold?: number; limit?: number; accept?: (entry: T) => boolean } = {}): TmMatch<T>[] {
    const threshold = options.threshold ?? DEFAULT_THRESHOLD;
    const limit = options.limit ?? 10;
    const norm = normalize(query);
    if (norm === '') return [];
    const { ids, distinct: q } = this.bigramsOf(norm, false);
    const counts = this.counts;
    const touched: number[] = [];
    for (const bid of ids) {
      const list = this.postings[bid];
      for (let k = 0; k < list.length; k++) {
        const i = list[k];
        if (counts[i]++ === 0) touched.push(i);
      }
    }
    const hits: { h: TmMatch<T>; i: number }[] = [];
    // Scores are rounded to one decimal, so keep anything that could round up to the threshold.
    const floor = threshold - 0.05;
    for (const i of touched) {
      const shared = counts[i];
      counts[i] = 0;
      const b = this.sizes[i];
      if ((200 * shared) / (q + b) < floor) continue;
      const s = this.normSource[i] === norm ? 100 : score(shared, q, b);
      if (s >= threshold) hits.push({ h: { entry: this.entries[i], score: s }, i });
    }
    hits.sort((a, b) => b.h.score - a.h.score || b.i - a.i);
    const out: TmMatch<T>[] = [];
    for (const { h } of hits) {
      if (options.accept && !options.accept(h.entry)) continue;
      out.push(h);
      if (out.length >= limit) break;
    }
    return out;
  }

  /**
   * Units containing `term` in their normalized source (candidates from the bigram index) or,
   * case-insensitively, in their target; newest first, stopping at `limit` hits.
   */
  concordance(term: string, options: { limit?: number; accept?: (entry: T) => boolean } = {}): TmConcordanceHit<T>[] {
    const limit = options.limit ?? 50;
    const normTerm = normalize(term);
    if (normTerm === '') return [];

    let sourceCandidates: number[] | undefined;
    if ([...normTerm].length >= 2) {
      const { ids, distinct } = this.bigramsOf(normTerm, false);
      // A bigram the index has never seen: no source can contain the term.
      sourceCandidates = distinct > ids.length ? [] : this.shortest(ids.map((bid) => this.postings[bid]));
    }
    // A Chinese term is not looked for in the English side, which is scanned newest first otherwise
    // (a case-insensitive substring search; the walk stops at `limit` hits, so common terms are quick).
    const pattern = CJK.test(term) ? undefined : termPattern(term);
    const targetCandidates = pattern ? undefined : [];
    const inSource = (i: number) => this.normSource[i].includes(normTerm);
    const inTarget = (i: number) => pattern !== undefined && pattern.test(this.entries[i].target);

    const out: TmConcordanceHit<T>[] = [];
    // Walk both ascending candidate lists from their ends at once: newest first, each index once.
    let a = sourceCandidates ? sourceCandidates.length - 1 : this.entries.length - 1;
    let b = targetCandidates ? targetCandidates.length - 1 : this.entries.length - 1;
    const at = (list: number[] | undefined, k: number) => (k < 0 ? -1 : list ? list[k] : k);
    while (out.length < limit) {
      const i = Math.max(at(sourceCandidates, a), at(targetCandidates, b));
      if (i < 0) break;
      if (at(sourceCandidates, a) === i) a--;
      if (at(targetCandidates, b) === i) b--;
      const src = inSource(i);
      const tgt = inTarget(i);
      if (!src && !tgt) continue;
      const entry = this.entries[i];
      if (options.accept && !options.accept(entry)) continue;
      out.push({ entry, in: src && tgt ? 'both' : src ? 'source' : 'target' });
    }
    return out;
  }

  /** The shortest of some posting lists; a missing list means nothing can match. */
  private shortest(lists: (number[] | undefined)[]): number[] {
    let best: number[] | undefined;
    for (const list of lists) {
      if (!list) return [];
      if (!best || list.length < best.length) best = list;
    }
    return best ?? [];
  }
}
