import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { splitEnglish, splitEnglishSpans } from '../../../segments/english.ts';

const draft = readFileSync(new URL('../../../samples/shanghai-fyp/draft.en.txt', import.meta.url), 'utf8');

type Case = [what: string, text: string, sentences: string[]];

const HARD_CASES: Case[] = [
  ['titles never end a sentence', 'Dr. Smith met Mr. Jones and Mrs. Brown. Ms. Li and Prof. Wang came too.', ['Dr. Smith met Mr. Jones and Mrs. Brown.', 'Ms. Li and Prof. Wang came too.']],
  ['St. is a title', 'They visited St. Petersburg. Then they left.', ['They visited St. Petersburg.', 'Then they left.']],
  ['U.S. before a name stays whole', 'The U.S. Treasury agreed. The U.K. Government too.', ['The U.S. Treasury agreed.', 'The U.K. Government too.']],
  ['U.S. ends a sentence before a sentence opener', 'Trade with the U.S. The figures rose.', ['Trade with the U.S.', 'The figures rose.']],
  ['U.S. before a lower-case word stays whole', 'The U.S. and China agreed.', ['The U.S. and China agreed.']],
  ['e.g. and i.e. never end a sentence', 'Cities, e.g. Shanghai, grow. Districts, i.e. Pudong. Next.', ['Cities, e.g. Shanghai, grow.', 'Districts, i.e. Pudong.', 'Next.']],
  ['e.g. before a capitalised name stays whole', 'Some cities, e.g. Shanghai and Shenzhen, lead.', ['Some cities, e.g. Shanghai and Shenzhen, lead.']],
  ['etc. mid-sentence stays whole', 'Goods, tools, etc. were shipped.', ['Goods, tools, etc. were shipped.']],
  ['etc. before a capitalised word ends the sentence', 'We sell books, pens, etc. The rest waits.', ['We sell books, pens, etc.', 'The rest waits.']],
  ['No. before a number stays whole', 'See Document No. 5 of the plan.', ['See Document No. 5 of the plan.']],
  ['months before a day stay whole', 'It opened on Jan. 5 and closed on Dec. 20. Sept. 30 is next.', ['It opened on Jan. 5 and closed on Dec. 20.', 'Sept. 30 is next.']],
  ['Feb. before a year stays whole', 'In Feb. 2025 it started.', ['In Feb. 2025 it started.']],
  ['vs. never ends a sentence', 'Shanghai vs. Beijing is close. Next.', ['Shanghai vs. Beijing is close.', 'Next.']],
  ['Inc. mid-sentence stays whole', 'Apple Inc. is big.', ['Apple Inc. is big.']],
  ['Inc. before a new sentence ends it', 'They met Apple Inc. The company grew.', ['They met Apple Inc.', 'The company grew.']],
  ['Co., Ltd. stays whole and can end a sentence', 'Shanghai Electric Co., Ltd. signed. Shanghai Co., Ltd. The firm grew.', ['Shanghai Electric Co., Ltd. signed.', 'Shanghai Co., Ltd.', 'The firm grew.']],
  ['decimals are not full stops', 'GDP grew 1.5 percent. It hit $2.3 billion. Next year.', ['GDP grew 1.5 percent.', 'It hit $2.3 billion.', 'Next year.']],
  ['a sentence may start with a number', 'The plan was adopted. 2025 is the first year.', ['The plan was adopted.', '2025 is the first year.']],
  ['a numbered heading on its own line is one segment', '1.1 Strengthen basic research\nWe will invest more.', ['1.1 Strengthen basic research', 'We will invest more.']],
  ['a heading number running into text is never cut off', '1.1 Strengthen basic research. We will invest more.', ['1.1 Strengthen basic research.', 'We will invest more.']],
  ['a list number with a dot stays with its item', '1. Accelerate reform. Deepen it.\n2. Open up.', ['1. Accelerate reform.', 'Deepen it.', '2. Open up.']],
  ['a list number after a sentence stays with its item', 'Two tasks follow. 1. Accelerate reform. 2. Open up.', ['Two tasks follow.', '1. Accelerate reform.', '2. Open up.']],
  ['a roman heading number stays with its heading', 'VII. Strengthening the Role of the Center\nWe will lead.', ['VII. Strengthening the Role of the Center', 'We will lead.']],
  ['bracketed list numbers start segments', '(1) Improve services. (2) Deepen reform.', ['(1) Improve services.', '(2) Deepen reform.']],
  ['letter list markers start segments', 'a) first item.\nb) second item.', ['a) first item.', 'b) second item.']],
  ['a closing quote after the full stop stays with the sentence', 'We will build the "Five Centers." Next we go.', ['We will build the "Five Centers."', 'Next we go.']],
  ['curly quotes too', 'We will build the “Five Centers.” Next we go.', ['We will build the “Five Centers.”', 'Next we go.']],
  ['a closing bracket after the full stop stays with the sentence', 'It is listed. (See Section 3.) Next again.', ['It is listed.', '(See Section 3.)', 'Next again.']],
  ['a footnote mark after the full stop stays with the sentence', 'The plan is ambitious.[1] It was adopted.', ['The plan is ambitious.[1]', 'It was adopted.']],
  ['several or ranged footnote marks too', 'Output doubled.[2][3] Exports rose.[4–6] Next.', ['Output doubled.[2][3]', 'Exports rose.[4–6]', 'Next.']],
  ['a footnote mark after a closing quote', 'We will build the "Five Centers."[7] Next we go.', ['We will build the "Five Centers."[7]', 'Next we go.']],
  ['superscript footnote digits stay with the sentence', 'The plan is ambitious.¹ It was adopted.²³ Next.', ['The plan is ambitious.¹', 'It was adopted.²³', 'Next.']],
  ['a bracketed number mid-sentence is not a break', 'The plan[1] was adopted. Next.', ['The plan[1] was adopted.', 'Next.']],
  ['question and exclamation marks end sentences', 'Why? Because! Really?! Yes.', ['Why?', 'Because!', 'Really?!', 'Yes.']],
  ['a question in quotes followed by lower case stays whole', '"Why?" he asked. She smiled.', ['"Why?" he asked.', 'She smiled.']],
  ['an ellipsis mid-sentence stays whole', 'We will... continue to grow.', ['We will... continue to grow.']],
  ['initials stay with the name', 'J. R. R. Tolkien wrote it. Then he left.', ['J. R. R. Tolkien wrote it.', 'Then he left.']],
  ['a single capital before a sentence opener ends the sentence', 'We chose Plan B. The rest failed.', ['We chose Plan B.', 'The rest failed.']],
  ['web addresses and version numbers are not cut', 'Visit www.gov.cn for v2.0 details. Mail info@sh.gov.cn. Done.', ['Visit www.gov.cn for v2.0 details.', 'Mail info@sh.gov.cn.', 'Done.']],
  ['lines always break', 'We will build\nthe center', ['We will build', 'the center']],
  ['paragraphs always break', 'First paragraph\n\nSecond paragraph.', ['First paragraph', 'Second paragraph.']],
  ['No. without a number can end a sentence', 'The answer was No. The plan failed.', ['The answer was No.', 'The plan failed.']],
  ['a.m. before a name stays whole', 'It starts at 9 a.m. Beijing time.', ['It starts at 9 a.m. Beijing time.']],
  ['p.m. before a sentence opener ends the sentence', 'It ended at 5 p.m. The next day was calm.', ['It ended at 5 p.m.', 'The next day was calm.']],
  ['a section number inside a sentence is not a list number', 'As set out in Section 2.3. The rest follows.', ['As set out in Section 2.3.', 'The rest follows.']],
  ['a day after an abbreviated month ends its sentence', 'It closed on Dec. 20. Sept. 30 is next.', ['It closed on Dec. 20.', 'Sept. 30 is next.']],
  ['a quote then a bracket after the full stop', 'He said "It is done." (Note.) Next.', ['He said "It is done."', '(Note.)', 'Next.']],
  ['a sentence before Chinese text ends', 'This is the draft. 这是原文。', ['This is the draft.', '这是原文。']],
];

