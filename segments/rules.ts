// Rule-based segmentation engine with SRX 2.0 semantics (LISA/GALA "Segmentation Rules eXchange" 2.0,
// rule evaluation as in its reference description; the same model as OmegaT and Okapi): a candidate position p is a break when the
// FIRST rule whose `before` regex matches text ending at p and whose `after` regex matches text starting
// at p says break="yes"; when no rule matches, p is not a break.
//
// Speed: every RuleSet is compiled once (cached by object identity in a WeakMap — treat a RuleSet as
// immutable once used). Only positions where some break rule could fire are visited: a small parser works
// out which characters each break rule's `before` can end on, and one global character-class regex finds
// those positions (V8 scans it natively). When that analysis gives up (`.`, backreferences, an
// all-optional `before`), all break rules are folded into one zero-width regex
// `(?<=B1)(?=A1)|(?<=B2)(?=A2)|…` instead. At each candidate the rules are evaluated with sticky (`y`)
// lookbehind/lookahead regexes, so no substring is ever sliced, break rules first (see decide()).
// Completeness: if the first matching rule at p is a break rule, its `before` matches at p, so p ends on
// one of its last characters (and matches the folded regex).
//
// Regex dialect: JavaScript with the `u` and `m` flags (so `\p{Han}`, `\p{Lu}` work and `^`/`$` match
// at line boundaries — lines are hard breaks anyway). A source that is not valid in `u` mode (e.g. `\-`
// outside a class, common in SRX files written for Java) is compiled without `u`.

export interface SegmentationRule {
  /** true: break here; false: an exception that forbids a break here. */
  break: boolean;
  /** Regex source that must match the text ending at the candidate position ('' matches always). */
  before: string;
  /** Regex source that must match the text starting at the candidate position ('' matches always). */
  after: string;
}

export interface RuleSet {
  language: string;
  rules: SegmentationRule[];
}

export interface Span {
  start: number;
  end: number;
}

/** A rule whose regex does not compile; names the rule so a bad rule file can be fixed. */
export class RuleError extends Error {
  constructor(
    readonly language: string,
    readonly ruleIndex: number,
    readonly field: 'before' | 'after',
    readonly source: string,
    readonly reason: string,
  ) {
    super(`rule set "${language}", rule ${ruleIndex + 1}, ${field} regex /${source}/: ${reason}`);
    this.name = 'RuleError';
  }
}

interface CompiledRule {
  brk: boolean;
  before: RegExp | null;
  after: RegExp | null;
}

interface Compiled {
  rules: CompiledRule[];
  /** Global zero-width regex finding every position where some break rule matches; null = visit all. */
  candidates: RegExp | null;
  /** Global one-character regex: a break can only follow a character it matches; null = unknown. */
  lastChar: RegExp | null;
  hasBreak: boolean;
}

const cache = new WeakMap<RuleSet, Compiled>();

/** Tries `u` mode first (Unicode properties), then legacy mode; returns null if neither compiles. */
function tryCompile(source: string, flags: string): RegExp | null {
  try {
    return new RegExp(source, flags + 'u');
  } catch {
    try {
      return new RegExp(source, flags);
    } catch {
      return null;
    }
  }
}

function compileError(source: string): string {
  try {
    new RegExp(source, 'u');
    return 'invalid';
  } catch (e) {
    return (e as Error).message;
  }
}

// ---- Last-character analysis ------------------------------------------------------------------------
// For the candidate scan we want the set of characters a `before` regex can end on: then a plain
// one-character regex (which V8 scans with its fast character-class loop) finds every position worth
// testing. A tiny parser reads the regex source from the end; anything it does not understand (`.`,
// backreferences, an all-optional pattern) makes it give up, and the engine falls back to the combined
// lookbehind scan, which is slower but exact.

interface Term {
  /** Sources of one-character atoms this term can end with; null = unknown. */
  last: string[] | null;
  /** Can the term match the empty string? */
  nullable: boolean;
}

class Unanalysable extends Error {}

