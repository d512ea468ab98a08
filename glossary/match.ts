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

export interface TermIndex {
  entries: TermEntry[];
  nodes: AcNode[];
  /** Entries with a forbidden rendering starting with a given English word key. */
  forbiddenByKey: Map<string, TermEntry[]>;
  byZh: Map<string, TermEntry>;
}

interface CompiledRendering {
  form: RenderingForm;
  /** The listed rendering this one reports as (itself, or an earlier one it only inflects). */
  rendering: string;
  keys: string[];
  /** Lower-cased tokens, for prefix matching of the last one. */
  lower: string[];
  /** Original tokens, for case-sensitive entries. */
  raw: string[];
  /** Folded, space-normalised text, for exact entries and for preferring the listed spelling. */
  literal: string;
}

const compiled = new WeakMap<TermEntry, CompiledRendering[]>();

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

  const forbiddenByKey = new Map<string, TermEntry[]>();
  for (const entry of entries) {
    const list = compileEntry(entry);
    for (const c of list) {
      if (c.form !== 'forbidden' || c.keys.length === 0) continue;
      const key = c.keys[0];
      const list = forbiddenByKey.get(key);
      if (!list) forbiddenByKey.set(key, [entry]);
      else if (list[list.length - 1] !== entry) list.push(entry);
    }
  }
  return { entries, nodes, forbiddenByKey, byZh };
}

