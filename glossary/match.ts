// Term matching.
// Chinese side: Aho–Corasick multi-pattern automaton (Aho & Corasick, "Efficient string matching",
// CACM 18(6), 1975) over UTF-16 code units, followed by a longest-leftmost selection of
// non-overlapping matches — the POSIX leftmost-longest rule — so 国际科技创新中心 wins over
// 科技创新 and 人工智能+ over 人工智能. No word boundaries: Chinese has none.
// English side: token-sequence matching over normalised word keys (a light stemmer in the
// spirit of Porter's S-stemmer, Harman 1991): each word is case-folded, stripped of a possessive
// ('s / s'), reduced to its singular (-s/-es/-ies) and mapped to one spelling of the
// British/American pairs (centre/center, -ise/-ize, -yse/-yze, labour/labor, programme/program,
// modelling/modeling …, after the Oxford/Merriam-Webster variant lists). Hyphens and spaces both
// separate tokens, so hyphen ≈ space. Renderings are tokenised once per entry; a target is
// tokenised once per text and occurrences are found by comparing keys — no per-term regular
// expressions, which V8 compiles far too slowly for a 10,000-term glossary.
import type { TermEntry } from './model.ts';

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

interface AcNode {
  next: Map<number, number>;
  fail: number;
  /** Entry whose zh ends exactly here (first entry wins on duplicate zh). */
  entry: TermEntry | null;
  depth: number;
  /** Nearest node on the fail chain (including itself) that ends a pattern. */
  out: number;
}

/**
 * The automaton in flat typed arrays (struct of arrays): node objects scattered over the heap cost
 * a cache miss per character on a 10,000-term glossary. Transitions other than the root's live in
 * one open-addressing hash table keyed by (state, code unit).
 */
interface Automaton {
  fail: Int32Array;
  out: Int32Array;
  depth: Int32Array;
  entry: (TermEntry | null)[];
  /** The root's transitions as a table over UTF-16 code units: most characters leave from the root. */
  rootNext: Int32Array;
  mask: number;
  tState: Int32Array;
  tChar: Int32Array;
  tNext: Int32Array;
}

const slotOf = (state: number, c: number, mask: number) => (Math.imul(state, 0x9e3779b1) ^ Math.imul(c, 0x85ebca6b)) & mask;

function goTo(a: Automaton, state: number, c: number): number {
  for (let h = slotOf(state, c, a.mask); ; h = (h + 1) & a.mask) {
    const st = a.tState[h];
    if (st === state && a.tChar[h] === c) return a.tNext[h];
    if (st === -1) return -1;
  }
}

function flatten(nodes: AcNode[]): Automaton {
  const n = nodes.length;
  let edges = 0;
  for (let i = 1; i < n; i++) edges += nodes[i].next.size;
  let cap = 16;
  while (cap < edges * 2) cap *= 2;
  const a: Automaton = {
    fail: new Int32Array(n),
    out: new Int32Array(n),
    depth: new Int32Array(n),
    entry: nodes.map((x) => x.entry),
    rootNext: new Int32Array(65536),
    mask: cap - 1,
    tState: new Int32Array(cap).fill(-1),
    tChar: new Int32Array(cap),
    tNext: new Int32Array(cap),
  };
  nodes.forEach((node, i) => {
    a.fail[i] = node.fail;
    a.out[i] = node.out;
    a.depth[i] = node.depth;
    for (const [c, child] of node.next) {
      if (i === 0) {
        a.rootNext[c] = child;
        continue;
      }
      let h = slotOf(i, c, a.mask);
      while (a.tState[h] !== -1) h = (h + 1) & a.mask;
      a.tState[h] = i;
      a.tChar[h] = c;
      a.tNext[h] = child;
    }
  });
  return a;
}

interface ForbiddenSlot {
  one: TermEntry[];
  two: Map<number, TermEntry[]>;
  /** The second-word keys of `two` as a plain array while there are few (scanned, not hashed). */
  seconds: number[] | null;
}

export interface TermIndex {
  entries: TermEntry[];
  automaton: Automaton;
  /**
   * Entries with a forbidden rendering, by the id of its first word key, then (for phrases) by
   * the id of its second: a phrase is only tried where its first two words occur.
   */
  forbiddenByKey: Map<number, ForbiddenSlot>;
  /** The same slots in an array indexed by key id: an element load per target word, not a hash lookup. */
  forbiddenSlots: (ForbiddenSlot | undefined)[];
  byZh: Map<string, TermEntry>;
}

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

