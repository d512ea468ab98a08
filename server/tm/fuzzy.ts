// Translation-memory matcher: fuzzy match by the Dice coefficient over sets of character bigrams
// (Dice 1945; character n-gram similarity is the usual choice for Chinese, which has no spaces to
// split words on — see e.g. Baldwin & Tanaka 2000 on character-based TM retrieval for Japanese/Chinese),
// with an inverted bigram index so a lookup only touches units sharing a bigram with the query.
//   score = 100 · 2·|B(q) ∩ B(u)| / (|B(q)| + |B(u)|)
// where B(x) is the set of adjacent character pairs of x after NFKC folding, lower-casing and removing
// whitespace (a one-character text is its own single "bigram"). Only an identical normalized text scores
// 100; a different text whose bigram set happens to coincide is capped at 99, as CAT tools reserve 100%
// for exact matches. Concordance finds a term in either language: Chinese through the same bigram index,
// English through a whole-word index, both confirmed by a substring test.
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
  const cps = Array.from(normalized, (c) => c.codePointAt(0)!);
  if (cps.length === 0) return [];
  // A single character: its own key, kept apart from every bigram by a marker above the plane.
  if (cps.length === 1) return [PLANE * PLANE + cps[0]];
  const keys = new Set<number>();
  for (let i = 0; i + 1 < cps.length; i++) keys.add(cps[i] * PLANE + cps[i + 1]);
  return [...keys];
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

const WORD = /[\p{L}\p{N}]+/gu;
const CJK = /[\p{Script=Han}]/u;

function englishWords(text: string): string[] {
  return [...new Set(text.normalize('NFKC').toLowerCase().match(WORD) ?? [])].filter((w) => !CJK.test(w));
}

export class TmIndex<T extends TmEntryBase> {
  private entries: T[] = [];
  private normSource: string[] = [];
  private sizes: number[] = [];
  private postings = new Map<number, number[]>();
  private words = new Map<string, number[]>();
  private counts = new Uint32Array(1024);

  get size(): number {
    return this.entries.length;
  }

  add(entry: T): void {
    const i = this.entries.length;
    const norm = normalize(entry.source);
    const keys = bigramKeys(norm);
    this.entries.push(entry);
    this.normSource.push(norm);
    this.sizes.push(keys.length);
    for (const k of keys) {
      const list = this.postings.get(k);
      if (list) list.push(i);
      else this.postings.set(k, [i]);
    }
    for (const w of englishWords(entry.target)) {
      const list = this.words.get(w);
      if (list) list.push(i);
      else this.words.set(w, [i]);
    }
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
    const keys = bigramKeys(norm);
    if (keys.length === 0) return [];
    const counts = this.counts;
    const touched: number[] = [];
    for (const k of keys) {
      const list = this.postings.get(k);
      if (!list) continue;
      for (const i of list) {
        if (counts[i]++ === 0) touched.push(i);
      }
    }
    const hits: TmMatch<T>[] = [];
    const order: number[] = [];
    for (const i of touched) {
      const shared = counts[i];
      counts[i] = 0;
      const s = this.normSource[i] === norm ? 100 : score(shared, keys.length, this.sizes[i]);
      if (s >= threshold) {
        hits.push({ entry: this.entries[i], score: s });
        order.push(i);
      }
    }
    const ranked = hits.map((h, n) => ({ h, i: order[n] })).sort((a, b) => b.h.score - a.h.score || b.i - a.i);
    const out: TmMatch<T>[] = [];
    for (const { h } of ranked) {
      if (options.accept && !options.accept(h.entry)) continue;
      out.push(h);
      if (out.length >= limit) break;
    }
    return out;
  }

  /**
   * Units containing `term` in their source (Chinese, through the bigram index) or their target
   * (English, whole words through the word index, then a case-insensitive substring test); newest first.
   */
  concordance(term: string, options: { limit?: number; accept?: (entry: T) => boolean } = {}): TmConcordanceHit<T>[] {
    const limit = options.limit ?? 50;
    const normTerm = normalize(term);
    const lowerTerm = term.normalize('NFKC').toLowerCase().trim().replace(/\s+/gu, ' ');
    if (normTerm === '') return [];
    const inSource = new Set<number>();
    const inTarget = new Set<number>();

    const keys = bigramKeys(normTerm);
    const sourceCandidates = normTerm.length >= 2 ? this.shortest(keys.map((k) => this.postings.get(k))) : undefined;
    for (const i of sourceCandidates ?? this.entries.keys()) if (this.normSource[i].includes(normTerm)) inSource.add(i);

    const words = englishWords(term);
    // A Chinese term is not looked for in the English side; a term of punctuation only is scanned for.
    const targetCandidates = words.length > 0 ? this.shortest(words.map((w) => this.words.get(w))) : CJK.test(term) ? [] : undefined;
    for (const i of targetCandidates ?? this.entries.keys()) {
      if (this.entries[i].target.normalize('NFKC').toLowerCase().replace(/\s+/gu, ' ').includes(lowerTerm)) inTarget.add(i);
    }

    const all = [...new Set([...inSource, ...inTarget])].sort((a, b) => b - a);
    const out: TmConcordanceHit<T>[] = [];
    for (const i of all) {
      const entry = this.entries[i];
      if (options.accept && !options.accept(entry)) continue;
      out.push({ entry, in: inSource.has(i) && inTarget.has(i) ? 'both' : inSource.has(i) ? 'source' : 'target' });
      if (out.length >= limit) break;
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
