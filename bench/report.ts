// Shared printing for benchmarks: one row per figure, with its target and PASS/FAIL.
export interface Figure {
  name: string;
  value: number;
  unit: string;
  /** The target as a predicate plus its description, e.g. { text: '< 1000 ms', ok: v => v < 1000 }. */
  target?: { text: string; ok: (value: number) => boolean };
}

export function printFigures(title: string, figures: Figure[]): boolean {
  let allOk = true;
  process.stdout.write(`${title}\n`);
  for (const f of figures) {
    const ok = f.target ? f.target.ok(f.value) : undefined;
    if (ok === false) allOk = false;
    const value = Number.isInteger(f.value) ? f.value.toString() : f.value.toFixed(f.value < 10 ? 3 : 1);
    const verdict = ok === undefined ? '' : ok ? 'PASS' : 'FAIL';
    process.stdout.write(`  ${f.name.padEnd(48)} ${`${value} ${f.unit}`.padStart(18)}  ${(f.target?.text ?? '').padEnd(14)} ${verdict}\n`);
  }
  return allOk;
}

/** Peak resident set size of this process so far, in MB. */
export function peakRssMb(): number {
  return process.resourceUsage().maxRSS / 1024;
}
