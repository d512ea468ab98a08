// Term matching.
// Chinese side: a trie of the terms over UTF-16 code units, walked from each position of the text:
// the longest term starting there wins and the walk resumes after it, which is the longest-leftmost
// (POSIX leftmost-longest) selection of non-overlapping matches — 国际科技创新中心 wins over 科技创新
// and 人工智能+ over 人工智能 — with the result of an Aho–Corasick scan (Aho & Corasick, CACM 18(6),
// 1975) but without its fail links, which cost a second lookup at nearly every character. A bitset
// of the terms' first two characters lets the walk skip the positions where no term of two or more
// characters starts. Cost: at most the longest term's length per position. No word boundaries:
// Chinese has none.
// English side: token-sequence matching over word keys (./word-keys.ts: case, possessives,
// plurals and British/American spelling folded away). Renderings are tokenised once when the
// index is built; a target is tokenised once and each rendering is only tried where its first
// word occurs — no per-term regular expressions, which V8 compiles far too slowly for a
// 10,000-term glossary.
// Layout: the trie, the renderings and the scanned target live in flat typed arrays
// (struct of arrays, entries and renderings referred to by number). A 10,000-term glossary does
// not fit in the processor's caches as objects; looking terms up object by object cost a cache
// miss per term and per word, several times over the arithmetic.
import type { TermEntry } from './model.ts';
import type { TokenBuffers } from './word-keys.ts';
import { tokenizeInto } from './word-keys.ts';

export interface TermMatch {
  entry: TermEntry;
  start: number;
  end: number;
}

export type RenderingForm = 'preferred' | 'variant' | 'forbidden';

export interface Rendering {
  start: number;
  end: number;
  text: string;
  form: RenderingForm;
  /** Which listed rendering matched (the glossary's spelling, not the surface text). */
  rendering: string;
}

export interface HighlightSpan {
  start: number;
  end: number;
  text: string;
  termId: string;
  zh: string;
  preferred: string;
  variants: string[];
  forbidden: string[];
  note: string;
  status: TermEntry['status'];
}

/** One glossary entry met in a segment pair: where it is in the source and how it is rendered. */
export interface EntryAnalysis {
  entry: TermEntry;
  /** The entry's number in its index (its position in the entries the index was built from). */
  no: number;
  /** Where the term occurs in the source (empty when only a forbidden rendering was found). */
  sourceMatches: TermMatch[];
  /** Preferred and variant renderings in the target. */
  accepted: Rendering[];
  forbidden: Rendering[];
}

export interface PairAnalysis {
  index: TermIndex;
  matches: TermMatch[];
  entries: EntryAnalysis[];
}

// ——— The Chinese trie ———

interface TrieNode {
  next: Map<number, number>;
  /** Number of the entry whose zh ends exactly here (first entry wins on duplicate zh), or -1. */
  entry: number;
}

/**
 * The trie in flat arrays. Transitions other than the root's are kept per node as a run of
 * (code unit, next node) pairs sorted by code unit: node s's run is childStart[s] …
 * childStart[s + 1] - 1, scanned when short and halved when long. A 10,000-term glossary takes a
 * few hundred kilobytes this way, which stay in the processor's cache.
 */
interface Trie {
  entry: Int32Array;
  /** The root's transitions as a table over UTF-16 code units. */
  rootNext: Int32Array;
  childStart: Int32Array;
  childUnit: Uint16Array;
  childNext: Int32Array;
  /** One bit per hashed pair of first two characters of a term (see pairBit). */
  starts: Uint32Array;
}

const PAIR_BITS = 20;
const pairBit = (c0: number, c1: number) => (Math.imul(c0, 0x9e3779b1) ^ Math.imul(c1, 0x85ebca6b)) >>> (32 - PAIR_BITS);

function goTo(a: Trie, state: number, c: number): number {
  let lo = a.childStart[state];
  let hi = a.childStart[state + 1];
  const units = a.childUnit;
  while (hi - lo > 8) {
    const mid = (lo + hi) >> 1;
    if (units[mid] > c) hi = mid;
    else lo = mid;
  }
  for (; lo < hi; lo++) if (units[lo] === c) return a.childNext[lo];
  return -1;
}