// Compiled renderings ride on the entry under a symbol (non-enumerable, so entries still compare
// and serialise as plain data); a property read is much cheaper than a WeakMap lookup per term.
const COMPILED = Symbol('compiled renderings');
type WithCompiled = TermEntry & { [COMPILED]?: CompiledRendering[] };
const compiledFallback = new WeakMap<TermEntry, CompiledRendering[]>();
function compiledOf(entry: TermEntry): CompiledRendering[] | undefined {
  return (entry as WithCompiled)[COMPILED] ?? compiledFallback.get(entry);
}
function storeCompiled(entry: TermEntry, list: CompiledRendering[]): void {
  if (Object.isExtensible(entry)) Object.defineProperty(entry, COMPILED, { value: list, enumerable: false, configurable: true, writable: true });
  else compiledFallback.set(entry, list);
}

/** Full-width ASCII → ASCII, one code unit for one, so spans in the folded text are spans in the original. */
function foldZhUnit(code: number): number {
  if (code >= 0xff01 && code <= 0xff5e) return code - 0xfee0;
  if (code === 0x3000) return 0x20;
  return code;
}

export function buildTermIndex(entries: TermEntry[]): TermIndex {
  const nodes: AcNode[] = [{ next: new Map(), fail: 0, entry: null, depth: 0, out: -1 }];
  const byZh = new Map<string, TermEntry>();
  for (const entry of entries) {
    const zh = entry.zh.trim();
    if (!zh) continue;
    let state = 0;
    for (let i = 0; i < zh.length; i++) {
      const c = foldZhUnit(zh.charCodeAt(i));
      let nxt = nodes[state].next.get(c);
      if (nxt === undefined) {
        nxt = nodes.length;
        nodes.push({ next: new Map(), fail: 0, entry: null, depth: nodes[state].depth + 1, out: -1 });
        nodes[state].next.set(c, nxt);
      }
      state = nxt;
    }
    if (!nodes[state].entry) {
      nodes[state].entry = entry;
      byZh.set(zh, entry);
    }
  }
  // Breadth-first fail links; `out` short-cuts to the nearest accepting node on the fail chain.
  const queue: number[] = [];
  for (const child of nodes[0].next.values()) {
    nodes[child].fail = 0;
    queue.push(child);
  }
  for (let qi = 0; qi < queue.length; qi++) {
    const s = queue[qi];
    const node = nodes[s];
    node.out = node.entry ? s : nodes[node.fail].out;
    for (const [c, child] of node.next) {
      let f = node.fail;
      while (f !== 0 && !nodes[f].next.has(c)) f = nodes[f].fail;
      const target = nodes[f].next.get(c);
      nodes[child].fail = target !== undefined && target !== child ? target : 0;
      queue.push(child);
    }
  }

  const forbiddenByKey: TermIndex['forbiddenByKey'] = new Map();
  for (const entry of entries) {
    for (const c of compileEntry(entry)) {
      if (c.form !== 'forbidden' || c.keys.length === 0 || (entry.match === 'prefix' && c.keys.length === 1)) continue;
      let slot = forbiddenByKey.get(c.keys[0]);
      if (!slot) forbiddenByKey.set(c.keys[0], (slot = { one: [], two: new Map(), seconds: null }));
      let list = slot.one;
      if (c.keys.length > 1) {
        list = slot.two.get(c.keys[1]) ?? [];
        slot.two.set(c.keys[1], list);
      }
      if (list[list.length - 1] !== entry) list.push(entry);
    }
  }
  const forbiddenSlots: (ForbiddenSlot | undefined)[] = [];
  for (const [key, slot] of forbiddenByKey) {
    if (slot.two.size <= 8) slot.seconds = [...slot.two.keys()];
    while (forbiddenSlots.length <= key) forbiddenSlots.push(undefined);
    forbiddenSlots[key] = slot;
  }
  return { entries, automaton: flatten(nodes), forbiddenByKey, forbiddenSlots, byZh };
}

// Per start position, the accepting node of the longest term starting there (0: none). Reused
// between calls: one scan of a segment allocates nothing but its result.
let bestAt = new Int32Array(1024);

