import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  findBreaks,
  lastCharacters,
  RuleError,
  splitSpans,
  splitText,
  type RuleSet,
  type SegmentationRule,
} from '../../../segments/rules.ts';
import { ZH_CLAUSE_RULES, ZH_SENTENCE_RULES } from '../../../segments/rules-zh.ts';
import { EN_SENTENCE_RULES } from '../../../segments/rules-en.ts';

const seed = readFileSync(new URL('../../../samples/shanghai-fyp/source.zh.txt', import.meta.url), 'utf8');

/** SRX evaluation done the slow, obvious way: every position, every rule, in order. */
function referenceBreaks(text: string, set: RuleSet): number[] {
  const sticky = (source: string): RegExp => {
    try {
      return new RegExp(source, 'muy');
    } catch {
      return new RegExp(source, 'my');
    }
  };
  const rules = set.rules.map((r) => ({
    brk: r.break,
    before: r.before ? sticky(`(?<=${r.before})`) : null,
    after: r.after ? sticky(`(?:${r.after})`) : null,
  }));
  const out: number[] = [];
  for (let p = 1; p < text.length; p++) {
    const c = text.charCodeAt(p);
    if (c >= 0xdc00 && c <= 0xdfff && text.charCodeAt(p - 1) >= 0xd800 && text.charCodeAt(p - 1) <= 0xdbff) continue;
    for (const r of rules) {
      if (r.before) {
        r.before.lastIndex = p;
        if (!r.before.test(text)) continue;
      }
      if (r.after) {
        r.after.lastIndex = p;
        if (!r.after.test(text)) continue;
      }
      if (r.brk) out.push(p);
      break;
    }
  }
  return out;
}

/** The span invariants every segmentation must keep; returns the separators for further checks. */
function expectWellFormed(text: string, spans: { start: number; end: number }[]): void {
  let glued = '';
  let pos = 0;
  for (const s of spans) {
    expect(s.start).toBeGreaterThanOrEqual(pos);
    expect(s.end).toBeGreaterThan(s.start);
    const separator = text.slice(pos, s.start);
    expect(separator.trim()).toBe('');
    const segment = text.slice(s.start, s.end);
    expect(segment).toBe(segment.trim());
    expect(segment).not.toMatch(/[\n\r\u2028\u2029]/);
    glued += separator + segment;
    pos = s.end;
  }
  expect(text.slice(pos).trim()).toBe('');
  glued += text.slice(pos);
  expect(glued).toBe(text);
}

const ABBREVIATION_RULES: RuleSet = {
  language: 'test',
  rules: [
    { break: false, before: '\\bDr\\.', after: '\\s' },
    { break: true, before: '\\.', after: '\\s' },
  ],
};