function flatten(nodes: TrieNode[], starts: Uint32Array): Trie {
  const n = nodes.length;
  const childStart = new Int32Array(n + 1);
  let edges = 0;
  for (let i = 1; i < n; i++) {
    childStart[i] = edges;
    edges += nodes[i].next.size;
  }
  childStart[n] = edges;
  const a: Trie = {
    entry: new Int32Array(n),
    rootNext: new Int32Array(65536),
    childStart,
    childUnit: new Uint16Array(edges),
    childNext: new Int32Array(edges),
    starts,
  };
  nodes.forEach((node, i) => {
    a.entry[i] = node.entry;
    const children = [...node.next].sort((x, y) => x[0] - y[0]);
    children.forEach(([c, child], k) => {
      if (i === 0) a.rootNext[c] = child;
      else {
        a.childUnit[childStart[i] + k] = c;
        a.childNext[childStart[i] + k] = child;
      }
    });
  });
  return a;
}

/** Full-width ASCII → ASCII, one code unit for one, so spans in the folded text are spans in the original. */
function foldZhUnit(code: number): number {
  if (code >= 0xff01 && code <= 0xff5e) return code - 0xfee0;
  if (code === 0x3000) return 0x20;
  return code;
}

// ——— Compiled renderings ———

interface CompiledRendering {
  form: RenderingForm;
  /** The listed rendering this one reports as (itself, or an earlier one it only inflects). */
  rendering: string;
  keys: number[];
  /** Lower-cased tokens, for prefix matching of the last one. */
  lower: string[];
  /** Original tokens, for case-sensitive entries. */
  raw: string[];
  /** Folded, space-normalised text, for exact entries and for preferring the listed spelling. */
  literal: string;
}

const FORMS: readonly RenderingForm[] = ['preferred', 'variant', 'forbidden'];
const FORBIDDEN = 2;

/** The renderings of a list of entries, numbered in entry order and listed order within an entry. */
interface RenderingTable {
  /** Entry e's renderings are numbers first[e] … first[e + 1] - 1. */
  first: Int32Array;
  /** The entry each rendering belongs to. */
  entry: Int32Array;
  /** Index into FORMS. */
  form: Uint8Array;
  /** Rendering r's word keys are keys[keyStart[r]] … keys[keyStart[r + 1] - 1]. */
  keyStart: Int32Array;
  keys: Int32Array;
  /** The rendering r reports as: the first of its entry with the same listed spelling. */
  report: Int32Array;
  /** The listed spelling each rendering reports as (compiled[r].rendering, without loading compiled[r]). */
  names: string[];
  /** Entries that need more than key comparison (exact, prefix or case-sensitive matching). */
  special: Uint8Array;
  compiled: CompiledRendering[];
}

function buildTable(entries: readonly TermEntry[]): RenderingTable {
  const compiled: CompiledRendering[] = [];
  const first = new Int32Array(entries.length + 1);
  const special = new Uint8Array(entries.length);
  const report: number[] = [];
  const owner: number[] = [];
  entries.forEach((entry, e) => {
    first[e] = compiled.length;
    special[e] = entry.match !== 'inflected' || entry.caseSensitive ? 1 : 0;
    for (const c of compileEntry(entry)) {
      let same = first[e];
      while (compiled[same]?.rendering !== c.rendering && same < compiled.length) same++;
      report.push(same);
      owner.push(e);
      compiled.push(c);
    }
  });
  first[entries.length] = compiled.length;
  const keyStart = new Int32Array(compiled.length + 1);
  let nKeys = 0;
  compiled.forEach((c, r) => {
    keyStart[r] = nKeys;
    nKeys += c.keys.length;
  });
  keyStart[compiled.length] = nKeys;
  const keys = new Int32Array(nKeys);
  compiled.forEach((c, r) => keys.set(c.keys, keyStart[r]));
  return {
    first,
    entry: Int32Array.from(owner),
    form: Uint8Array.from(compiled, (c) => FORMS.indexOf(c.form)),
    keyStart,
    keys,
    report: Int32Array.from(report),
    names: compiled.map((c) => c.rendering),
    special,
    compiled,
  };
}

