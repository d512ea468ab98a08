import { describe, expect, it } from 'vitest';
import { estimateRowHeight, metricsFor } from '../../../web/composables/rowEstimate.ts';

// Rows of the sample at the editor's usual width (1440 px window minus the side panel).
const metrics = metricsFor(1020);
const HEADING = { source: '3. 加快航运数字智能绿色转型', target: '', warnings: [] };
const BODY = {
  source:
    '完善国际集装箱运输服务平台功能，推动电子提单、电子放货等应用场景扩容放量，建设多式联运可信数据互联互通应用场景，提升港口全域数字化服务能级。',
  target:
    'We will improve the functions of the international container transport service platform, expand the use of application scenarios such as electronic bills of lading and electronic cargo release, build application scenarios for the trusted interconnection of multimodal transport data, and upgrade digital services across the port.',
  warnings: [],
};

describe('guessing row heights from text', () => {
  it('gives a short heading the minimum height and a long paragraph several lines', () => {
    const heading = estimateRowHeight(HEADING, metrics);
    const body = estimateRowHeight(BODY, metrics);
    expect(heading).toBe(Math.round(metrics.minHeight + metrics.chrome));
    expect(body).toBeGreaterThan(heading * 1.5);
  });

  it('takes the taller of the two columns, and adds a line per source warning', () => {
    const englishOnly = estimateRowHeight({ ...HEADING, target: BODY.target }, metrics);
    expect(englishOnly).toBe(Math.round(Math.ceil(BODY.target.length / metrics.enPerLine) * metrics.enLineHeight + metrics.chrome));
    const warned = estimateRowHeight({ ...BODY, target: '', warnings: [{ code: 'latin-in-cjk', message: 'Latin “and” in Chinese text', rawStart: 0, rawEnd: 3, excerpt: 'and' }] }, metrics);
    expect(warned - estimateRowHeight({ ...BODY, target: '' }, metrics)).toBe(Math.round(metrics.enLineHeight));
  });

  it('fits fewer characters per line in a narrower window', () => {
    expect(metricsFor(700).zhPerLine).toBeLessThan(metrics.zhPerLine);
    expect(estimateRowHeight(BODY, metricsFor(700))).toBeGreaterThan(estimateRowHeight(BODY, metrics));
  });
});
