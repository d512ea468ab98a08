import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { stem } from '../../../segments/align/english-words.ts';
import { compileLexicon, LEXICON_FORMAT, parseLexicon } from '../../../segments/align/lexicon.ts';
import type { CedictRow } from '../../../segments/align/lexicon.ts';
import { ensureLexicon, lexiconPath, loadLexicon } from '../../../segments/align/lexicon-loader.ts';

const ROWS: CedictRow[] = [
  ['發展', '发展', 'fa1 zhan3', ['development', 'growth', 'to develop', 'to grow', 'to expand']],
  ['陳', '陈', 'Chen2', ['surname Chen', 'to lay out', 'to exhibit', 'old', 'see also 陳舊|陈旧[chen2 jiu4]']],
  ['打', '打', 'da3', ['a semantically light, transitive verb that is combined with various grammatical objects to form compound verbs', 'to hit; to strike', 'to fight']],
  ['说', '说', 'shuo1', ['to speak; to talk; to say', '(bound form) theory; doctrine']],
  ['個', '个', 'ge4', ['CL:個|个[ge4]', 'variant of 箇|个[ge4]']],
];
const words = (lex: ReturnType<typeof parseLexicon>, head: string) => [...(lex.lookup(head) ?? [])].map((id) => lex.vocab[id]);

describe('compiling CC-CEDICT entries', () => {
  const lex = parseLexicon(compileLexicon(ROWS));

  it('keeps stemmed gloss words under simplified and traditional headwords', () => {
    expect(words(lex, '发展')).toEqual(['develop', 'growth', 'grow', 'expand']);
    expect(words(lex, '發展')).toEqual(words(lex, '发展'));
  });

  it('keeps surnames and drops cross-references', () => {
    expect(words(lex, '陈')).toContain('chen');
    expect(words(lex, '陈')).not.toContain('jiu');
  });

  it('drops long explanations and parenthesised labels, keeping the translations', () => {
    expect(words(lex, '打')).toEqual(['hit', 'strik', 'fight']);
    expect(words(lex, '说')).toEqual(['speak', 'talk', 'say', 'theory', 'doctrine'].map(stem));
  });

  it('leaves out entries that are only classifier notes and variants', () => {
    expect(lex.has('个')).toBe(false);
    expect(lex.lookup('个')).toBeUndefined();
  });

  it('records first-reading pinyin of single characters and the longest headword at a position', () => {
    expect(lex.pinyin.get('陈')).toBe('chen');
    expect(lex.longestAt('经济发展', 2)).toBe(2);
    expect(lex.longestAt('经济发展', 1)).toBe(0);
  });

  it('rejects a file of another format, naming the header it found', () => {
    expect(() => parseLexicon('something else\n')).toThrow(/expected header .* on line 1, found 'something else'/);
  });

  it('names the line of a damaged entry', () => {
    const text = compileLexicon(ROWS).replace('发展\t', '发展 ');
    expect(() => parseLexicon(text)).toThrow(/line \d+ has no tab/);
  });
});

describe('the lexicon cache', () => {
  const dir = mkdtempSync(join(tmpdir(), 'bitext-lexicon-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('is compiled from the cc-cedict package into the given path, atomically, replacing an older format', async () => {
    const path = join(dir, 'cedict.txt');
    writeFileSync(path, 'bitext-cedict-lexicon/0.0\n');
    expect(await ensureLexicon(path)).toBe(path);
    expect(readFileSync(path, 'utf8').startsWith(LEXICON_FORMAT + '\n')).toBe(true);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    const lex = await loadLexicon(path);
    expect(lex.size).toBeGreaterThan(100_000);
    expect(words(lex, '经济')).toContain('economi');
    expect(words(lex, '创新')).toContain('innovation');
  });

  it('takes its default path from BITEXT_LEXICON_CACHE', () => {
    const before = process.env.BITEXT_LEXICON_CACHE;
    process.env.BITEXT_LEXICON_CACHE = join(dir, 'env.txt');
    try {
      expect(lexiconPath()).toBe(join(dir, 'env.txt'));
      expect(lexiconPath(join(dir, 'arg.txt'))).toBe(join(dir, 'arg.txt'));
    } finally {
      if (before === undefined) delete process.env.BITEXT_LEXICON_CACHE;
      else process.env.BITEXT_LEXICON_CACHE = before;
    }
    expect(existsSync(join(dir, 'env.txt'))).toBe(false);
  });
});
