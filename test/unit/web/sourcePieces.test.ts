import { describe, expect, it } from 'vitest';
import { sourcePieces, termTooltip } from '../../../web/composables/sourcePieces.ts';
import { highlight } from '../../../glossary/match.ts';
import { INDEX } from './fixtures.ts';

// Sentences of the sample source (samples/shanghai-fyp/source.zh.txt).
const CASES: [string, string[]][] = [
  ['以科技创新引领新质生产力发展，产出更多原创性、引领性、标志性成果。', ['科技创新', '新质生产力']],
  ['深化基础研究先行区建设，发挥战略科学家引领作用。', ['基础研究']],
  ['携手苏浙皖持续巩固提升长三角一体化发展水平。', ['长三角一体化发展']],
];

describe('the source cell marks glossary terms', () => {
  it.each(CASES)('%s marks %j and glues back to the source', (source, terms) => {
    const pieces = sourcePieces(source, highlight(INDEX, source));
    expect(pieces.map((p) => p.text).join('')).toBe(source);
    for (const t of terms) expect(pieces.filter((p) => p.term).map((p) => p.text)).toContain(t);
    for (const p of pieces) expect(source.slice(p.start, p.start + p.text.length)).toBe(p.text);
  });

  it('flags a term a QA error points at', () => {
    const source = '以科技创新引领新质生产力发展。';
    const pieces = sourcePieces(source, highlight(INDEX, source), [{ start: 7, end: 12 }]);
    expect(pieces.find((p) => p.text === '新质生产力')?.flagged).toBe(true);
    expect(pieces.find((p) => p.text === '科技创新')?.flagged).toBeUndefined();
  });

  it('ignores spans outside the source instead of cutting it wrongly', () => {
    const [span] = highlight(INDEX, '新质生产力');
    expect(sourcePieces('新质', [span]).map((p) => p.text)).toEqual(['新质']);
  });

  it('tells the approved rendering and the forbidden ones on hover', () => {
    const [span] = highlight(INDEX, '新质生产力');
    const tip = termTooltip(span);
    expect(tip).toMatch(/^新质生产力 → new quality productive forces/);
    expect(tip).toMatch(/never: .*new productive forces/);
  });
});