/** Longest-leftmost, non-overlapping glossary terms in a Chinese text. */
export function matchSource(index: TermIndex, zh: string): TermMatch[] {
  const { nodes } = index;
  // For each start position keep the longest term starting there.
  const longestAt = new Map<number, TermMatch>();
  let state = 0;
  for (let i = 0; i < zh.length; i++) {
    const c = foldZhUnit(zh.charCodeAt(i));
    while (state !== 0 && !nodes[state].next.has(c)) state = nodes[state].fail;
    state = nodes[state].next.get(c) ?? 0;
    for (let o = nodes[state].out; o > 0; o = nodes[nodes[o].fail].out) {
      const node = nodes[o];
      const start = i + 1 - node.depth;
      const prev = longestAt.get(start);
      if (!prev || prev.end - prev.start < node.depth) longestAt.set(start, { entry: node.entry!, start, end: i + 1 });
    }
  }
  if (longestAt.size === 0) return [];
  const starts = [...longestAt.keys()].sort((a, b) => a - b);
  const result: TermMatch[] = [];
  let covered = 0;
  for (const s of starts) {
    if (s < covered) continue;
    const m = longestAt.get(s)!;
    result.push(m);
    covered = m.end;
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

/**
 * Every occurrence of the entry's renderings in an English text, non-overlapping: the longest
 * wins, and on equal spans the listed spelling that equals the surface text, then preferred over
 * variant over forbidden (so a forbidden phrase inside an accepted one is not reported).
 */
export function findRenderings(entry: TermEntry, en: string): Rendering[] {
  const list = compiled.get(entry) ?? compileEntry(entry);
  const toks = tokenizeTarget(en);
  const found: (Rendering & { exact: boolean })[] = [];
  for (const c of list) {
    const n = c.keys.length;
    if (n === 0) continue;
    for (let i = 0; i + n <= toks.length; i++) {
      if (!tokensMatch(entry, c, toks, i)) continue;
      const start = toks[i].start;
      const end = toks[i + n - 1].end;
      const text = en.slice(start, end);
      const folded = foldLiteral(text, entry.caseSensitive);
      if (entry.match === 'exact' && folded !== c.literal) continue;
      found.push({ start, end, text, form: c.form, rendering: c.rendering, exact: folded === c.literal });
    }
  }
  if (found.length <= 1) return found.map(strip);
  found.sort(
    (a, b) =>
      a.start - b.start ||
      b.end - a.end ||
      Number(b.exact) - Number(a.exact) ||
      FORM_RANK[a.form] - FORM_RANK[b.form],
  );
  const result: Rendering[] = [];
  let covered = 0;
  for (const r of found) {
    if (r.start < covered) continue;
    result.push(strip(r));
    covered = r.end;
  }
  return result;
}

function tokensMatch(entry: TermEntry, c: CompiledRendering, toks: Token[], at: number): boolean {
  const n = c.keys.length;
  const prefixLast = entry.match === 'prefix';
  for (let k = 0; k < n; k++) {
    const t = toks[at + k];
    if (prefixLast && k === n - 1) {
      if (!t.lower.startsWith(c.lower[k])) return false;
      if (entry.caseSensitive && !t.text.startsWith(c.raw[k])) return false;
      continue;
    }
    if (t.key !== c.keys[k]) return false;
    if (entry.caseSensitive && !sameCase(t.text, c.raw[k])) return false;
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

function strip(r: Rendering & { exact?: boolean }): Rendering {
  return { start: r.start, end: r.end, text: r.text, form: r.form, rendering: r.rendering };
}

/** Entries with a forbidden rendering that could start at some word of the text. */
export function forbiddenCandidates(index: TermIndex, en: string): TermEntry[] {
  if (index.forbiddenByKey.size === 0) return [];
  const out = new Set<TermEntry>();
  for (const t of tokenizeTarget(en)) {
    const list = index.forbiddenByKey.get(t.key);
    if (list) for (const e of list) out.add(e);
  }
  return [...out];
}

// ——— English tokens and keys ———

interface Token {
  text: string;
  lower: string;
  key: string;
  start: number;
  end: number;
}

// Words (letters/digits, with an inner or possessive apostrophe) and single symbols; spaces and
// hyphens only separate. Letters are Latin with accents: an English target.
const TOKEN_RE = /[A-Za-z0-9\u00C0-\u024F]+(?:['’][A-Za-z]+)*(?:['’](?![A-Za-z0-9]))?|[^\sA-Za-z0-9\u00C0-\u024F\-\u2010-\u2015'’]/g;

function tokenize(text: string): Token[] {
  const out: Token[] = [];
  TOKEN_RE.lastIndex = 0;
  for (let m = TOKEN_RE.exec(text); m; m = TOKEN_RE.exec(text)) {
    const lower = m[0].toLowerCase();
    out.push({ text: m[0], lower, key: wordKey(lower), start: m.index, end: m.index + m[0].length });
  }
  return out;
}

// The pairs a given target is tested against all ask for its tokens: keep the last few.
const targetCache = new Map<string, Token[]>();
function tokenizeTarget(text: string): Token[] {
  let toks = targetCache.get(text);
  if (!toks) {
    toks = tokenize(text);
    if (targetCache.size >= 8) targetCache.delete(targetCache.keys().next().value!);
    targetCache.set(text, toks);
  }
  return toks;
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
      keys: toks.map((x) => x.key),
      lower: toks.map((x) => x.lower),
      raw: toks.map((x) => x.text),
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
  compiled.set(entry, list);
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

const keyCache = new Map<string, string>();

/**
 * The comparison key of a lower-cased word: possessive removed, singular, American spelling.
 * Both sides go through the same function, so a rare over-reduction (lens → len) only makes two
 * words of the same stem match each other.
 */
export function wordKey(lower: string): string {
  const cached = keyCache.get(lower);
  if (cached !== undefined) return cached;
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
  if (keyCache.size > 100_000) keyCache.clear();
  keyCache.set(lower, w);
  return w;
}

function singular(word: string): string {
  if (word.length <= 3 || !/[a-z]s$/.test(word)) return word;
  if (/(ss|us|is|ics|news)$/.test(word)) return word;
  if (/[^aeiou]ies$/.test(word)) return `${word.slice(0, -3)}y`;
  if (/(x|z|ch|sh)es$/.test(word)) return word.slice(0, -2);
  return word.slice(0, -1);
}
