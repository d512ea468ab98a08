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
  /** Prior strength (idf units) pulling a sentence's own score towards its bead's; Infinity = pooled only. */
  shrink?: number;
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
  /** Rows where the best path came within reach of the band's edge (a wider band might do better there). */
  touchedRows: number[];
}

/** Cells (i, j) searched: lo[i] ≤ j ≤ hi[i] for each row i = 0 … n. */
export interface Band {
  lo: Int32Array;
  hi: Int32Array;
}

/** The band of half-width width[i] around centre[i]; the corners are always inside. */
export function makeBand(centre: Int32Array, width: Int32Array | number, m: number): Band {
  const n = centre.length - 1;
  const lo = new Int32Array(n + 1);
  const hi = new Int32Array(n + 1);
  for (let i = 0; i <= n; i++) {
    const w = typeof width === 'number' ? width : width[i];
    lo[i] = Math.max(0, Math.min(m, centre[i] - w));
    hi[i] = Math.min(m, Math.max(0, centre[i] + w));
  }
  lo[0] = 0;
  hi[n] = m;
  // Consecutive rows must overlap, or no path could cross where the centre jumps (a coarse 0–1 bead).
  for (let i = n; i >= 1; i--) if (hi[i - 1] < lo[i]) hi[i - 1] = lo[i];
  for (let i = 1; i <= n; i++) if (lo[i] > hi[i - 1]) lo[i] = hi[i - 1];
  return { lo, hi };
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

// The tail cost is looked up in steps of 0.01 of |z|: the search asks for it millions of times.
const TAIL_STEP = 100;
const TAIL_MAX = 20;
const TAIL = Float64Array.from({ length: TAIL_MAX * TAIL_STEP + 1 }, (_, k) => twoSidedTailCost(k / TAIL_STEP));

function tailCost(z: number): number {
  const x = Math.abs(z) * TAIL_STEP;
  return x < TAIL.length - 1 ? TAIL[Math.round(x)] : twoSidedTailCost(z);
}

const SHAPE_A = Int32Array.from(SHAPES, (s) => s[0]);
const SHAPE_B = Int32Array.from(SHAPES, (s) => s[1]);

export interface BeadScorer {
  zhCov: Coverage;
  enCov: Coverage;
  /** Cost of the bead of shape SHAPES[k] starting at (zhStart, enStart). */
  cost(k: number, zhStart: number, enStart: number): number;
  /** Shape penalties by shape index: a lower bound of each shape's cost. */
  penalties: Float64Array;
  /** The same, or Infinity as soon as it is known to reach `budget` (the lexical part is never negative). */
  boundedCost(k: number, zhStart: number, enStart: number, budget: number): number;
  sim(zhStart: number, enStart: number, a: number, b: number): number;
  lengthCost(zhStart: number, enStart: number, a: number, b: number): number;
}

/** Bead costs for the beads that fit in `band`, with coverage computed for just those. */
export function makeScorer(ev: DocEvidence, band: Band, p: SearchParams): BeadScorer {
  const { n, m } = ev;
  // A zh sentence s is inside beads ending at rows s+1 … s+MAX_SPAN; their English starts lie in
  // [lo − MAX_SPAN, hi] of those rows.
  const zlo = new Int32Array(n);
  const zhi = new Int32Array(n);
  for (let s = 0; s < n; s++) {
    let lo = Infinity;
    let hi = -Infinity;
    for (let i = s + 1; i <= Math.min(n, s + MAX_SPAN); i++) {
      lo = Math.min(lo, band.lo[i] - MAX_SPAN);
      hi = Math.max(hi, band.hi[i]);
    }
    zlo[s] = Math.max(0, lo);
    zhi[s] = Math.min(m - 1, hi);
  }
  // An en sentence t lies in beads ending at columns t+1 … t+MAX_SPAN of rows whose band holds them;
  // their Chinese starts lie in [row − MAX_SPAN, row].
  const elo = new Int32Array(m).fill(n);
  const ehi = new Int32Array(m).fill(-1);
  for (let i = 0; i <= n; i++) {
    const from = Math.max(0, band.lo[i] - MAX_SPAN);
    const to = Math.min(m - 1, band.hi[i] - 1);
    for (let t = from; t <= to; t++) {
      if (i - MAX_SPAN < elo[t]) elo[t] = Math.max(0, i - MAX_SPAN);
      if (i > ehi[t]) ehi[t] = Math.min(n - 1, i);
    }
  }
  const zhCov = computeCoverage(ev.zhTok, ev.zhW, ev.zhTrans, ev.enTok, ev.enTrans.length, zlo, zhi);
  const enCov = computeCoverage(ev.enTok, ev.enW, ev.enTrans, ev.zhTok, ev.zhTrans.length, elo, ehi);
  const { zhTotPrefix, enTotPrefix, zhLenPrefix, enLenPrefix } = ev;
  const sim = (zs: number, es: number, a: number, b: number): number => {
    const total = zhTotPrefix[zs + a] - zhTotPrefix[zs] + enTotPrefix[es + b] - enTotPrefix[es];
    if (total <= 0) return 0;
    let matched = 0;
    for (let s = zs; s < zs + a; s++) matched += coverageAt(zhCov, s, es, b);
    for (let t = es; t < es + b; t++) matched += coverageAt(enCov, t, zs, a);
    return Math.min(1, matched / total);
  };
  // Each sentence pays for its own untranslated share, shrunk towards the bead's pooled share by
  // a prior of `shrink` idf units: a sentence with little dictionary evidence inherits its bead's
  // score, but a substantial sentence with no translation in the bead cannot hide in a good bead.
  const shrink = p.shrink ?? Infinity;
  const zoff = zhCov.offset;
  const zdata = zhCov.data;
  const eoff = enCov.offset;
  const edata = enCov.data;
  const ownZh = new Float64Array(MAX_SPAN);
  const ownEn = new Float64Array(MAX_SPAN);
  const lexicalCost = (zs: number, es: number, a: number, b: number): number => {
    const total = zhTotPrefix[zs + a] - zhTotPrefix[zs] + enTotPrefix[es + b] - enTotPrefix[es];
    if (total <= 0) return p.lexWeight * (a + b);
    let matched = 0;
    for (let k = 0; k < a; k++) {
      const s = zs + k;
      const c = es < zlo[s] || es > zhi[s] ? 0 : zdata[zoff[s] + (es - zlo[s]) * MAX_SPAN + b - 1];
      ownZh[k] = c;
      matched += c;
    }
    for (let k = 0; k < b; k++) {
      const t = es + k;
      const c = zs < elo[t] || zs > ehi[t] ? 0 : edata[eoff[t] + (zs - elo[t]) * MAX_SPAN + a - 1];
      ownEn[k] = c;
      matched += c;
    }
    const pooled = Math.min(1, matched / total);
    if (shrink === Infinity || a + b === 2) return p.lexWeight * (1 - pooled) * (a + b);
    let cost = 0;
    for (let k = 0; k < a; k++) {
      const own = zhTotPrefix[zs + k + 1] - zhTotPrefix[zs + k];
      cost += 1 - Math.min(1, (ownZh[k] + shrink * pooled) / (own + shrink));
    }
    for (let k = 0; k < b; k++) {
      const own = enTotPrefix[es + k + 1] - enTotPrefix[es + k];
      cost += 1 - Math.min(1, (ownEn[k] + shrink * pooled) / (own + shrink));
    }
    return p.lexWeight * cost;
  };
  const lengthCost = (zs: number, es: number, a: number, b: number): number => {
    const x = (zhLenPrefix[zs + a] - zhLenPrefix[zs]) * p.ratio;
    const y = enLenPrefix[es + b] - enLenPrefix[es];
    const z = (y - x) / Math.sqrt(p.variance * Math.max(1, (x + y) / 2));
    return tailCost(z);
  };
  const penalties = Float64Array.from(SHAPES, ([a, b]) => p.shapePenalty[`${a}-${b}`] ?? 10);
  const cost = (k: number, zs: number, es: number): number => {
    const a = SHAPE_A[k];
    const b = SHAPE_B[k];
    const pen = penalties[k];
    // Scaling by bead size keeps merging from paying by itself: every sentence pays for the share
    // of words left without a translation in its bead, whatever the bead's shape.
    if (a === 0 || b === 0) return pen + p.lexWeight * (a + b);
    return lexicalCost(zs, es, a, b) + p.lengthWeight * lengthCost(zs, es, a, b) + pen;
  };
  const boundedCost = (k: number, zs: number, es: number, budget: number): number => {
    const a = SHAPE_A[k];
    const b = SHAPE_B[k];
    if (a === 0 || b === 0) return penalties[k] + p.lexWeight * (a + b);
    const fixed = penalties[k] + p.lengthWeight * lengthCost(zs, es, a, b);
    if (fixed >= budget) return Infinity;
    return fixed + lexicalCost(zs, es, a, b);
  };
  return { zhCov, enCov, cost, boundedCost, sim, lengthCost, penalties };
}

/** Best bead path within the band. */
export function bandedSearch(ev: DocEvidence, scorer: BeadScorer, band: Band): SearchResult {
  const { n, m } = ev;
  const rowLo = band.lo;
  const rowHi = band.hi;
  const offset = new Int32Array(n + 2);
  for (let i = 0; i <= n; i++) offset[i + 1] = offset[i] + Math.max(0, rowHi[i] - rowLo[i] + 1);
  const D = new Float64Array(offset[n + 1]).fill(Infinity);
  const back = new Uint8Array(offset[n + 1]).fill(255);
  D[0] = 0;
  const shapeCount = SHAPES.length;
  const penalties = scorer.penalties;
  for (let i = 0; i <= n; i++) {
    for (let j = rowLo[i]; j <= rowHi[i]; j++) {
      if (i === 0 && j === 0) continue;
      let best = Infinity;
      let arg = 255;
      for (let k = 0; k < shapeCount; k++) {
        const a = SHAPE_A[k];
        const b = SHAPE_B[k];
        const pi = i - a;
        const pj = j - b;
        if (pi < 0 || pj < 0 || pj < rowLo[pi] || pj > rowHi[pi]) continue;
        const prev = D[offset[pi] + pj - rowLo[pi]];
        if (prev + penalties[k] >= best) continue;
        const c = prev + scorer.boundedCost(k, pi, pj, best - prev);
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
  const touchedRows: number[] = [];
  if (D[offset[n] + m - rowLo[n]] === Infinity) return { beads: [], touchedRows: [0, n] };
  while (i > 0 || j > 0) {
    if ((j - rowLo[i] <= 1 && rowLo[i] > 0) || (rowHi[i] - j <= 1 && rowHi[i] < m)) touchedRows.push(i);
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
      cost: scorer.cost(k, zs, es),
      sim: isSkip ? 0 : scorer.sim(zs, es, a, b),
      lengthCost: isSkip ? 0 : scorer.lengthCost(zs, es, a, b),
    });
    i = zs;
    j = es;
  }
  beads.reverse();
  return { beads, touchedRows };
}