// An entry looked up on its own (findRenderings) carries a one-entry table, under a symbol
// (non-enumerable, so entries still compare and serialise as plain data).
const OWN_TABLE = Symbol('renderings');
type WithTable = TermEntry & { [OWN_TABLE]?: RenderingTable };
const tableFallback = new WeakMap<TermEntry, RenderingTable>();
function ownTable(entry: TermEntry): RenderingTable {
  let t = (entry as WithTable)[OWN_TABLE] ?? tableFallback.get(entry);
  if (t) return t;
  t = buildTable([entry]);
  if (Object.isExtensible(entry)) Object.defineProperty(entry, OWN_TABLE, { value: t, enumerable: false, configurable: true });
  else tableFallback.set(entry, t);
  return t;
}

// ——— The index ———

/**
 * Entries with a forbidden rendering, by its first word key and (for phrases) its second: a
 * phrase is only tried where its first two words occur. `first[key]` says whether any one-word
 * (1) or longer (2) forbidden rendering starts with that key; `pairs` is an open-addressing table
 * of (first key, second key or 0, start, length) slots into `lists`, the entry numbers.
 */
interface ForbiddenTable {
  first: Uint8Array;
  mask: number;
  pairs: Int32Array;
  lists: Int32Array;
}

const pairSlot = (k1: number, k2: number, mask: number) => (Math.imul(k1, 0x9e3779b1) ^ Math.imul(k2, 0x85ebca6b)) & mask;

function buildForbidden(entries: readonly TermEntry[], t: RenderingTable): ForbiddenTable {
  const lists = new Map<string, { k1: number; k2: number; entries: number[] }>();
  let maxKey = 0;
  entries.forEach((entry, e) => {
    for (let r = t.first[e]; r < t.first[e + 1]; r++) {
      const keys = t.compiled[r].keys;
      if (t.form[r] !== FORBIDDEN || keys.length === 0 || (entry.match === 'prefix' && keys.length === 1)) continue;
      const k2 = keys.length > 1 ? keys[1] : 0;
      const id = `${keys[0]} ${k2}`;
      const list = lists.get(id) ?? { k1: keys[0], k2, entries: [] };
      lists.set(id, list);
      if (list.entries[list.entries.length - 1] !== e) list.entries.push(e);
      maxKey = Math.max(maxKey, keys[0]);
    }
  });
  let cap = 16;
  while (cap < lists.size * 2) cap *= 2;
  const table: ForbiddenTable = {
    first: new Uint8Array(lists.size ? maxKey + 1 : 0),
    mask: cap - 1,
    pairs: new Int32Array(cap * 4),
    lists: Int32Array.from([...lists.values()].flatMap((l) => l.entries)),
  };
  let from = 0;
  for (const { k1, k2, entries: list } of lists.values()) {
    table.first[k1] |= k2 === 0 ? 1 : 2;
    let h = pairSlot(k1, k2, table.mask);
    while (table.pairs[h << 2] !== 0) h = (h + 1) & table.mask;
    table.pairs.set([k1, k2, from, list.length], h << 2);
    from += list.length;
  }
  return table;
}

/** Where the entries of forbidden renderings starting with (k1, k2) are in `lists` (length 0: none). */
function forbiddenList(f: ForbiddenTable, k1: number, k2: number): number {
  for (let h = pairSlot(k1, k2, f.mask); ; h = (h + 1) & f.mask) {
    const at = h << 2;
    if (f.pairs[at] === 0) return -1;
    if (f.pairs[at] === k1 && f.pairs[at + 1] === k2) return at;
  }
}

export interface TermIndex {
  entries: TermEntry[];
  trie: Trie;
  renderings: RenderingTable;
  forbidden: ForbiddenTable;
  byZh: Map<string, TermEntry>;
}

export function buildTermIndex(input: TermEntry[]): TermIndex {
  const entries = input.slice();
  const nodes: TrieNode[] = [{ next: new Map(), entry: -1 }];
  const starts = new Uint32Array(1 << (PAIR_BITS - 5));
  const byZh = new Map<string, TermEntry>();
  entries.forEach((entry, e) => {
    const zh = entry.zh.trim();
    if (!zh) return;
    let state = 0;
    for (let i = 0; i < zh.length; i++) {
      const c = foldZhUnit(zh.charCodeAt(i));
      let nxt = nodes[state].next.get(c);
      if (nxt === undefined) {
        nxt = nodes.length;
        nodes.push({ next: new Map(), entry: -1 });
        nodes[state].next.set(c, nxt);
      }
      state = nxt;
    }
    if (nodes[state].entry < 0) {
      nodes[state].entry = e;
      byZh.set(zh, entry);
    }
    if (zh.length > 1) {
      const bit = pairBit(foldZhUnit(zh.charCodeAt(0)), foldZhUnit(zh.charCodeAt(1)));
      starts[bit >>> 5] |= 1 << (bit & 31);
    }
  });

  const renderings = buildTable(entries);
  return { entries, trie: flatten(nodes, starts), renderings, forbidden: buildForbidden(entries, renderings), byZh };
}

