import { beforeAll, describe, expect, it } from 'vitest';
import { align } from '../../../segments/align/index.ts';
import type { Lexicon } from '../../../segments/align/index.ts';
import { loadLexicon } from '../../../segments/align/lexicon-loader.ts';
import { AFTER, BEFORE, CASES } from '../../fixtures/align/policy-cases.ts';

let lexicon: Lexicon;
beforeAll(async () => {
  lexicon = await loadLexicon();
});

const show = (beads: { zh: number[]; en: number[] }[]) => beads.map((b) => `[${b.zh}]:[${b.en}]`).join(' ');

describe('the aligner finds every bead shape in policy text', () => {
  it.each(CASES.map((c) => [c.shape, c] as const))('a %s bead between one-to-one pairs', (_shape, c) => {
    const zh = [BEFORE.zh, ...c.zh, AFTER.zh];
    const en = [BEFORE.en, ...c.en, AFTER.en];
    const inner = c.beads ?? [[c.zh.map((_, i) => i), c.en.map((_, j) => j)]];
    const expected = [
      { zh: [0], en: [0] },
      ...inner.map(([z, e]) => ({ zh: z.map((i) => i + 1), en: e.map((j) => j + 1) })),
      { zh: [zh.length - 1], en: [en.length - 1] },
    ];
    expect(show(align(zh, en, { lexicon }))).toBe(show(expected));
  });

  it('covers the shapes the issue asks for', () => {
    const shapes = new Set(CASES.map((c) => c.shape));
    for (const shape of ['1-0', '0-1', '1-2', '1-3', '1-4', '1-5', '2-1', '3-1', '4-1', '5-1', '2-2', '2-3', '3-2']) {
      expect(shapes).toContain(shape);
    }
  });
});

describe('glossary term pairs count as translations', () => {
  // Without a dictionary, only the glossary links 陈清扬 to Chen Qingyang and 那天晚上 to that night.
  const zh = ['那天晚上我没走掉。', '陈清扬把我拽住，以伟大友谊的名义叫我留下来。'];
  const en = ['I did not leave that night.', 'Chen Qingyang caught me and asked me to stay in the name of our great friendship.'];

  it('aligns one to one with the glossary and nothing else, at a lower cost than without it', () => {
    const glossary = [
      { zh: '晚上', en: 'night' },
      { zh: '陈清扬', en: 'Chen Qingyang' },
      { zh: '友谊', en: 'friendship' },
    ];
    const withTerms = align(zh, en, { glossary });
    const without = align(zh, en);
    expect(show(withTerms)).toBe('[0]:[0] [1]:[1]');
    const total = (beads: { score: number }[]) => beads.reduce((sum, b) => sum + b.score, 0);
    expect(total(withTerms)).toBeLessThan(total(without) - 0.5);
  });

  it('uses a term variant as well as the preferred rendering', () => {
    const glossary = [{ zh: '新质生产力', en: 'new quality productive forces', variants: ['new-quality productivity'] }];
    const zhDoc = ['引领发展新质生产力。'];
    const plain = align(zhDoc, ['We will develop new-quality productivity.'])[0].score;
    const withVariant = align(zhDoc, ['We will develop new-quality productivity.'], { glossary })[0].score;
    expect(withVariant).toBeLessThan(plain);
  });

  it('rejects a glossary entry without text, naming the entry', () => {
    expect(() => align(zh, en, { glossary: [{ zh: '晚上', en: 'night' }, { zh: '友谊' } as never] })).toThrow(/glossary entry 1/);
  });
});

describe('confidence', () => {
  it('is between 0 and 1 and higher for a clear pair than for a forced one', () => {
    const zh = [BEFORE.zh, '大力发展清洁能源船舶。'];
    const en = [BEFORE.en, 'The weather in the Yangtze delta was unusually mild last winter.'];
    const beads = align(zh, en, { lexicon });
    for (const b of beads) {
      expect(b.confidence).toBeGreaterThanOrEqual(0);
      expect(b.confidence).toBeLessThanOrEqual(1);
    }
    const clear = beads.find((b) => b.zh.includes(0) && b.en.includes(0))!;
    const other = beads.filter((b) => b !== clear);
    expect(Math.max(...other.map((b) => b.confidence))).toBeLessThan(clear.confidence);
  });
});
