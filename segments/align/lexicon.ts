// The aligner's bilingual lexicon: Chinese headwords → stems of the English words of their glosses.
// Compiled from CC-CEDICT entries (https://cc-cedict.org, CC BY-SA 4.0) by dropping cross-references,
// classifier notes and register labels, stemming the remaining gloss words with english-words.ts and
// keeping the first MAX_STEMS of them. The compact text form (one headword a line) exists so that a
// process can load the whole dictionary in well under half a second instead of loading the package.
import { contentStems, STEMMER_VERSION } from './english-words.ts';

export interface Lexicon {
  /** English stems; headword translations are indices into it. */
  vocab: string[];
  vocabIndex: Map<string, number>;
  /** Translations of a Chinese headword (simplified or traditional form) as indices into vocab. */
  lookup(head: string): Int32Array | undefined;
  has(head: string): boolean;
  /** Length of the longest headword of two or more characters starting at text[at] (0 if none). */
  longestAt(text: string, at: number): number;
  /** Number of headwords. */
  size: number;
  /** Toneless pinyin syllables of single characters (first reading), for transliterated names. */
  pinyin: Map<string, string>;
  /** Length in characters of the longest headword, bounding the longest-match segmenter. */
  maxHeadLength: number;
}

/** One CC-CEDICT entry as the cc-cedict package stores it: [traditional, simplified, pinyin, english]. */
export type CedictRow = [string, string, string, string | string[], ...unknown[]];

// Bump COMPILER_VERSION when compileLexicon changes, so cached lexicons are rebuilt.
const COMPILER_VERSION = 2;
export const LEXICON_FORMAT = `bitext-cedict-lexicon/${COMPILER_VERSION}.${STEMMER_VERSION}`;
const MAX_STEMS = 24;
const MAX_HEAD = 8;
const MAX_SENSE_WORDS = 5;

function glossStems(senses: string[]): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const sense of senses) {
    for (const part of sense.split(';')) {
      const p = part.trim();
      // Cross-references and classifier notes name other headwords, not meanings.
      if (/^(see|see also|also written|variant of|old variant of|erhua variant of|used in|CL:|abbr\. for|Japanese variant of|archaic variant of)\b/i.test(p)) continue;
      if (/variant of |\bpr\. *\[/i.test(p)) continue;
      // Parenthesised labels and quoted examples explain a sense; they are not its translation.
      let clean = p.replace(/\S*\[[^\]]*\]/g, ' ').replace(/"[^"]*"/g, ' ').replace(/[|]/g, ' ');
      for (let k = 0; k < 3 && clean.includes('('); k++) clean = clean.replace(/\([^()]*\)/g, ' ');
      const stems = contentStems(clean);
      // A long sense is an explanation ("a semantically light verb that…"), not a rendering.
      if (stems.length > MAX_SENSE_WORDS) continue;
      for (const s of stems) {
        if (!seen.has(s)) {
          seen.add(s);
          out.push(s);
        }
      }
    }
  }
  return out.slice(0, MAX_STEMS);
}

/** Compiles CC-CEDICT rows into the serialised lexicon text. */
export function compileLexicon(rows: Iterable<CedictRow>): string {
  const byHead = new Map<string, string[]>();
  const pinyin = new Map<string, string>();
  const add = (head: string, stems: string[]) => {
    if (head.length > MAX_HEAD || /\s/.test(head)) return;
    const have = byHead.get(head);
    if (!have) byHead.set(head, stems.slice());
    else for (const s of stems) if (!have.includes(s) && have.length < MAX_STEMS) have.push(s);
  };
  for (const row of rows) {
    const [trad, simp, py, english] = row;
    const stems = glossStems(typeof english === 'string' ? [english] : english);
    if ([...simp].length === 1 && !pinyin.has(simp) && /^[A-Za-z]+[1-5]$/.test(py)) {
      pinyin.set(simp, py.slice(0, -1).toLowerCase().replace('u:', 'v'));
    }
    if (stems.length === 0) continue;
    add(simp, stems);
    if (trad !== simp) add(trad, stems);
  }
  const vocabIndex = new Map<string, number>();
  const vocab: string[] = [];
  const lines: string[] = [];
  for (const [head, stems] of byHead) {
    const ids = stems.map((s) => {
      let id = vocabIndex.get(s);
      if (id === undefined) {
        id = vocab.length;
        vocab.push(s);
        vocabIndex.set(s, id);
      }
      return id.toString(36);
    });
    lines.push(`${head}\t${ids.join(',')}`);
  }
  const py = [...pinyin].map(([c, p]) => c + p).join(' ');
  return [LEXICON_FORMAT, vocab.join(' '), py, ...lines].join('\n') + '\n';
}