describe('the rule engine follows SRX semantics', () => {
  it('lets the first matching rule decide, so an exception listed before a break rule wins', () => {
    const text = 'See Dr. Wang today. He waits.';
    expect(splitText(text, ABBREVIATION_RULES)).toEqual(['See Dr. Wang today.', 'He waits.']);
    const reversed: RuleSet = { language: 'test', rules: [...ABBREVIATION_RULES.rules].reverse() };
    expect(splitText(text, reversed)).toEqual(['See Dr.', 'Wang today.', 'He waits.']);
  });

  it('does not break where no rule matches', () => {
    const onlyExceptions: RuleSet = { language: 'test', rules: [{ break: false, before: '。', after: '' }] };
    expect(findBreaks('第一句。第二句。', onlyExceptions)).toEqual([]);
    expect(findBreaks('第一句。第二句。', { language: 'none', rules: [] })).toEqual([]);
  });

  it('reports break offsets strictly inside the text, sorted, never the text end', () => {
    expect(findBreaks('第一句。第二句！第三句？', ZH_SENTENCE_RULES)).toEqual([4, 8]);
    expect(findBreaks('。', ZH_SENTENCE_RULES)).toEqual([]);
  });

  it('matches `before` against the text ending at the position and `after` against the text starting there', () => {
    const set: RuleSet = { language: 'test', rules: [{ break: true, before: '[0-9]', after: '[a-z]' }] };
    expect(findBreaks('1a2B3c', set)).toEqual([1, 5]);
  });

  it('treats an empty `before` or `after` as matching everywhere', () => {
    const everyComma: RuleSet = { language: 'test', rules: [{ break: true, before: '，', after: '' }] };
    expect(splitText('张江，临港，浦江', everyComma)).toEqual(['张江，', '临港，', '浦江']);
    const beforeEveryDigit: RuleSet = { language: 'test', rules: [{ break: true, before: '', after: '\\d' }] };
    expect(splitText('年12', beforeEveryDigit)).toEqual(['年', '1', '2']);
  });

  it('gives the same breaks whether it scans by last character, by combined lookbehind or by every position', () => {
    const text = 'Dr. Wang arrived. Mr. Li left! (See above.) OK? Yes.';
    const analysable = ABBREVIATION_RULES;
    // `.` defeats the last-character analysis; a backreference defeats the combined regex.
    const combined: RuleSet = {
      language: 'test',
      rules: [{ break: false, before: '\\bDr\\.', after: '\\s' }, { break: true, before: '[.!?][)]?.{0}', after: '\\s' }],
    };
    const everyPosition: RuleSet = {
      language: 'test',
      rules: [{ break: false, before: '\\bDr\\.', after: '\\s' }, { break: true, before: '([.!?])[)]?', after: '(\\s)\\2*' }],
    };
    const general: RuleSet = {
      language: 'test',
      rules: [{ break: false, before: '\\bDr\\.', after: '\\s' }, { break: true, before: '[.!?][)]?', after: '\\s' }],
    };
    expect(lastCharacters(combined.rules[1].before)).toBeNull();
    expect(lastCharacters(everyPosition.rules[1].before)).not.toBeNull();
    const expected = ['Dr. Wang arrived.', 'Mr.', 'Li left!', '(See above.)', 'OK?', 'Yes.'];
    expect(splitText(text, general)).toEqual(expected);
    expect(splitText(text, combined)).toEqual(expected);
    expect(splitText(text, everyPosition)).toEqual(expected);
    // The analysable set knows only `.`, so `!`, `?` and `.)` do not break there.
    expect(splitText(text, analysable)).toEqual(['Dr. Wang arrived.', 'Mr.', 'Li left! (See above.) OK? Yes.']);
  });

  it('compiles a rule set once, so it must not be changed after its first use', () => {
    const set: RuleSet = { language: 'test', rules: [{ break: true, before: '。', after: '' }] };
    expect(findBreaks('一。二。', set)).toEqual([2]);
    set.rules.push({ break: true, before: '二', after: '' });
    expect(findBreaks('一。二。', set)).toEqual([2]);
    expect(findBreaks('一。二。', { ...set })).toEqual([2, 3]);
  });

  it('names the rule set, rule number and field of a regex that does not compile', () => {
    const bad: RuleSet = { language: 'zh-bad', rules: [{ break: true, before: '。', after: '' }, { break: false, before: '[', after: '' }] };
    expect(() => findBreaks('好。', bad)).toThrow(RuleError);
    expect(() => findBreaks('好。', bad)).toThrow(/zh-bad.*rule 2.*before/);
  });

  it('compiles Java-style sources that are only valid outside Unicode mode', () => {
    const javaStyle: RuleSet = { language: 'test', rules: [{ break: true, before: '[a-z]\\-', after: '' }] };
    expect(findBreaks('ab-cd', javaStyle)).toEqual([3]);
  });

  it('reads each rule in its own regex mode when Unicode and Java-style rules are mixed', () => {
    const mixed: RuleSet = {
      language: 'test',
      rules: [
        { break: true, before: '[a-z]\\-', after: '' },
        { break: true, before: '\\p{Lu}\\.', after: '\\s' },
      ],
    };
    const text = 'ab-cd. X. Y.';
    expect(findBreaks(text, mixed)).toEqual([3, 9]);
    expect(findBreaks(text, mixed)).toEqual(referenceBreaks(text, mixed));
  });

  it('anchors ^ and $ at line boundaries', () => {
    const afterListNumber: RuleSet = { language: 'test', rules: [{ break: true, before: '^\\d+\\.', after: '' }] };
    expect(findBreaks('1.一\n2.二 3.三', afterListNumber)).toEqual([2, 6]);
  });

  it('never cuts a surrogate pair, even when a rule would match inside one', () => {
    const anyChar: RuleSet = { language: 'test', rules: [{ break: true, before: '[\\s\\S]', after: '' }] };
    expect(findBreaks('𠮷a', anyChar)).toEqual([2]);
    expect(splitText('𠮷。𠮷。', ZH_SENTENCE_RULES)).toEqual(['𠮷。', '𠮷。']);
  });
});