function parseAlternatives(src: string, pos: { i: number }): Term {
  const alternatives: Term[] = [parseSequence(src, pos)];
  while (src[pos.i] === '|') {
    pos.i++;
    alternatives.push(parseSequence(src, pos));
  }
  if (alternatives.some((a) => a.last === null)) return { last: null, nullable: true };
  return {
    last: alternatives.flatMap((a) => a.last as string[]),
    nullable: alternatives.some((a) => a.nullable),
  };
}

/** Last characters of a sequence: the last term's, plus the previous term's while terms are nullable. */
function parseSequence(src: string, pos: { i: number }): Term {
  const terms: Term[] = [];
  while (pos.i < src.length && src[pos.i] !== '|' && src[pos.i] !== ')') {
    let term = parseAtom(src, pos);
    const q = parseQuantifier(src, pos);
    if (q === 'zero') term = { last: [], nullable: true };
    else if (q === 'optional') term = { last: term.last, nullable: true };
    terms.push(term);
  }
  const last: string[] = [];
  for (let k = terms.length - 1; k >= 0; k--) {
    const t = terms[k];
    if (t.last === null) return { last: null, nullable: true };
    last.push(...t.last);
    if (!t.nullable) return { last, nullable: false };
  }
  return { last, nullable: true };
}

function parseQuantifier(src: string, pos: { i: number }): 'one' | 'optional' | 'zero' {
  const c = src[pos.i];
  let kind: 'one' | 'optional' | 'zero' = 'one';
  if (c === '*' || c === '?') {
    kind = 'optional';
    pos.i++;
  } else if (c === '+') {
    pos.i++;
  } else if (c === '{') {
    const m = /^\{(\d+)(,(\d*))?\}/.exec(src.slice(pos.i));
    if (!m) return 'one'; // a literal brace in non-u mode
    const min = Number(m[1]);
    const max = m[2] === undefined ? min : m[3] === '' ? Infinity : Number(m[3]);
    kind = max === 0 ? 'zero' : min === 0 ? 'optional' : 'one';
    pos.i += m[0].length;
  } else {
    return 'one';
  }
  if (src[pos.i] === '?') pos.i++; // lazy
  return kind;
}

function parseAtom(src: string, pos: { i: number }): Term {
  const start = pos.i;
  const c = src[pos.i];
  if (c === '(') {
    pos.i++;
    let lookaround = false;
    if (src[pos.i] === '?') {
      const m = /^\?(?:<?[=!]|:|<[A-Za-z_$][\w$]*>)/.exec(src.slice(pos.i));
      if (!m) throw new Unanalysable();
      lookaround = /[=!]$/.test(m[0]);
      pos.i += m[0].length;
    }
    const inner = parseAlternatives(src, pos);
    if (src[pos.i] !== ')') throw new Unanalysable();
    pos.i++;
    return lookaround ? { last: [], nullable: true } : inner;
  }
  if (c === '[') {
    pos.i++;
    if (src[pos.i] === '^') pos.i++;
    while (pos.i < src.length && src[pos.i] !== ']') pos.i += src[pos.i] === '\\' ? 2 : 1;
    if (pos.i >= src.length) throw new Unanalysable();
    pos.i++;
    return { last: [src.slice(start, pos.i)], nullable: false };
  }
  if (c === '\\') {
    const rest = src.slice(pos.i);
    const m = /^\\(?:[pP]\{[^}]*\}|u\{[0-9A-Fa-f]+\}|u[0-9A-Fa-f]{4}|x[0-9A-Fa-f]{2}|c[A-Za-z]|[bB]|[1-9]\d*|k<[^>]*>|0|[\s\S])/.exec(rest);
    if (!m) throw new Unanalysable();
    pos.i += m[0].length;
    if (m[0] === '\\b' || m[0] === '\\B') return { last: [], nullable: true };
    if (/^\\(?:[1-9]|k<)/.test(m[0])) throw new Unanalysable();
    return { last: [m[0]], nullable: false };
  }
  if (c === '^' || c === '$') {
    pos.i++;
    return { last: [], nullable: true };
  }
  if (c === '.') throw new Unanalysable();
  // A literal character (a whole surrogate pair if astral).
  const cp = src.codePointAt(pos.i) as number;
  pos.i += cp > 0xffff ? 2 : 1;
  const ch = src.slice(start, pos.i);
  return { last: [/[\^$\\.*+?()[\]{}|/]/.test(ch) ? '\\' + ch : ch], nullable: false };
}