describe('the English sentence splitter', () => {
  it.each(HARD_CASES)('%s', (_what, text, expected) => {
    expect(splitEnglish(text)).toEqual(expected);
  });

  it.each(['Jan', 'Feb', 'Mar', 'Apr', 'Jun', 'Jul', 'Aug', 'Sep', 'Sept', 'Oct', 'Nov', 'Dec'])(
    'keeps the month abbreviation %s. with its day',
    (month) => {
      expect(splitEnglish(`The office opened on ${month}. 5 in Pudong. It grew.`)).toEqual([
        `The office opened on ${month}. 5 in Pudong.`,
        'It grew.',
      ]);
    },
  );

  it('returns spans that slice the text into its sentences', () => {
    const text = '  Dr. Wang arrived. He spoke.\n\nNo. 5 follows. ';
    const spans = splitEnglishSpans(text);
    expect(spans.map((s) => text.slice(s.start, s.end))).toEqual(['Dr. Wang arrived.', 'He spoke.', 'No. 5 follows.']);
    expect(spans[0].start).toBe(2);
  });

  it('splits the sample draft into headings and sentences', () => {
    const sentences = splitEnglish(draft);
    expect(sentences).toContain('2.3 Building Distinctive Shipping Service Clusters');
    expect(sentences).toContain('VII. Strengthening the Role of the International Sci-Tech Innovation Center as a Source of Innovation');
    expect(sentences).toContain('By 2030, the value of technology contract transactions will exceed 1 trillion yuan.');
    expect(sentences).toContain('By 2030, basic research will account for about 15 percent of total R&D expenditure across society.');
    for (const s of sentences) {
      // Every segment is a whole sentence or a heading line: it never starts in lower case.
      expect(s).toMatch(/^[A-Z0-9("“]/);
    }
  });

  it('glues back to the text on random English-like input', () => {
    const word = fc.constantFrom('Dr.', 'U.S.', 'e.g.', 'the', 'Plan', '1.5', '1.', '(2)', '"Five Centers."', 'etc.', 'No.', '5', 'Why?', '...', ' ', '\n', 'www.gov.cn', 'J.');
    fc.assert(
      fc.property(fc.array(word, { maxLength: 40 }).map((w) => w.join(' ')), (text) => {
        const spans = splitEnglishSpans(text);
        let glued = '';
        let pos = 0;
        for (const s of spans) {
          expect(text.slice(pos, s.start).trim()).toBe('');
          expect(s.end).toBeGreaterThan(s.start);
          glued += text.slice(pos, s.end);
          pos = s.end;
        }
        expect(text.slice(pos).trim()).toBe('');
        expect(glued + text.slice(pos)).toBe(text);
      }),
    );
  });
});

describe('compared with Intl.Segmenter', () => {
  // ICU's default sentence rules (which Node's Intl.Segmenter uses, without abbreviation suppressions)
  // break after any full stop followed by a space and a capital letter or digit.
  const icu = new Intl.Segmenter('en', { granularity: 'sentence' });
  const icuSplit = (text: string) => [...icu.segment(text)].map((s) => s.segment.trim()).filter((s) => s !== '');

  it.each([
    ['Dr. Smith arrived.', ['Dr. Smith arrived.']],
    ['It closed on Dec. 20. Sept. 30 is next.', ['It closed on Dec. 20.', 'Sept. 30 is next.']],
    ['Mr. Li met Ms. Wang.', ['Mr. Li met Ms. Wang.']],
    ['Prof. Wang spoke.', ['Prof. Wang spoke.']],
    ['Cities, e.g. Shanghai, grow.', ['Cities, e.g. Shanghai, grow.']],
  ])('we split %j correctly where Intl.Segmenter does not', (text, expected) => {
    expect(splitEnglish(text)).toEqual(expected);
    expect(icuSplit(text)).not.toEqual(expected);
  });

  it('keeps Jan. 5 whole like Intl.Segmenter does, and also Jan. 5 before a capital', () => {
    expect(splitEnglish('It opened on Jan. 5 as planned.')).toEqual(icuSplit('It opened on Jan. 5 as planned.'));
    expect(splitEnglish('Since Jan. 5 China has led.')).toEqual(['Since Jan. 5 China has led.']);
  });

  it('agrees with Intl.Segmenter on plain sentences', () => {
    const text = 'We will build the center. It will open in 2030. Why not?';
    expect(splitEnglish(text)).toEqual(icuSplit(text));
  });
});
