// The sample's draft and gold alignment are generated from the hand-checked blocks in
// samples/shanghai-fyp/work/; these tests keep the three in step with the segmenter, the English
// splitter and the aligner.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { draftFromBlocks, goldFromBlocks } from '../../../samples/blocks.ts';
import { readSampleBlocks } from '../../../samples/build-sample.ts';
import { segmentSource } from '../../../segments/segment.ts';
import { splitEnglish } from '../../../segments/english.ts';
import { align } from '../../../segments/align/index.ts';
import { loadLexicon } from '../../../segments/align/lexicon-loader.ts';
import { countBeads, parseBeads, scores } from '../../../segments/align/metrics.ts';

const dir = new URL('../../../samples/shanghai-fyp/', import.meta.url);
const read = (name: string) => readFileSync(new URL(name, dir), 'utf8');

const blocks = readSampleBlocks();
const source = read('source.zh.txt');
const draft = read('draft.en.txt');
const gold = parseBeads(read('gold.align'), 'gold.align');

describe('the Shanghai FYP sample', () => {
  it('is the seed text exactly as given', () => {
    expect(source).toBe(readFileSync(new URL('../../../../shared/seed/shanghai-15th-fyp-excerpt.zh.txt', import.meta.url), 'utf8'));
  });

  it('has draft.en.txt and gold.align regenerated from the blocks', () => {
    expect(draft).toBe(draftFromBlocks(blocks));
    expect(read('gold.align')).toBe(goldFromBlocks(blocks));
  });

  it('cuts the Chinese exactly as the blocks do, segment for segment', () => {
    const segments = segmentSource(source, { granularity: 'sentence' }).segments.map((s) => s.text);
    expect(segments).toEqual(blocks.flatMap((b) => b.zh));
  });

  it('splits the English draft exactly as the blocks do, sentence for sentence', () => {
    expect(splitEnglish(draft)).toEqual(blocks.flatMap((b) => b.en));
  });

  describe('aligned from scratch', () => {
    let test: { zh: number[]; en: number[] }[];
    beforeAll(async () => {
      const lexicon = await loadLexicon();
      const zh = segmentSource(source).segments.map((s) => s.text);
      test = align(zh, splitEnglish(draft), { lexicon });
    });

    it('reaches at least 0.95 strict F1 against the gold alignment', () => {
      const s = scores(countBeads(gold, test));
      expect(s.strict.f1).toBeGreaterThanOrEqual(0.95);
    });
  });
});