// ——— Chinese matching ———

// The matches found, three numbers each (entry, start, end). Reused between calls.
let sourceHits = new Int32Array(3 * 64);

/** Longest-leftmost, non-overlapping terms of a Chinese text into sourceHits; returns their number. */
function scanSource(index: TermIndex, zh: string): number {
  const a = index.trie;
  const { entry, rootNext, starts } = a;
  const len = zh.length;
  let n = 0;
  let next = len > 0 ? foldZhUnit(zh.charCodeAt(0)) : 0;
  for (let p = 0; p < len; ) {
    const c = next;
    next = p + 1 < len ? foldZhUnit(zh.charCodeAt(p + 1)) : 0;
    let state = rootNext[c];
    if (state === 0) {
      p++;
      continue;
    }
    // The longest term starting at p: walk down the trie as far as the text follows it.
    let bestEntry = entry[state];
    let bestEnd = p + 1;
    const bit = pairBit(c, next);
    if (p + 1 < len && (starts[bit >>> 5] & (1 << (bit & 31))) !== 0) {
      for (let i = p + 1; i < len; i++) {
        state = goTo(a, state, i === p + 1 ? next : foldZhUnit(zh.charCodeAt(i)));
        if (state < 0) break;
        if (entry[state] >= 0) {
          bestEntry = entry[state];
          bestEnd = i + 1;
        }
      }
    }
    if (bestEntry < 0) {
      p++;
      continue;
    }
    if (sourceHits.length < 3 * (n + 1)) sourceHits = grow(sourceHits);
    sourceHits[3 * n] = bestEntry;
    sourceHits[3 * n + 1] = p;
    sourceHits[3 * n + 2] = bestEnd;
    n++;
    p = bestEnd;
    next = p < len ? foldZhUnit(zh.charCodeAt(p)) : 0;
  }
  return n;
}

function grow(a: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
}

/** Longest-leftmost, non-overlapping glossary terms in a Chinese text. */
export function matchSource(index: TermIndex, zh: string): TermMatch[] {
  const n = scanSource(index, zh);
  const result: TermMatch[] = [];
  for (let k = 0; k < n; k++) {
    result.push({ entry: index.entries[sourceHits[3 * k]], start: sourceHits[3 * k + 1], end: sourceHits[3 * k + 2] });
  }
  return result;
}

/** Glossary terms in a source string with what the editor shows for each. */
export function highlight(index: TermIndex, zh: string): HighlightSpan[] {
  return matchSource(index, zh).map(({ entry, start, end }) => ({
    start,
    end,
    text: zh.slice(start, end),
    termId: entry.id,
    zh: entry.zh,
    preferred: entry.en,
    variants: entry.variants,
    forbidden: entry.forbidden,
    note: entry.note,
    status: entry.status,
  }));
}

// ——— English matching ———

// Renderings found in the scanned target, three numbers each: start, end, rendering number.
let targetHits = new Int32Array(3 * 64);

/**
 * Appends the occurrences of entry e's renderings in the scanned target to targetHits from h0 and
 * returns the new end. Non-overlapping: the longest wins, and on equal spans the listed spelling
 * that equals the surface text, then preferred over variant over forbidden (so a forbidden phrase
 * inside an accepted one is not reported).
 */