/** Sources of the single characters `before` can end on, or null when that cannot be worked out. */
export function lastCharacters(before: string): string[] | null {
  try {
    const pos = { i: 0 };
    const t = parseAlternatives(before, pos);
    if (pos.i !== before.length || t.last === null || t.nullable) return null;
    return t.last;
  } catch (e) {
    if (e instanceof Unanalysable) return null;
    throw e;
  }
}

// Backreferences are numbered across the whole pattern, so folding rules into one regex would renumber them.
const BACKREF = /\\[1-9]|\\k</;

function compile(set: RuleSet): Compiled {
  const rules: CompiledRule[] = [];
  set.rules.forEach((rule, i) => {
    let before: RegExp | null = null;
    let after: RegExp | null = null;
    if (rule.before !== '') {
      before = tryCompile(`(?<=${rule.before})`, 'my');
      if (!before) throw new RuleError(set.language, i, 'before', rule.before, compileError(rule.before));
    }
    if (rule.after !== '') {
      after = tryCompile(`(?:${rule.after})`, 'my');
      if (!after) throw new RuleError(set.language, i, 'after', rule.after, compileError(rule.after));
    }
    rules.push({ brk: rule.break, before, after });
  });

  const breakRules = set.rules.filter((r) => r.break);
  const breakRegexes = rules.filter((r) => r.brk).flatMap((r) => [r.before, r.after]).filter((r) => r !== null);
  // The folded regexes must read every rule in the mode it was compiled in (`\p{Lu}` means something
  // else outside `u` mode); with mixed modes the engine visits every position instead.
  const mode = breakRegexes.every((r) => r.unicode) ? 'u' : breakRegexes.every((r) => !r.unicode) ? '' : null;
  const compileIn = (source: string, flags: string): RegExp | null => {
    if (mode === null) return null;
    try {
      return new RegExp(source, flags + mode);
    } catch {
      return null;
    }
  };
  let candidates: RegExp | null = null;
  if (breakRules.length > 0 && !breakRules.some((r) => BACKREF.test(r.before) || BACKREF.test(r.after))) {
    const alternatives = breakRules.map(
      (r) => (r.before === '' ? '' : `(?<=${r.before})`) + (r.after === '' ? '' : `(?=${r.after})`),
    );
    candidates = compileIn(alternatives.join('|'), 'gm');
  }
  let lastChar: RegExp | null = null;
  const lasts = breakRules.map((r) => lastCharacters(r.before));
  if (breakRules.length > 0 && lasts.every((l) => l !== null && l.length > 0)) {
    lastChar = compileIn([...new Set(lasts.flat() as string[])].join('|'), 'g');
  }
  return { rules, candidates, lastChar, hasBreak: breakRules.length > 0 };
}

function compiled(set: RuleSet): Compiled {
  let c = cache.get(set);
  if (!c) {
    c = compile(set);
    cache.set(set, c);
  }
  return c;
}

function matches(r: CompiledRule, text: string, p: number): boolean {
  if (r.before) {
    r.before.lastIndex = p;
    if (!r.before.test(text)) return false;
  }
  if (r.after) {
    r.after.lastIndex = p;
    if (!r.after.test(text)) return false;
  }
  return true;
}

// "The first matching rule decides" is evaluated break-rule-first: find the first matching break rule,
// then look only at the exceptions listed before it. Same answer, but the exceptions (often the costly
// rules, e.g. bracket-pair scans) are skipped wherever no break rule fires anyway.
function decide(rules: CompiledRule[], text: string, p: number): boolean {
  let k = 0;
  for (; k < rules.length; k++) {
    const r = rules[k];
    if (r.brk && matches(r, text, p)) break;
  }
  if (k === rules.length) return false;
  for (let j = 0; j < k; j++) {
    const r = rules[j];
    if (!r.brk && matches(r, text, p)) return false;
  }
  return true;
}