describe('splitSpans', () => {
  it.each([
    ['', []],
    ['   \n\u3000\t', []],
    ['  第一句。  第二句。 ', ['第一句。', '第二句。']],
    ['标题\n\n正文第一句。正文第二句', ['标题', '正文第一句。', '正文第二句']],
    ['第一行\r\n第二行\r第三行\u2028第四行', ['第一行', '第二行', '第三行', '第四行']],
    ['\u3000\u3000全角空格缩进的段落。', ['全角空格缩进的段落。']],
  ])('cuts %j into trimmed segments, breaking at every line end', (text, expected) => {
    expect(splitText(text, ZH_SENTENCE_RULES)).toEqual(expected);
    expectWellFormed(text, splitSpans(text, ZH_SENTENCE_RULES));
  });

  it('returns spans that point into the text', () => {
    const text = '（上接第5版）\n\n2.3 打造各具特色的航运服务集聚区。发展特色港区经济。';
    expect(splitSpans(text, ZH_SENTENCE_RULES)).toEqual([
      { start: 0, end: 7 },
      { start: 9, end: 28 },
      { start: 28, end: 37 },
    ]);
  });
});

const ALPHABET = [
  ...'创新科技上海发展中心推动建设',
  ...'。！？，、；：…',
  ...'“”‘’《》（）【】「」',
  ...'!?.,;:"\'()',
  ' ', ' ', '\u3000', '\n', '\r\n',
  ...'abcXYZ12',
  'Dr.', 'U.S.', '1.1 ', '……', '𠮷',
];
const mixedText = fc.array(fc.constantFrom(...ALPHABET), { maxLength: 120 }).map((parts) => parts.join(''));

describe.each([
  ['zh sentence', ZH_SENTENCE_RULES],
  ['zh clause', ZH_CLAUSE_RULES],
  ['en sentence', EN_SENTENCE_RULES],
])('with the %s rules', (_name, rules) => {
  it('keeps spans ordered, non-overlapping, trimmed and non-empty, and glues back to the text', () => {
    fc.assert(
      fc.property(mixedText, (text) => {
        expectWellFormed(text, splitSpans(text, rules));
      }),
      { numRuns: 400 },
    );
  });

  it('finds exactly the breaks that evaluating every rule at every position finds', () => {
    fc.assert(
      fc.property(mixedText, (text) => {
        expect(findBreaks(text, rules)).toEqual(referenceBreaks(text, rules));
      }),
      { numRuns: 300 },
    );
  });

  it('segments the seed document losslessly and like the reference evaluation', () => {
    expectWellFormed(seed, splitSpans(seed, rules));
    expect(findBreaks(seed, rules)).toEqual(referenceBreaks(seed, rules));
  });
});

describe('rule sets with arbitrary regexes', () => {
  const ruleArb: fc.Arbitrary<SegmentationRule> = fc.record({
    break: fc.boolean(),
    before: fc.constantFrom(
      '', '。', '[。！？]', '[。！？][”）]*', '\\d', '[a-z]\\.', '(?:Dr|Mr)\\.', '，', '.', '\\s', '[^]', '[]',
      '(?<![a-z])[A-Z]\\.', '…+', '[。！？]{2}', '(?:^|\\s)\\d+\\.', '。(?=”)', '\\p{Script=Han}[!?]', '(\\s)\\1',
      '\\b\\w+\\b', '[^，。]{3}，', '𠮷', '$', '(?:a|b?)',
    ),
    after: fc.constantFrom('', '\\s', '[A-Z]', '”', '\\d', '\\s*[“A-Z]', '(?!\\d)'),
  });
  it('agree with the reference evaluation for any order of rules', () => {
    fc.assert(
      fc.property(fc.array(ruleArb, { minLength: 1, maxLength: 6 }), mixedText, (rules, text) => {
        const set: RuleSet = { language: 'random', rules };
        expect(findBreaks(text, set)).toEqual(referenceBreaks(text, set));
        expectWellFormed(text, splitSpans(text, set));
      }),
      { numRuns: 400 },
    );
  });
});