function findInTable(t: RenderingTable, e: number, entry: TermEntry, h0: number): number {
  const total = scanned.count;
  const { keyStart, keys } = t;
  const special = t.special[e] !== 0;
  let h = h0;
  for (let r = t.first[e], last = t.first[e + 1]; r < last; r++) {
    const k0 = keyStart[r];
    const n = keyStart[r + 1] - k0;
    if (n === 0 || n > total) continue;
    // A one-word prefix rendering has no key to compare its first word by: try every word.
    const scanAll = special && entry.match === 'prefix' && n === 1;
    for (let i = scanAll ? 0 : firstPosition(keys[k0]); i >= 0 && i + n <= total; i = scanAll ? i + 1 : nextSame[i]) {
      if (special ? !specialMatch(entry, t.compiled[r], i) : !keysMatch(keys, k0 + 1, n - 1, i + 1)) continue;
      const start = scanned.starts[i];
      const end = scanned.ends[i + n - 1];
      if (special && entry.match === 'exact' && foldLiteral(scanned.text.slice(start, end), entry.caseSensitive) !== t.compiled[r].literal) continue;
      if (targetHits.length < h + 3) targetHits = grow(targetHits);
      targetHits[h] = start;
      targetHits[h + 1] = end;
      targetHits[h + 2] = r;
      h += 3;
    }
  }
  return h - h0 > 3 ? resolveOverlaps(t, entry, h0, h) : h;
}

function keysMatch(keys: Int32Array, from: number, n: number, at: number): boolean {
  const tk = scanned.keys;
  for (let k = 0; k < n; k++) if (tk[at + k] !== keys[from + k]) return false;
  return true;
}

// Scratch for resolveOverlaps: hit positions being ordered, whether each hit's surface equals its
// listed spelling (-1: not computed yet), and the kept hits.
let order = new Int32Array(64);
let exactOf = new Int8Array(64);
let kept = new Int32Array(3 * 64);

function resolveOverlaps(t: RenderingTable, entry: TermEntry, h0: number, h1: number): number {
  const m = (h1 - h0) / 3;
  if (order.length < m) {
    order = new Int32Array(2 * m);
    exactOf = new Int8Array(2 * m);
    kept = new Int32Array(6 * m);
  }
  for (let k = 0; k < m; k++) {
    order[k] = h0 + 3 * k;
    exactOf[k] = -1;
  }
  // Whether the surface equals the listed spelling only matters between renderings of one span,
  // so it is only worked out there.
  const exact = (p: number) => {
    const k = (p - h0) / 3;
    if (exactOf[k] < 0) {
      const surface = scanned.text.slice(targetHits[p], targetHits[p + 1]);
      exactOf[k] = foldLiteral(surface, entry.caseSensitive) === t.compiled[targetHits[p + 2]].literal ? 1 : 0;
    }
    return exactOf[k];
  };
  const compare = (p: number, q: number) =>
    targetHits[p] - targetHits[q] ||
    targetHits[q + 1] - targetHits[p + 1] ||
    exact(q) - exact(p) ||
    t.form[targetHits[p + 2]] - t.form[targetHits[q + 2]];
  // Insertion sort (stable, and the lists are short): leftmost, then longest, then the rules above.
  for (let i = 1; i < m; i++) {
    const x = order[i];
    let j = i - 1;
    for (; j >= 0 && compare(order[j], x) > 0; j--) order[j + 1] = order[j];
    order[j + 1] = x;
  }
  let n = 0;
  let covered = 0;
  for (let k = 0; k < m; k++) {
    const p = order[k];
    if (targetHits[p] < covered) continue;
    kept[n++] = targetHits[p];
    kept[n++] = targetHits[p + 1];
    kept[n++] = targetHits[p + 2];
    covered = targetHits[p + 1];
  }
  targetHits.set(kept.subarray(0, n), h0);
  return h0 + n;
}

function renderingAt(t: RenderingTable, h: number): Rendering {
  const start = targetHits[h];
  const end = targetHits[h + 1];
  const r = targetHits[h + 2];
  return { start, end, text: scanned.text.slice(start, end), form: FORMS[t.form[r]], rendering: t.names[r] };
}

/** Every occurrence of the entry's renderings in an English text (see findInTable for the rules). */
export function findRenderings(entry: TermEntry, en: string): Rendering[] {
  const t = ownTable(entry);
  scanTarget(en);
  const h = findInTable(t, 0, entry, 0);
  const result: Rendering[] = [];
  for (let k = 0; k < h; k += 3) result.push(renderingAt(t, k));
  return result;
}

// Entries met in the current pair: seenStamp[e] === pairStamp marks entry e as met, as the
// local entry localOf[e]. Sized to the largest index seen.
const STAMP_LIMIT = 0x3fffffff;
let pairStamp = 0;
let seenStamp = new Int32Array(0);
let localOf = new Int32Array(0);
// Per local entry, where its hits start in targetHits (one more slot closes the last).
let hitBounds = new Int32Array(64);

