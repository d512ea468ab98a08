// Banded dynamic programming over bead sequences (Gale & Church 1993, with the band of Moore 2002 /
// hunalign): cell (i, j) means i Chinese and j English sentences consumed; only cells within W of a
// centre line are filled. Bead cost = lexical cost × bead size + length cost + shape penalty, where
// the lexical cost is 1 − (idf-weighted share of words that find a translation inside the bead) and
// the length cost is Gale–Church's −log P(δ) with a per-document ratio and a loose variance.
import { coverageAt, computeCoverage, MAX_SPAN } from './evidence.ts';
import type { Coverage, DocEvidence } from './evidence.ts';

export interface SearchParams {
  /** Weight of the lexical cost per sentence in the bead. */
  lexWeight: number;
  /** Weight of the Gale–Church length cost. */
  lengthWeight: number;
  /** Variance of English characters per (ratio-scaled) Chinese character. */
  variance: number;
  /** English characters per Chinese character for this document. */
  ratio: number;
  /** Penalty of each bead shape, keyed "a-b". */
  shapePenalty: Record<string, number>;
}

export const SHAPES: [number, number][] = [
  [1, 1], [1, 2], [2, 1], [1, 3], [3, 1], [2, 2], [1, 4], [4, 1], [2, 3], [3, 2], [1, 5], [5, 1], [1, 0], [0, 1],
];

export interface RawBead {
  zhStart: number;
  zhEnd: number;
  enStart: number;
  enEnd: number;
  cost: number;
  sim: number;
  lengthCost: number;
}

export interface SearchResult {
  beads: RawBead[];
  /** True when the best path came within reach of the band's edge (so a wider band might do better). */
  touchedEdge: boolean;
}

