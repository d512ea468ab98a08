// Term matching.
// Chinese side: Aho–Corasick multi-pattern automaton (Aho & Corasick, "Efficient string matching",
// CACM 18(6), 1975) over UTF-16 code units, followed by a longest-leftmost selection of
// non-overlapping matches — the POSIX leftmost-longest rule — so 国际科技创新中心 wins over
// 科技创新 and 人工智能+ over 人工智能. No word boundaries: Chinese has none.
// English side: one regular expression per rendering, compiled once per entry, tolerant of
// inflection (plural -s/-es/-ies, possessive 's / s'), hyphen ≈ space, and British/American
// spelling pairs (centre/center, -ise/-ize, labour/labor, programme/program …; after the
// Oxford/Merriam-Webster variant lists), bounded by letters/digits rather than \b so that
// non-ASCII letters count as word characters.
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
  /** Entries whose forbidden renderings are worth trying for a given English word key. */
  forbiddenByKey: Map<string, TermEntry[]>;
  byZh: Map<string, TermEntry>;
}

interface CompiledRendering {
  re: RegExp;
  form: RenderingForm;
  rendering: string;
  /** Folded literal, to prefer the listed spelling when two renderings match the same span. */
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
    compileEntry(entry);
    for (const f of entry.forbidden) {
      const key = firstWordKey(f);
      if (!key) continue;
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
  const compiledEntry = compiled.get(entry) ?? compileEntry(entry);
  const found: (Rendering & { exact: boolean })[] = [];
  for (const c of compiledEntry) {
    c.re.lastIndex = 0;
    for (let m = c.re.exec(en); m; m = c.re.exec(en)) {
      if (m[0].length === 0) {
        c.re.lastIndex++;
        continue;
      }
      const text = m[0];
      const folded = entry.caseSensitive ? text : text.toLowerCase();
      found.push({ start: m.index, end: m.index + text.length, text, form: c.form, rendering: c.rendering, exact: folded === c.literal });
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

function strip(r: Rendering & { exact?: boolean }): Rendering {
  return { start: r.start, end: r.end, text: r.text, form: r.form, rendering: r.rendering };
}

/** Entries with a forbidden rendering that could start at some word of the text. */
export function forbiddenCandidates(index: TermIndex, en: string): TermEntry[] {
  if (index.forbiddenByKey.size === 0) return [];
  const out = new Set<TermEntry>();
  for (const m of en.matchAll(/[\p{L}\p{N}]+/gu)) {
    const list = index.forbiddenByKey.get(wordKey(m[0]));
    if (list) for (const e of list) out.add(e);
  }
  return [...out];
}

// Keys are the first three letters of the first word, folded: spelling variants (centre/center,
// labour/labor, organise/organize) and inflections leave them unchanged.
function wordKey(word: string): string {
  return word.slice(0, 3).toLowerCase();
}

function firstWordKey(text: string): string | null {
  const m = /[\p{L}\p{N}]+/u.exec(text);
  return m ? wordKey(m[0]) : null;
}

// ——— English pattern compilation ———

export function compileEntry(entry: TermEntry): CompiledRendering[] {
  const list: CompiledRendering[] = [];
  const add = (text: string, form: RenderingForm) => {
    const t = text.trim();
    if (!t) return;
    const source = renderingPattern(t, entry.match, entry.caseSensitive);
    list.push({
      re: new RegExp(source, entry.caseSensitive ? 'gu' : 'giu'),
      form,
      rendering: t,
      literal: entry.caseSensitive ? t : t.toLowerCase(),
    });
  };
  add(entry.en, 'preferred');
  for (const v of entry.variants) add(v, 'variant');
  for (const f of entry.forbidden) add(f, 'forbidden');
  // A listed variant that is only an inflection or spelling of an earlier rendering ("supply
  // chains" beside "supply chain") reports as that rendering, so it is never an inconsistency.
  for (let i = 1; i < list.length; i++) {
    if (list[i].form === 'forbidden') continue;
    for (let j = 0; j < i; j++) {
      const { re } = list[j];
      re.lastIndex = 0;
      const m = re.exec(list[i].rendering);
      if (m && m.index === 0 && m[0].length === list[i].rendering.length) {
        list[i].rendering = list[j].rendering;
        break;
      }
    }
  }
  compiled.set(entry, list);
  return list;
}

const TOKEN = /[\p{L}\p{N}]+|['’]|[\s\-\u2010\u2011\u2012\u2013]+|[^]/gu;
const WORD_CHAR = /[\p{L}\p{N}]/u;

/** Regular-expression source for one rendering under the entry's match mode. */
export function renderingPattern(text: string, mode: TermEntry['match'], caseSensitive: boolean): string {
  const tokens = text.match(TOKEN) ?? [];
  const parts: string[] = [];
  let lastWord = -1;
  for (let i = tokens.length - 1; i >= 0; i--) {
    if (WORD_CHAR.test(tokens[i][0])) {
      lastWord = i;
      break;
    }
  }
  const flexible = mode !== 'exact';
  tokens.forEach((tok, i) => {
    if (WORD_CHAR.test(tok[0])) {
      if (mode === 'inflected' && i === lastWord && i === tokens.length - 1) parts.push(inflectedWord(tok, caseSensitive));
      else parts.push(flexible && !caseSensitive ? spellingPattern(tok.toLowerCase()) : escapeRe(tok));
    } else if (/^['’]$/.test(tok)) {
      parts.push("['’]");
    } else if (/^[\s\-\u2010-\u2013]+$/.test(tok)) {
      if (!flexible) parts.push(/-/.test(tok) ? escapeRe(tok) : '\\s+');
      else parts.push('[\\s\\-\\u2010-\\u2013]+');
    } else {
      parts.push(escapeRe(tok));
    }
  });
  let source = parts.join('');
  if (tokens.length && WORD_CHAR.test(tokens[0]?.[0] ?? '')) source = `(?<![\\p{L}\\p{N}])${source}`;
  const last = tokens[tokens.length - 1] ?? '';
  if (mode === 'prefix') source += '[\\p{L}\\p{N}]*';
  else if (WORD_CHAR.test(last[0] ?? '')) source += '(?![\\p{L}\\p{N}])';
  return source;
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\\/]/g, '\\$&');
}

// British/American stem pairs; a word starting with either stem accepts both.
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
  ['haematology', 'hematology'],
  ['anaesthe', 'anesthe'],
  ['oesophag', 'esophag'],
];

/** Pattern for one lower-cased word accepting its British and American spellings. */
export function spellingPattern(word: string): string {
  let best: [string, string] | null = null;
  for (const pair of SPELLING_PAIRS) {
    for (const stem of pair) {
      if (word.startsWith(stem) && (!best || stem.length > best[0].length)) best = [stem, pair[0] === stem ? pair[1] : pair[0]];
    }
  }
  if (best && best[0] !== best[1]) {
    const [stem, other] = best;
    return `(?:${stem}|${other})${spellingPattern(word.slice(stem.length)) || ''}`;
  }
  let m = /^(.{3,})i[sz](e|ed|es|ing|ation|ations|ational|er|ers)$/.exec(word);
  if (m) return `${m[1]}i[sz]${m[2]}`;
  m = /^(.{2,})y[sz](e|ed|es|ing)$/.exec(word);
  if (m) return `${m[1]}y[sz]${m[2]}`;
  // modelling/modeling, travelled/traveled, signalling/signaling
  m = /^(.{2,}[aeiou])ll?(ing|ed|er|ers)$/.exec(word);
  if (m) return `${m[1]}ll?${m[2]}`;
  return escapeRe(word);
}

/**
 * The last word of an inflected rendering: reduce it to its singular, then accept the singular,
 * the plural and a possessive, with British/American spellings of the stem.
 */
function inflectedWord(word: string, caseSensitive: boolean): string {
  const stem = singular(word);
  const spell = (s: string) => (caseSensitive ? escapeRe(s) : spellingPattern(s.toLowerCase()));
  const poss = "(?:['’]s?)?";
  if (!/[a-z]$/i.test(stem) || stem.length < 2) return spell(stem) + poss;
  if (/[^aeiou]y$/i.test(stem)) return `${spell(stem.slice(0, -1))}(?:y|ies)${poss}`;
  if (/(s|x|z|ch|sh)$/i.test(stem)) return `${spell(stem)}(?:es|e)?${poss}`;
  return `${spell(stem)}(?:s|es)?${poss}`;
}

function singular(word: string): string {
  if (word.length <= 3 || !/[a-z]s$/i.test(word)) return word;
  if (/(ss|us|is|ics|news)$/i.test(word)) return word;
  if (/[^aeiou]ies$/i.test(word)) return `${word.slice(0, -3)}y`;
  if (/(x|z|ch|sh)es$/i.test(word)) return word.slice(0, -2);
  return word.slice(0, -1);
}