// Most entries have no forbidden rendering and many no accepted one: they share one frozen empty
// list (replaced, never pushed onto, when something is found) instead of two fresh arrays each.
const NONE = Object.freeze([]) as unknown as Rendering[];
const NO_MATCHES = Object.freeze([]) as unknown as TermMatch[];
// Scratch: occurrences of each met entry in the source, and which target hits are nested.
let occurrences = new Int32Array(64);
let nestedAt = new Uint8Array(64);

/**
 * The glossary terms of a segment pair: the terms in the source (longest-leftmost), each term's
 * renderings in the target, and entries whose forbidden renderings appear in the target without
 * the term in the source. Renderings of one term that lie inside an accepted rendering of a longer
 * term are dropped, mirroring the longest-leftmost rule on the Chinese side (科技创新 inside
 * 国际科技创新中心).
 */
export function analyseTerms(index: TermIndex, source: string, target: string): PairAnalysis {
  const { entries, renderings: t } = index;
  if (seenStamp.length < entries.length) {
    seenStamp = new Int32Array(entries.length);
    localOf = new Int32Array(entries.length);
  }
  // Stamps start again (and the marks with them) before they would overflow the Int32Array.
  if (pairStamp === STAMP_LIMIT) {
    pairStamp = 0;
    seenStamp.fill(0);
  }
  const stamp = ++pairStamp;
  const nSource = scanSource(index, source);
  // Arrays are made at their final length (counted first): pushing onto a short array reallocates it.
  const matches = new Array<TermMatch>(nSource);
  const list: EntryAnalysis[] = [];
  if (occurrences.length < nSource) occurrences = new Int32Array(2 * nSource);
  for (let k = 0; k < nSource; k++) {
    const e = sourceHits[3 * k];
    if (seenStamp[e] !== stamp) {
      seenStamp[e] = stamp;
      localOf[e] = list.length;
      occurrences[list.length] = 0;
      list.push({ entry: entries[e], no: e, sourceMatches: NO_MATCHES, accepted: NONE, forbidden: NONE });
    }
    occurrences[localOf[e]]++;
  }
  for (let k = 0; k < nSource; k++) {
    const e = sourceHits[3 * k];
    const m: TermMatch = { entry: entries[e], start: sourceHits[3 * k + 1], end: sourceHits[3 * k + 2] };
    matches[k] = m;
    const a = list[localOf[e]];
    if (a.sourceMatches === NO_MATCHES) {
      a.sourceMatches = occurrences[localOf[e]] === 1 ? [m] : new Array<TermMatch>(occurrences[localOf[e]]);
      occurrences[localOf[e]] = 0;
    }
    a.sourceMatches[occurrences[localOf[e]]++] = m;
  }
  if (!target) return { index, matches, entries: list };

  scanTarget(target);
  let h = 0;
  for (let l = 0; l < list.length; l++) {
    if (hitBounds.length < l + 2) hitBounds = grow(hitBounds);
    hitBounds[l] = h;
    h = findInTable(t, list[l].no, list[l].entry, h);
  }
  // Forbidden renderings of terms that are not in the source (OBOR is wrong everywhere).
  const f = index.forbidden;
  const { keys, count } = scanned;
  for (let i = 0; i < count; i++) {
    const k = keys[i];
    const starts = k < f.first.length ? f.first[k] : 0;
    if (starts === 0) continue;
    if (starts & 1) h = tryForbiddenList(index, forbiddenList(f, k, 0), stamp, list, h);
    if (starts & 2 && i + 1 < count) h = tryForbiddenList(index, forbiddenList(f, k, keys[i + 1]), stamp, list, h);
  }
  hitBounds[list.length] = h;

  // Keep what is not nested inside an accepted rendering of another term.
  if (nestedAt.length < h / 3) nestedAt = new Uint8Array(h);
  for (let l = 0; l < list.length; l++) {
    for (let x = hitBounds[l]; x < hitBounds[l + 1]; x += 3) {
      const xs = targetHits[x];
      const xe = targetHits[x + 1];
      let nested = false;
      for (let q = 0; q < h && !nested; q += 3) {
        if (q >= hitBounds[l] && q < hitBounds[l + 1]) continue;
        const qs = targetHits[q];
        const qe = targetHits[q + 1];
        nested = t.form[targetHits[q + 2]] !== FORBIDDEN && qs <= xs && xe <= qe && qe - qs > xe - xs;
      }
      nestedAt[x / 3] = nested ? 1 : 0;
    }
  }
  // Arrays made at their final length: pushing past a literal's length reallocates.
  for (let l = 0; l < list.length; l++) {
    const a = list[l];
    let nAccepted = 0;
    let nForbidden = 0;
    for (let x = hitBounds[l]; x < hitBounds[l + 1]; x += 3) {
      if (nestedAt[x / 3]) continue;
      if (t.form[targetHits[x + 2]] === FORBIDDEN) nForbidden++;
      else nAccepted++;
    }
    if (nAccepted + nForbidden === 0) continue;
    const accepted = nAccepted === 0 ? NONE : new Array<Rendering>(nAccepted);
    const forbidden = nForbidden === 0 ? NONE : new Array<Rendering>(nForbidden);
    let ka = 0;
    let kf = 0;
    for (let x = hitBounds[l]; x < hitBounds[l + 1]; x += 3) {
      if (nestedAt[x / 3]) continue;
      if (t.form[targetHits[x + 2]] === FORBIDDEN) forbidden[kf++] = renderingAt(t, x);
      else accepted[ka++] = renderingAt(t, x);
    }
    a.accepted = accepted;
    a.forbidden = forbidden;
  }
  return { index, matches, entries: list };
}