/** Parses the text written by compileLexicon; throws on a file of another format or version. */
export function parseLexicon(text: string): Lexicon {
  const firstBreak = text.indexOf('\n');
  const header = text.slice(0, firstBreak);
  if (header !== LEXICON_FORMAT) {
    throw new Error(`lexicon: expected header '${LEXICON_FORMAT}' on line 1, found '${header.slice(0, 60)}'`);
  }
  const secondBreak = text.indexOf('\n', firstBreak + 1);
  const thirdBreak = text.indexOf('\n', secondBreak + 1);
  const vocab = text.slice(firstBreak + 1, secondBreak).split(' ');
  const vocabIndex = new Map<string, number>();
  for (let i = 0; i < vocab.length; i++) vocabIndex.set(vocab[i], i);
  const pinyin = new Map<string, string>();
  for (const item of text.slice(secondBreak + 1, thirdBreak).split(' ')) {
    if (!item) continue;
    const cp = item.codePointAt(0)!;
    const ch = String.fromCodePoint(cp);
    pinyin.set(ch, item.slice(ch.length));
  }
  // Only the headwords are indexed at load time; a headword's stem list is decoded on first lookup,
  // since a document touches a few thousand of the 180,000 headwords.
  const where = new Map<string, number>();
  // Longest headword per first two characters: most positions start no word of two or more, and
  // one lookup settles that instead of one per possible length.
  const longest = new Map<number, number>();
  let maxHeadLength = 1;
  let pos = thirdBreak + 1;
  let lineNo = 4;
  while (pos < text.length) {
    const tab = text.indexOf('\t', pos);
    let end = text.indexOf('\n', pos);
    if (end < 0) end = text.length;
    if (tab < 0 || tab > end) throw new Error(`lexicon: line ${lineNo} has no tab between headword and stems`);
    where.set(text.slice(pos, tab), tab + 1);
    if (tab - pos >= 2) {
      const two = text.charCodeAt(pos) * 65536 + text.charCodeAt(pos + 1);
      if (tab - pos > (longest.get(two) ?? 0)) longest.set(two, tab - pos);
    }
    if (tab - pos > maxHeadLength) maxHeadLength = tab - pos;
    pos = end + 1;
    lineNo++;
  }
  const decoded = new Map<string, Int32Array>();
  const lookup = (head: string): Int32Array | undefined => {
    const have = decoded.get(head);
    if (have) return have;
    const at = where.get(head);
    if (at === undefined) return undefined;
    let end = text.indexOf('\n', at);
    if (end < 0) end = text.length;
    const parts = text.slice(at, end).split(',');
    const ids = new Int32Array(parts.length);
    for (let k = 0; k < parts.length; k++) ids[k] = parseInt(parts[k], 36);
    decoded.set(head, ids);
    return ids;
  };
  return { vocab, vocabIndex, lookup, has: (head: string) => where.has(head), longestAt: (t: string, at: number) => (at + 1 < t.length ? (longest.get(t.charCodeAt(at) * 65536 + t.charCodeAt(at + 1)) ?? 0) : 0), size: where.size, pinyin, maxHeadLength };
}

/** A lexicon built from a small in-memory list of pairs, for tests and callers without CC-CEDICT. */
export function lexiconFromPairs(pairs: { zh: string; en: string }[]): Lexicon {
  const rows: CedictRow[] = pairs.map((p) => [p.zh, p.zh, '', p.en]);
  return parseLexicon(compileLexicon(rows));
}