function isHighSurrogate(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

/**
 * Sorted offsets p (0 < p < text.length) where a segment ends according to the rules. The start and the
 * end of the text are not reported: they always bound a segment. Newlines are not added here (see
 * splitSpans); a position inside a surrogate pair is never reported.
 */
export function findBreaks(text: string, rules: RuleSet): number[] {
  const c = compiled(rules);
  const out: number[] = [];
  const n = text.length;
  if (n < 2 || !c.hasBreak) return out;

  if (c.lastChar) {
    const re = c.lastChar;
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text)) !== null) {
      const p = m.index + m[0].length;
      if (p >= n) break;
      if (m[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      if (decide(c.rules, text, p)) out.push(p);
    }
    return out;
  }

  if (!c.candidates) {
    for (let p = 1; p < n; p++) {
      if (isLowSurrogate(text.charCodeAt(p)) && isHighSurrogate(text.charCodeAt(p - 1))) continue;
      if (decide(c.rules, text, p)) out.push(p);
    }
    return out;
  }

  const re = c.candidates;
  re.lastIndex = 1;
  while (re.lastIndex < n) {
    const from = re.lastIndex;
    const m = re.exec(text);
    if (m === null) break;
    const p = m.index;
    if (p >= n) break;
    // In `u` mode V8 may step back to the head of a surrogate pair; never loop or report inside a pair.
    if (p < from) {
      re.lastIndex = from + 1;
      continue;
    }
    let next = p + 1;
    if (next < n && isHighSurrogate(text.charCodeAt(p)) && isLowSurrogate(text.charCodeAt(next))) next++;
    const insidePair = p > 0 && isLowSurrogate(text.charCodeAt(p)) && isHighSurrogate(text.charCodeAt(p - 1));
    if (!insidePair && decide(c.rules, text, p)) out.push(p);
    re.lastIndex = next;
  }
  return out;
}

/** Compiles a rule set (once; it is cached) so that a bad regex surfaces as a RuleError before use. */
export function checkRules(rules: RuleSet): void {
  compiled(rules);
}

/** JavaScript `\s`: WhiteSpace (incl. U+3000 ideographic space, U+FEFF) and LineTerminator. */
export function isSpaceCode(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

function isNewlineCode(c: number): boolean {
  return c === 0x0a || c === 0x0d || c === 0x2028 || c === 0x2029;
}

/**
 * Segments as spans of `text`. Each span is trimmed of surrounding whitespace and non-empty; the text
 * before the first span, between spans and after the last is separator (whitespace only, or nothing).
 * Line terminators (\n, \r, U+2028, U+2029) always end a segment. Empty or whitespace-only text → [].
 */
export function splitSpans(text: string, rules: RuleSet): Span[] {
  const breaks = findBreaks(text, rules);
  const spans: Span[] = [];
  const n = text.length;
  let bi = 0;
  let start = -1; // start of the current span's first non-space char, -1 while none seen
  let lastNonSpaceEnd = 0;
  for (let i = 0; i <= n; i++) {
    if (i === n || (bi < breaks.length && breaks[bi] === i)) {
      if (start >= 0) spans.push({ start, end: lastNonSpaceEnd });
      start = -1;
      if (i === n) break;
      bi++;
    }
    const c = text.charCodeAt(i);
    if (isSpaceCode(c)) {
      if (isNewlineCode(c) && start >= 0) {
        spans.push({ start, end: lastNonSpaceEnd });
        start = -1;
      }
      continue;
    }
    if (start < 0) start = i;
    lastNonSpaceEnd = i + 1;
  }
  return spans;
}

/** The segment texts of splitSpans. */
export function splitText(text: string, rules: RuleSet): string[] {
  return splitSpans(text, rules).map((s) => text.slice(s.start, s.end));
}