function tryForbiddenList(index: TermIndex, at: number, stamp: number, list: EntryAnalysis[], h: number): number {
  if (at < 0) return h;
  const { pairs, lists } = index.forbidden;
  for (let k = pairs[at + 2], end = k + pairs[at + 3]; k < end; k++) h = tryForbidden(index, lists[k], stamp, list, h);
  return h;
}

/** Adds entry e when its forbidden renderings occur in the target and it is not met yet. */
function tryForbidden(index: TermIndex, e: number, stamp: number, list: EntryAnalysis[], h0: number): number {
  if (seenStamp[e] === stamp) return h0;
  const t = index.renderings;
  const h1 = findInTable(t, e, index.entries[e], h0);
  let h = h0;
  for (let x = h0; x < h1; x += 3) {
    if (t.form[targetHits[x + 2]] !== FORBIDDEN) continue;
    targetHits[h] = targetHits[x];
    targetHits[h + 1] = targetHits[x + 1];
    targetHits[h + 2] = targetHits[x + 2];
    h += 3;
  }
  // Marked as met either way: a candidate that appears at several words is looked up once.
  seenStamp[e] = stamp;
  if (h === h0) return h0;
  localOf[e] = list.length;
  if (hitBounds.length < list.length + 2) hitBounds = grow(hitBounds);
  hitBounds[list.length] = h0;
  list.push({ entry: index.entries[e], no: e, sourceMatches: NO_MATCHES, accepted: NONE, forbidden: NONE });
  return h;
}

/** The numbers of the listed renderings of entry `no` as the index numbers them (see RenderingTable.report). */
export function reportedRendering(index: TermIndex, no: number, rendering: string): number {
  const t = index.renderings;
  for (let r = t.first[no]; r < t.first[no + 1]; r++) if (t.names[r] === rendering) return t.report[r];
  return -1;
}

function specialMatch(entry: TermEntry, c: CompiledRendering, at: number): boolean {
  const n = c.keys.length;
  const prefixLast = entry.match === 'prefix';
  const { keys, starts, ends, text } = scanned;
  for (let k = 0; k < n; k++) {
    const i = at + k;
    if (prefixLast && k === n - 1) {
      if (!scanned.lower.startsWith(c.lower[k], starts[i])) return false;
      if (entry.caseSensitive && !text.startsWith(c.raw[k], starts[i])) return false;
      continue;
    }
    if (keys[i] !== c.keys[k]) return false;
    if (entry.caseSensitive && !sameCase(text.slice(starts[i], ends[i]), c.raw[k])) return false;
  }
  return true;
}

/** Case-sensitive comparison of the part two tokens share (so "AIs" keeps "AI", "ai" does not). */
function sameCase(surface: string, listed: string): boolean {
  const n = Math.min(surface.length, listed.length);
  let i = 0;
  while (i < n && surface[i].toLowerCase() === listed[i].toLowerCase()) i++;
  return surface.slice(0, i) === listed.slice(0, i);
}

