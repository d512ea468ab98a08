// Alignment file format and scores. The beads format is MAC's and Vecalign's: one bead a line,
// `[zh ids]:[en ids]`, 0-based. Strict and lax precision/recall follow Vecalign's score.py
// (Thompson & Koehn 2019, also used by Bertalign): precision over all test beads, recall over gold
// beads with both sides non-empty; strict = identical bead, lax = overlapping on both sides.
// Bead-exact P/R/F1 counts identical beads over all beads on both sides, null beads included.

export interface BeadPair {
  zh: number[];
  en: number[];
}

export function formatBeads(beads: BeadPair[]): string {
  return beads.map((b) => `[${b.zh.join(',')}]:[${b.en.join(',')}]`).join('\n') + (beads.length ? '\n' : '');
}

const LINE = /^\[([0-9,\s]*)\]\s*:\s*\[([0-9,\s]*)\]$/;

/** Parses the beads format; `name` is used in errors, which name the line. */
export function parseBeads(text: string, name = 'beads'): BeadPair[] {
  const out: BeadPair[] = [];
  text.split(/\r?\n/).forEach((raw, k) => {
    const line = raw.trim();
    if (!line) return;
    const m = LINE.exec(line);
    if (!m) throw new Error(`${name}: line ${k + 1}: expected [zh ids]:[en ids], found '${line.slice(0, 60)}'`);
    const ids = (s: string) => (s.trim() ? s.split(',').map((x) => Number(x.trim())) : []);
    out.push({ zh: ids(m[1]), en: ids(m[2]) });
  });
  return out;
}

export interface Counts {
  /** [strict true positives, strict false positives, lax true positives, lax false positives] */
  precision: [number, number, number, number];
  recall: [number, number, number, number];
  /** Identical beads, all test beads, all gold beads. */
  exact: [number, number, number];
}

const key = (b: BeadPair) => `${b.zh.join(',')}:${b.en.join(',')}`;

function precisionCounts(gold: BeadPair[], test: BeadPair[]): [number, number, number, number] {
  const goldSet = new Set(gold.filter((b) => b.zh.length || b.en.length).map(key));
  const goldTargets = new Map<number, Set<number>>();
  for (const g of gold) {
    for (const s of g.zh) {
      let set = goldTargets.get(s);
      if (!set) goldTargets.set(s, (set = new Set()));
      for (const t of g.en) set.add(t);
    }
  }
  let tpS = 0;
  let fpS = 0;
  let tpL = 0;
  let fpL = 0;
  const seen = new Set<string>();
  for (const b of test) {
    if (!b.zh.length && !b.en.length) continue;
    const k = key(b);
    if (seen.has(k)) continue;
    seen.add(k);
    if (goldSet.has(k)) {
      tpS++;
      tpL++;
      continue;
    }
    fpS++;
    const targets = new Set<number>();
    for (const s of b.zh) for (const t of goldTargets.get(s) ?? []) targets.add(t);
    if (b.en.some((t) => targets.has(t))) tpL++;
    else fpL++;
  }
  return [tpS, fpS, tpL, fpL];
}

export function countBeads(gold: BeadPair[], test: BeadPair[]): Counts {
  const nonNull = (bs: BeadPair[]) => bs.filter((b) => b.zh.length && b.en.length);
  const goldKeys = new Set(gold.map(key));
  const exact = test.filter((b) => goldKeys.has(key(b))).length;
  return {
    precision: precisionCounts(gold, test),
    // Recall is precision with the roles swapped and null beads dropped, as in Vecalign.
    recall: precisionCounts(nonNull(test), nonNull(gold)),
    exact: [exact, test.length, gold.length],
  };
}

export function addCounts(a: Counts, b: Counts): Counts {
  const add = <T extends number[]>(x: T, y: T) => x.map((v, k) => v + y[k]) as T;
  return { precision: add(a.precision, b.precision), recall: add(a.recall, b.recall), exact: add(a.exact, b.exact) };
}

export interface Scores {
  strict: { p: number; r: number; f1: number };
  lax: { p: number; r: number; f1: number };
  exact: { p: number; r: number; f1: number };
}

const div = (a: number, b: number) => (b === 0 ? 0 : a / b);
const f1 = (p: number, r: number) => (p + r === 0 ? 0 : (2 * p * r) / (p + r));

export function scores(c: Counts): Scores {
  const sp = div(c.precision[0], c.precision[0] + c.precision[1]);
  const sr = div(c.recall[0], c.recall[0] + c.recall[1]);
  const lp = div(c.precision[2], c.precision[2] + c.precision[3]);
  const lr = div(c.recall[2], c.recall[2] + c.recall[3]);
  const ep = div(c.exact[0], c.exact[1]);
  const er = div(c.exact[0], c.exact[2]);
  return {
    strict: { p: sp, r: sr, f1: f1(sp, sr) },
    lax: { p: lp, r: lr, f1: f1(lp, lr) },
    exact: { p: ep, r: er, f1: f1(ep, er) },
  };
}