/** Longest-leftmost, non-overlapping glossary terms in a Chinese text. */
export function matchSource(index: TermIndex, zh: string): TermMatch[] {
  const a = index.automaton;
  const { fail, out, depth, rootNext } = a;
  const len = zh.length;
  if (bestAt.length < len) bestAt = new Int32Array(Math.max(len, bestAt.length * 2));
  const best = bestAt;
  best.fill(0, 0, len);
  // Every occurrence (accepting node o ending at i) competes for its start position; the
  // longest wins, which is the leftmost-longest order once positions are read left to right.
  let any = false;
  let state = 0;
  for (let i = 0; i < len; i++) {
    const c = foldZhUnit(zh.charCodeAt(i));
    let next = -1;
    while (state !== 0 && (next = goTo(a, state, c)) < 0) state = fail[state];
    state = state === 0 ? rootNext[c] : next;
    for (let o = out[state]; o > 0; o = out[fail[o]]) {
      const start = i + 1 - depth[o];
      const b = best[start];
      if (b === 0 || depth[o] > depth[b]) best[start] = o;
      any = true;
    }
  }
  if (!any) return [];
  // Leftmost first, longest at that start; then skip what the chosen term covers.
  const result: TermMatch[] = [];
  for (let p = 0; p < len; ) {
    const o = best[p];
    if (o === 0) {
      p++;
      continue;
    }
    result.push({ entry: a.entry[o]!, start: p, end: p + depth[o] });
    p += depth[o];
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

const FORM_RANK: Record<RenderingForm, number> = { preferred: 0, variant: 1, forbidden: 2 };
const foundLiterals: string[] = [];

/**
 * Every occurrence of the entry's renderings in an English text, non-overlapping: the longest
 * wins, and on equal spans the listed spelling that equals the surface text, then preferred over
 * variant over forbidden (so a forbidden phrase inside an accepted one is not reported).
 */
export function findRenderings(entry: TermEntry, en: string): Rendering[] {
  const list = compiledOf(entry) ?? compileEntry(entry);
  const toks = tokenizeTarget(en);
  const total = toks.keys.length;
  // Grown from a one-element literal: an empty array's first push allocates room for sixteen.
  let found: Rendering[] | null = null;
  // The listed spelling of each found rendering, only read when two or more were found.
  const literals = foundLiterals;
  let nLiterals = 0;
  for (let ci = 0; ci < list.length; ci++) {
    const c = list[ci];
    const n = c.keys.length;
    if (n === 0 || n > total) continue;
    // A one-word prefix rendering has no key to compare its first word by: try every word.
    const scanAll = entry.match === 'prefix' && n === 1;
    for (let i = scanAll ? 0 : firstPosition(toks, c.keys[0]); i >= 0 && i + n <= total; i = scanAll ? i + 1 : nextSame[i]) {
      if (!tokensMatch(entry, c, toks, i)) continue;
      const start = toks.starts[i];
      const end = toks.ends[i + n - 1];
      const text = en.slice(start, end);
      if (entry.match === 'exact' && foldLiteral(text, entry.caseSensitive) !== c.literal) continue;
      const r: Rendering = { start, end, text, form: c.form, rendering: c.rendering };
      if (found === null) found = [r];
      else found.push(r);
      literals[nLiterals++] = c.literal;
    }
  }
  if (found === null) return [];
  if (found.length === 1) return found;
  // Whether the surface equals the listed spelling only matters between renderings of one span.
  const ranked = found.map((r, k) => ({ r, exact: Number(foldLiteral(r.text, entry.caseSensitive) === literals[k]) }));
  ranked.sort(
    (a, b) =>
      a.r.start - b.r.start ||
      b.r.end - a.r.end ||
      b.exact - a.exact ||
      FORM_RANK[a.r.form] - FORM_RANK[b.r.form],
  );
  const result: Rendering[] = [];
  let covered = 0;
  for (const { r } of ranked) {
    if (r.start < covered) continue;
    result.push(r);
    covered = r.end;
  }
  return result;
}

// The positions of each key in the most recently indexed target, as chains: headPos[key] is the
// first position (valid while headStamp[key] is the target's stamp), nextSame[i] the next one.
// A rendering is then only tried where its first word occurs instead of at every word. Only one
// target is indexed at a time (all the terms of a pair ask about the same target), so the
// tables are shared and reused: indexing a target allocates nothing.
let chainStamp = 0;
let headStamp = new Int32Array(1 << 14);
let headPos = new Int32Array(1 << 14);
let nextSame = new Int32Array(256);

function firstPosition(toks: Tokens, key: number): number {
  if (toks.stamp !== chainStamp) indexPositions(toks);
  return key < headStamp.length && headStamp[key] === chainStamp ? headPos[key] : -1;
}

function indexPositions(toks: Tokens): void {
  const stamp = ++chainStamp;
  const { keys } = toks;
  if (nextSame.length < keys.length) nextSame = new Int32Array(Math.max(keys.length, nextSame.length * 2));
  const next = nextSame;
  for (let i = keys.length - 1; i >= 0; i--) {
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
    next[i] = headStamp[k] === stamp ? headPos[k] : -1;
    headStamp[k] = stamp;
    headPos[k] = i;
  }
  toks.stamp = stamp;
}

function tokensMatch(entry: TermEntry, c: CompiledRendering, toks: Tokens, at: number): boolean {
  const n = c.keys.length;
  const prefixLast = entry.match === 'prefix';
  for (let k = 0; k < n; k++) {
    const i = at + k;
    if (prefixLast && k === n - 1) {
      if (!toks.lower.startsWith(c.lower[k], toks.starts[i])) return false;
      if (entry.caseSensitive && !toks.text.startsWith(c.raw[k], toks.starts[i])) return false;
      continue;
    }
    if (toks.keys[i] !== c.keys[k]) return false;
    if (entry.caseSensitive && !sameCase(toks.text.slice(toks.starts[i], toks.ends[i]), c.raw[k])) return false;
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

/** Entries with a forbidden rendering that could start at some word of the text. */
export function forbiddenCandidates(index: TermIndex, en: string): TermEntry[] {
  const slots = index.forbiddenSlots;
  if (slots.length === 0) return [];
  const out: TermEntry[] = [];
  const { keys } = tokenizeTarget(en);
  for (let i = 0; i < keys.length; i++) {
    const slot = keys[i] < slots.length ? slots[keys[i]] : undefined;
    if (slot === undefined) continue;
    if (slot.one.length) addNew(out, slot.one);
    if (i + 1 >= keys.length || slot.two.size === 0) continue;
    const second = keys[i + 1];
    if (slot.seconds !== null && !slot.seconds.includes(second)) continue;
    const two = slot.two.get(second);
    if (two) addNew(out, two);
  }
  return out;
}

function addNew(out: TermEntry[], list: TermEntry[]): void {
  for (const e of list) if (!out.includes(e)) out.push(e);
}

// ——— English tokens and keys ———

/** A tokenised English text: parallel arrays, one slot per token. */
interface Tokens {
  text: string;
  /** The text lower-cased (same length; tokens index both). */
  lower: string;
  /** Ids of the tokens' comparison keys (see keyId). */
  keys: number[];
  starts: number[];
  ends: number[];
  /** The chainStamp under which this text's key positions are indexed (see indexPositions). */
  stamp: number;
}

const isWordCode = (c: number) =>
  (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7);
const isSeparatorCode = (c: number) =>
  c === 32 || c === 9 || c === 10 || c === 13 || c === 0xa0 || c === 45 || (c >= 0x2010 && c <= 0x2015) || c === 0x3000 || c === 0x202f;
const isApostrophe = (c: number) => c === 39 || c === 0x2019;

/**
 * Words (Latin letters with accents and digits, with an inner apostrophe as in Xi'an or a
 * possessive one as in City's / centres') and single symbols (+, &, parentheses …); spaces and
 * hyphens only separate. A hand-written scanner: this runs on every target of a document.
 */
const scratchKeys: number[] = [];
const scratchStarts: number[] = [];
const scratchEnds: number[] = [];
function tokenize(text: string): Tokens {
  let lower = text.toLowerCase();
  if (lower.length !== text.length) lower = text; // a rare letter whose lower case changes length
  // Filled in shared scratch arrays and copied out at their final length: pushing onto fresh
  // arrays left two or three outgrown backing stores per target for the garbage collector.
  const keys = scratchKeys;
  const starts = scratchStarts;
  const ends = scratchEnds;
  let count = 0;
  const n = lower.length;
  let i = 0;
  while (i < n) {
    const c = lower.charCodeAt(i);
    if (isSeparatorCode(c) || isApostrophe(c)) {
      i++;
      continue;
    }
    const start = i;
    if (isWordCode(c)) {
      // The key table's hash (see keyIdAt) is taken while scanning, not in a second pass.
      let hash = Math.imul(FNV_OFFSET ^ c, FNV_PRIME);
      i++;
      for (;;) {
        let d = 0;
        while (i < n && isWordCode((d = lower.charCodeAt(i)))) {
          hash = Math.imul(hash ^ d, FNV_PRIME);
          i++;
        }
        if (i < n && isApostrophe(d)) {
          hash = Math.imul(hash ^ d, FNV_PRIME);
          if (i + 1 < n && isWordCode(lower.charCodeAt(i + 1))) {
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
      keys[count] = keyIdAt(lower, start, i);
    }
    starts[count] = start;
    ends[count] = i;
    count++;
  }
  return { text, lower, keys: keys.slice(0, count), starts: starts.slice(0, count), ends: ends.slice(0, count), stamp: -1 };
}

// Every term of a segment asks for the same target's tokens: keep the last few. Compared with ===
// (length, then code units) rather than hashed in a Map: hashing reads the whole target every time.
const RECENT = 4;
const recentTargets: (Tokens | null)[] = [null, null, null, null];
let recentNext = 0;
let lastTarget: Tokens | null = null;
function tokenizeTarget(text: string): Tokens {
  if (lastTarget !== null && lastTarget.text === text) return lastTarget;
  for (let k = 0; k < RECENT; k++) {
    const t = recentTargets[k];
    if (t !== null && t.text === text) return (lastTarget = t);
  }
  const t = tokenize(text);
  recentTargets[recentNext] = t;
  recentNext = (recentNext + 1) % RECENT;
  lastTarget = t;
  return t;
}

function foldLiteral(text: string, caseSensitive: boolean): string {
  const t = text.trim().replace(/\s+/g, ' ');
  return caseSensitive ? t : t.toLowerCase();
}

export function compileEntry(entry: TermEntry): CompiledRendering[] {
  const list: CompiledRendering[] = [];
  const add = (text: string, form: RenderingForm) => {
    const t = text.trim();
    if (!t) return;
    const toks = tokenize(t);
    list.push({
      form,
      rendering: t,
      keys: toks.keys,
      lower: toks.starts.map((st, k) => toks.lower.slice(st, toks.ends[k])),
      raw: toks.starts.map((st, k) => t.slice(st, toks.ends[k])),
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
  storeCompiled(entry, list);
  return list;
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
// words are not each copied out as a string to be hashed again by a Map.
const SURFACE_CAP = 1 << 17;
const surfaceHash = new Int32Array(SURFACE_CAP);
const surfaceId = new Int32Array(SURFACE_CAP);
const surfaceText: (string | undefined)[] = new Array(SURFACE_CAP).fill(undefined);
let surfaceCount = 0;

function sameUnits(word: string, text: string, at: number): boolean {
  for (let k = 0; k < word.length; k++) if (word.charCodeAt(k) !== text.charCodeAt(at + k)) return false;
  return true;
}

const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;

function keyIdAt(lower: string, start: number, end: number): number {
  let hash = FNV_OFFSET;
  for (let k = start; k < end; k++) hash = Math.imul(hash ^ lower.charCodeAt(k), FNV_PRIME);
  return keyIdHashed(lower, start, end, hash);
}

function keyIdHashed(lower: string, start: number, end: number, hash: number): number {
  const mask = SURFACE_CAP - 1;
  const len = end - start;
  let h = hash & mask;
  for (;;) {
    const t = surfaceText[h];
    if (t === undefined) break;
    if (surfaceHash[h] === hash && t.length === len && sameUnits(t, lower, start)) return surfaceId[h];
    h = (h + 1) & mask;
  }
  const word = lower.slice(start, end);
  const id = keyId(word);
  // Kept at most half full; past that the table starts again (ids themselves never change).
  if (surfaceCount >= SURFACE_CAP >> 1) {
    surfaceText.fill(undefined);
    surfaceCount = 0;
    h = hash & mask;
  }
  surfaceText[h] = word;
  surfaceHash[h] = hash;
  surfaceId[h] = id;
  surfaceCount++;
  return id;
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