// ——— The scanned target ———

/**
 * The target being matched: its tokens, and the positions of each key as chains — headPos[key] is
 * the first position (valid while headStamp[key] is chainStamp), nextSame[i] the next one — so a
 * rendering is only tried where its first word occurs. One target at a time (every term of a pair
 * asks about the same target): the buffers are reused and scanning a target allocates nothing
 * but its lower-case copy.
 */
const scanned = {
  text: '',
  lower: '',
  count: 0,
  keys: new Int32Array(256),
  starts: new Int32Array(256),
  ends: new Int32Array(256),
};
let chainStamp = 0;
let headStamp = new Int32Array(1 << 14);
let headPos = new Int32Array(1 << 14);
let nextSame = new Int32Array(256);

function scanTarget(text: string): void {
  if (text === scanned.text && chainStamp > 0) return;
  if (scanned.keys.length < text.length) {
    const size = Math.max(text.length, scanned.keys.length * 2);
    scanned.keys = new Int32Array(size);
    scanned.starts = new Int32Array(size);
    scanned.ends = new Int32Array(size);
    nextSame = new Int32Array(size);
  }
  let lower = text.toLowerCase();
  if (lower.length !== text.length) lower = text; // a rare letter whose lower case changes length
  scanned.text = text;
  scanned.lower = lower;
  const count = (scanned.count = tokenizeInto(lower, scanned));
  if (chainStamp === STAMP_LIMIT) {
    chainStamp = 0;
    headStamp.fill(0);
  }
  const stamp = ++chainStamp;
  const { keys } = scanned;
  for (let i = count - 1; i >= 0; i--) {
    const k = keys[i];
    if (k >= headStamp.length) {
      let size = headStamp.length * 2;
      while (size <= k) size *= 2;
      const hs = new Int32Array(size);
      hs.set(headStamp);
      const hp = new Int32Array(size);
      hp.set(headPos);
      headStamp = hs;
      headPos = hp;
    }
    nextSame[i] = headStamp[k] === stamp ? headPos[k] : -1;
    headStamp[k] = stamp;
    headPos[k] = i;
  }
}

function firstPosition(key: number): number {
  return key < headStamp.length && headStamp[key] === chainStamp ? headPos[key] : -1;
}

function foldLiteral(text: string, caseSensitive: boolean): string {
  const t = text.trim().replace(/\s+/g, ' ');
  return caseSensitive ? t : t.toLowerCase();
}

/** An entry's renderings, tokenised: preferred, then variants, then forbidden ones. */
function compileEntry(entry: TermEntry): CompiledRendering[] {
  const list: CompiledRendering[] = [];
  const add = (text: string, form: RenderingForm) => {
    const t = text.trim();
    if (!t) return;
    let lower = t.toLowerCase();
    if (lower.length !== t.length) lower = t;
    const size = Math.max(t.length, 1);
    const toks: TokenBuffers = { keys: new Int32Array(size), starts: new Int32Array(size), ends: new Int32Array(size) };
    const n = tokenizeInto(lower, toks);
    const spans = Array.from({ length: n }, (_, k) => [toks.starts[k], toks.ends[k]]);
    list.push({
      form,
      rendering: t,
      keys: Array.from(toks.keys.subarray(0, n)),
      lower: spans.map(([s, e]) => lower.slice(s, e)),
      raw: spans.map(([s, e]) => t.slice(s, e)),
      literal: foldLiteral(t, entry.caseSensitive),
    });
  };
  add(entry.en, 'preferred');
  for (const v of entry.variants) add(v, 'variant');
  for (const f of entry.forbidden) add(f, 'forbidden');
  // A listed variant that is only an inflection or spelling of an earlier rendering ("supply
  // chains" beside "supply chain") reports as that rendering, so it is never an inconsistency.
  if (entry.match !== 'exact') {
    for (let i = 1; i < list.length; i++) {
      if (list[i].form === 'forbidden') continue;
      const same = list.slice(0, i).find((c) => c.form !== 'forbidden' && c.keys.join(' ') === list[i].keys.join(' '));
      if (same) list[i].rendering = same.rendering;
    }
  }
  return list;
}