/** −log of the two-sided normal tail probability 2(1 − Φ(|z|)), via the Abramowitz–Stegun erfc fit. */
export function twoSidedTailCost(z: number): number {
  const x = Math.abs(z) / Math.SQRT2;
  const t = 1 / (1 + 0.5 * x);
  const erfc =
    t *
    Math.exp(
      -x * x - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  return -Math.log(Math.max(erfc, 1e-300));
}

export interface BeadScorer {
  zhCov: Coverage;
  enCov: Coverage;
  cost(zhStart: number, enStart: number, a: number, b: number): number;
  sim(zhStart: number, enStart: number, a: number, b: number): number;
  lengthCost(zhStart: number, enStart: number, a: number, b: number): number;
}

/** Coverage windows for a band of half-width W around `centre` (centre[i] = English position at row i). */
export function makeScorer(ev: DocEvidence, centre: Int32Array, W: number, p: SearchParams): BeadScorer {
  const { n, m } = ev;
  // A zh sentence s is inside beads ending at rows s+1 … s+MAX_SPAN; their English starts lie in
  // [centre − W − MAX_SPAN, centre + W].
  const zlo = new Int32Array(n);
  const zhi = new Int32Array(n);
  for (let s = 0; s < n; s++) {
    let lo = Infinity;
    let hi = -Infinity;
    for (let i = s + 1; i <= Math.min(n, s + MAX_SPAN); i++) {
      lo = Math.min(lo, centre[i] - W - MAX_SPAN);
      hi = Math.max(hi, centre[i] + W);
    }
    zlo[s] = Math.max(0, lo);
    zhi[s] = Math.min(m - 1, hi);
  }
  // An en sentence t lies in beads ending at columns t+1 … t+MAX_SPAN of rows whose band holds them;
  // their Chinese starts lie in [row − MAX_SPAN, row].
  const elo = new Int32Array(m).fill(n);
  const ehi = new Int32Array(m).fill(-1);
  for (let i = 0; i <= n; i++) {
    const from = Math.max(0, centre[i] - W - MAX_SPAN);
    const to = Math.min(m - 1, centre[i] + W - 1);
    for (let t = from; t <= to; t++) {
      if (i - MAX_SPAN < elo[t]) elo[t] = Math.max(0, i - MAX_SPAN);
      if (i > ehi[t]) ehi[t] = Math.min(n - 1, i);
    }
  }
  const zhCov = computeCoverage(ev.zhTok, ev.zhW, ev.zhTrans, ev.enPost, m, zlo, zhi);
  const enCov = computeCoverage(ev.enTok, ev.enW, ev.enTrans, ev.zhPost, n, elo, ehi);
  const { zhTotPrefix, enTotPrefix, zhLenPrefix, enLenPrefix } = ev;
  const sim = (zs: number, es: number, a: number, b: number): number => {
    const total = zhTotPrefix[zs + a] - zhTotPrefix[zs] + enTotPrefix[es + b] - enTotPrefix[es];
    if (total <= 0) return 0;
    let matched = 0;
    for (let s = zs; s < zs + a; s++) matched += coverageAt(zhCov, s, es, b);
    for (let t = es; t < es + b; t++) matched += coverageAt(enCov, t, zs, a);
    return Math.min(1, matched / total);
  };
  const lengthCost = (zs: number, es: number, a: number, b: number): number => {
    const x = (zhLenPrefix[zs + a] - zhLenPrefix[zs]) * p.ratio;
    const y = enLenPrefix[es + b] - enLenPrefix[es];
    const z = (y - x) / Math.sqrt(p.variance * Math.max(1, (x + y) / 2));
    return twoSidedTailCost(z);
  };
  const penalties = new Map<number, number>();
  for (const [a, b] of SHAPES) penalties.set(a * 8 + b, p.shapePenalty[`${a}-${b}`] ?? 10);
  const cost = (zs: number, es: number, a: number, b: number): number => {
    const pen = penalties.get(a * 8 + b)!;
    // Scaling by bead size keeps merging from paying by itself: every sentence pays for the share
    // of words left without a translation in its bead, whatever the bead's shape.
    if (a === 0 || b === 0) return pen + p.lexWeight * (a + b);
    return p.lexWeight * (1 - sim(zs, es, a, b)) * (a + b) + p.lengthWeight * lengthCost(zs, es, a, b) + pen;
  };
  return { zhCov, enCov, cost, sim, lengthCost };
}

/** Best bead path within the band; `centre` has n+1 entries, centre[0] = 0 and centre[n] = m. */
export function bandedSearch(ev: DocEvidence, scorer: BeadScorer, centre: Int32Array, W: number): SearchResult {
  const { n, m } = ev;
  const rowLo = new Int32Array(n + 1);
  const rowHi = new Int32Array(n + 1);
  const offset = new Int32Array(n + 2);
  for (let i = 0; i <= n; i++) {
    rowLo[i] = Math.max(0, centre[i] - W);
    rowHi[i] = Math.min(m, centre[i] + W);
  }
  // The corners must be reachable whatever the centre says.
  rowLo[0] = 0;
  rowHi[n] = m;
  for (let i = 0; i <= n; i++) offset[i + 1] = offset[i] + Math.max(0, rowHi[i] - rowLo[i] + 1);
  const D = new Float64Array(offset[n + 1]).fill(Infinity);
  const back = new Uint8Array(offset[n + 1]).fill(255);
  D[0] = 0;
  const shapeCount = SHAPES.length;
  for (let i = 0; i <= n; i++) {
    for (let j = rowLo[i]; j <= rowHi[i]; j++) {
      if (i === 0 && j === 0) continue;
      let best = Infinity;
      let arg = 255;
      for (let k = 0; k < shapeCount; k++) {
        const a = SHAPES[k][0];
        const b = SHAPES[k][1];
        const pi = i - a;
        const pj = j - b;
        if (pi < 0 || pj < 0 || pj < rowLo[pi] || pj > rowHi[pi]) continue;
        const prev = D[offset[pi] + pj - rowLo[pi]];
        if (prev === Infinity) continue;
        const c = prev + scorer.cost(pi, pj, a, b);
        if (c < best) {
          best = c;
          arg = k;
        }
      }
      const cell = offset[i] + j - rowLo[i];
      D[cell] = best;
      back[cell] = arg;
    }
  }
  const beads: RawBead[] = [];
  let i = n;
  let j = m;
  let touchedEdge = false;
  if (D[offset[n] + m - rowLo[n]] === Infinity) return { beads: [], touchedEdge: true };
  while (i > 0 || j > 0) {
    if ((j - rowLo[i] <= 1 && rowLo[i] > 0) || (rowHi[i] - j <= 1 && rowHi[i] < m)) touchedEdge = true;
    const k = back[offset[i] + j - rowLo[i]];
    const [a, b] = SHAPES[k];
    const zs = i - a;
    const es = j - b;
    const isSkip = a === 0 || b === 0;
    beads.push({
      zhStart: zs,
      zhEnd: i,
      enStart: es,
      enEnd: j,
      cost: scorer.cost(zs, es, a, b),
      sim: isSkip ? 0 : scorer.sim(zs, es, a, b),
      lengthCost: isSkip ? 0 : scorer.lengthCost(zs, es, a, b),
    });
    i = zs;
    j = es;
  }
  beads.reverse();
  return { beads, touchedEdge };
}
