// Real text from the sample (samples/shanghai-fyp) for API tests.
import { readFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const dir = fileURLToPath(new URL('../../samples/shanghai-fyp/', import.meta.url));

export const SAMPLE_SOURCE = readFileSync(dir + 'source.zh.txt', 'utf8');
export const SAMPLE_DRAFT = existsSync(dir + 'draft.en.txt') ? readFileSync(dir + 'draft.en.txt', 'utf8') : '';

/** A short excerpt: the title, one heading and its paragraph, with their English. */
export const EXCERPT_ZH = `上海市国民经济和社会发展第十五个五年规划纲要

3. 加快航运数字智能绿色转型

把握数字化、智能化、绿色化机遇，加快形成智慧高效、绿色低碳的航运发展新格局。`;

export const EXCERPT_EN = `Outline of the 15th Five-Year Plan for Economic and Social Development of Shanghai Municipality

3. Accelerating the Digital, Intelligent and Green Transformation of Shipping

We will seize the opportunities of digitalization, intelligentization and green development and accelerate the formation of a new pattern of smart, efficient, green and low-carbon shipping development.`;

/** The sample source and draft repeated `times` times (about 245 segments each), for load and crash tests. */
export function repeatedSample(times: number): { source: string; draft: string } {
  return {
    source: Array.from({ length: times }, () => SAMPLE_SOURCE.trim()).join('\n\n'),
    draft: Array.from({ length: times }, () => SAMPLE_DRAFT.trim()).join('\n\n'),
  };
}
