import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { splitText } from '../../../segments/rules.ts';
import { ZH_SENTENCE_RULES } from '../../../segments/rules-zh.ts';
import { EN_SENTENCE_RULES } from '../../../segments/rules-en.ts';
import { parseSrx, rulesForLanguage, serializeSrx } from '../../../segments/srx.ts';
import { FormatError } from '../../../segments/format-error.ts';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/srx/${name}`, import.meta.url), 'utf8');
const seed = readFileSync(new URL('../../../samples/shanghai-fyp/source.zh.txt', import.meta.url), 'utf8');
const draft = readFileSync(new URL('../../../samples/shanghai-fyp/draft.en.txt', import.meta.url), 'utf8');

function formatError(run: () => unknown): FormatError {
  try {
    run();
  } catch (e) {
    if (e instanceof FormatError) return e;
    throw e;
  }
  throw new Error('expected a FormatError');
}

describe('loading the built-in rules from an SRX 2.0 file', () => {
  // builtin.srx is the built-in rule sets written out with serializeSrx; regenerate it when they change.
  const srx = parseSrx(fixture('builtin.srx'));

  it('reads the header, the language rules and the map rules', () => {
    expect(srx.cascade).toBe(false);
    expect([...srx.rules.keys()]).toEqual(['Chinese', 'English']);
    expect(srx.mapRules).toEqual([
      { pattern: 'zh.*', ruleName: 'Chinese' },
      { pattern: 'en.*', ruleName: 'English' },
    ]);
    expect(srx.rules.get('Chinese')!.rules).toEqual(ZH_SENTENCE_RULES.rules);
  });

  it('picks rules for zh-CN and en-US through the map rules', () => {
    expect(rulesForLanguage(srx, 'zh-CN').rules).toEqual(ZH_SENTENCE_RULES.rules);
    expect(rulesForLanguage(srx, 'zh-Hans-CN').rules).toEqual(ZH_SENTENCE_RULES.rules);
    expect(rulesForLanguage(srx, 'en-US').rules).toEqual(EN_SENTENCE_RULES.rules);
    expect(rulesForLanguage(srx, 'zh-CN')).toBe(rulesForLanguage(srx, 'zh-CN'));
  });

  it.each([
    ['zh-CN', '他说：“好。”然后离开了。学习《你好！中国》一书。等等……后来呢？'],
    ['zh-CN', seed],
    ['en-US', 'Dr. Smith met Mr. Jones. The U.S. Treasury agreed. GDP grew 1.5 percent. (See Section 3.) Next.'],
    ['en-US', draft],
  ])('segments %s text exactly as the built-in rules do', (lang, text) => {
    const builtin = lang.startsWith('zh') ? ZH_SENTENCE_RULES : EN_SENTENCE_RULES;
    const loaded = splitText(text, rulesForLanguage(srx, lang));
    expect(loaded).toEqual(splitText(text, builtin));
    expect(loaded.length).toBeGreaterThan(3);
  });

  it('refuses a language no map rule covers, naming the patterns', () => {
    expect(() => rulesForLanguage(srx, 'fr-FR')).toThrow(/"fr-FR".*zh\.\*, en\.\*/);
  });

  it('round-trips through serializeSrx', () => {
    const again = parseSrx(serializeSrx(srx));
    expect(again.mapRules).toEqual(srx.mapRules);
    expect([...again.rules.entries()]).toEqual([...srx.rules.entries()]);
  });
});

describe('cascading', () => {
  const srx = parseSrx(fixture('cascade.srx'));

  it('reads prefixed elements, CDATA, entity escapes and Java-only regex spellings', () => {
    expect(srx.cascade).toBe(true);
    expect(srx.rules.get('Chinese')!.rules[0].before).toBe('\\u{3002}');
    expect(srx.rules.get('Chinese')!.rules[1].before).toBe('[\\u{3002}！？][”’」』）》】]*');
    expect(srx.rules.get('English')!.rules[0].before).toBe('\\bDr\\.');
    expect(srx.rules.get('Default')!.rules[1]).toEqual({ break: true, before: '<br/>', after: '' });
  });

  it('concatenates the rules of every matching map in order, matching codes case-insensitively', () => {
    const zh = rulesForLanguage(srx, 'zh-CN');
    expect(zh.rules).toEqual([...srx.rules.get('Chinese')!.rules, ...srx.rules.get('Default')!.rules]);
    expect(splitText('他说：“好。”然后走了。Dr. Li came. He left.', zh)).toEqual([
      '他说：“好。”',
      '然后走了。',
      'Dr.', // the Chinese rules plus Default have no Dr. exception
      'Li came.',
      'He left.',
    ]);
    const en = rulesForLanguage(srx, 'en-GB');
    expect(splitText('Dr. Li came. He left.', en)).toEqual(['Dr. Li came.', 'He left.']);
    expect(splitText('Dr. Li came. He left.', rulesForLanguage(srx, 'de-DE'))).toEqual(['Dr.', 'Li came.', 'He left.']);
  });

  it('uses only the first matching map when cascade is "no"', () => {
    const noCascade = parseSrx(fixture('cascade.srx').replace('cascade="yes"', 'cascade="no"'));
    expect(noCascade.cascade).toBe(false);
    expect(rulesForLanguage(noCascade, 'en-US').rules).toEqual(srx.rules.get('English')!.rules);
    expect(splitText('Dr. Li came. He left.', rulesForLanguage(noCascade, 'en-US'))).toEqual(['Dr. Li came. He left.']);
  });
});

describe('malformed SRX files', () => {
  it('reports broken XML with its line number', () => {
    const e = formatError(() => parseSrx(fixture('malformed.srx')));
    expect(e.format).toBe('srx');
    expect(e.problems).toHaveLength(1);
    expect(e.problems[0].line).toBe(10);
    expect(e.message).toMatch(/line 10: XML: unexpected close tag \(<rule> opened on line 7 is not closed\)/);
  });

  it('reports every bad attribute, regex and dangling map with its line', () => {
    const e = formatError(() => parseSrx(fixture('bad-rules.srx')));
    expect(e.problems).toEqual([
      { line: 3, field: 'header@cascade', message: 'cascade must be "yes" or "no", not "maybe"' },
      { line: 7, field: 'rule@break', message: 'break must be "yes" or "no", not "sometimes"' },
      expect.objectContaining({ line: 12, field: 'beforebreak', message: expect.stringMatching(/\/\[。！？\/ does not compile/) }),
    ]);
  });

  it('reports a languagemap naming an undefined languagerule', () => {
    const xml = fixture('bad-rules.srx')
      .replace('cascade="maybe"', 'cascade="no"')
      .replace('break="sometimes"', 'break="no"')
      .replace('<beforebreak>[。！？</beforebreak>', '<beforebreak>[。！？]</beforebreak>');
    const e = formatError(() => parseSrx(xml));
    expect(e.problems).toEqual([
      { line: 19, field: 'languagemap@languagerulename', message: 'languagemap refers to languagerule "English", which is not defined' },
    ]);
  });

  it.each([
    ['an empty file', '', 1],
    ['a different root element', '<?xml version="1.0"?>\n<tmx version="1.4"/>', 2],
    ['text that is not XML', 'zh.*=Chinese\n', 1],
    ['an undefined entity', '<srx version="2.0">\n<header cascade="no"/>\n<body>&nbsp;</body></srx>', 3],
  ])('refuses %s with a line number', (_what, xml, line) => {
    const e = formatError(() => parseSrx(xml));
    expect(e.problems[0].line).toBe(line);
  });

  it('never expands entities declared in a DOCTYPE', () => {
    const billionLaughs =
      '<?xml version="1.0"?>\n<!DOCTYPE srx [<!ENTITY a "aaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>\n<srx version="2.0"><body>&b;</body></srx>';
    const e = formatError(() => parseSrx(billionLaughs));
    expect(e.problems[0]).toMatchObject({ line: 2, field: 'DOCTYPE' });
    const external = '<?xml version="1.0"?>\n<!DOCTYPE srx SYSTEM "http://example.com/srx.dtd">\n<srx version="2.0"><body>&ext;</body></srx>';
    expect(formatError(() => parseSrx(external)).problems[0].line).toBe(3);
  });
});
