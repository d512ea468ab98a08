// The sample as an approved bilingual document: the source segmented with segmentSource, the draft
// split with splitEnglish, paired bead by bead through the hand-checked gold alignment
// (samples/shanghai-fyp/gold.align, `[zh ids]:[en ids]` per line). Each bead with text on both sides
// is one translation unit; the format and TM tests use it. The peers tests do not: they feed real CAT
// tools the TMX the server exports (test/peers/export.ts).
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { segmentSource } from '../../segments/segment.ts';
import { splitEnglish } from '../../segments/english.ts';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const sharedDir = path.resolve(repoRoot, '..', 'shared');
const sampleDir = path.join(repoRoot, 'samples', 'shanghai-fyp');

export interface SampleUnit {
  source: string;
  target: string;
  section: string;
  zh: number[];
  en: number[];
}

export function parseGold(text: string): { zh: number[]; en: number[] }[] {
  return text
    .split('\n')
    .map((line, i) => ({ line: line.trim(), i }))
    .filter(({ line }) => line !== '')
    .map(({ line, i }) => {
      const m = line.match(/^\[([\d,\s]*)\]:\[([\d,\s]*)\]$/);
      if (!m) throw new Error(`gold.align line ${i + 1}: expected [zh ids]:[en ids], got ${JSON.stringify(line)}`);
      const ids = (s: string) => (s.trim() === '' ? [] : s.split(',').map((n) => Number(n.trim())));
      return { zh: ids(m[1]), en: ids(m[2]) };
    });
}

export function sampleUnits(): SampleUnit[] {
  const { segments } = segmentSource(readFileSync(path.join(sampleDir, 'source.zh.txt'), 'utf8'));
  const english = splitEnglish(readFileSync(path.join(sampleDir, 'draft.en.txt'), 'utf8'));
  const beads = parseGold(readFileSync(path.join(sampleDir, 'gold.align'), 'utf8'));
  return beads
    .filter((b) => b.zh.length > 0 && b.en.length > 0)
    .map((b) => {
      for (const i of b.zh) if (!segments[i]) throw new Error(`gold.align names zh segment ${i}, the source has ${segments.length}`);
      for (const i of b.en) if (english[i] === undefined) throw new Error(`gold.align names en sentence ${i}, the draft has ${english.length}`);
      return {
        source: b.zh.map((i) => segments[i].text).join(''),
        target: b.en.map((i) => english[i]).join(' '),
        section: segments[b.zh[0]].section,
        zh: b.zh,
        en: b.en,
      };
    });
}

/**
 * Whether to run a peer test: always under CI=true (a missing tool then fails the test, it never
 * skips); elsewhere only when the probe succeeds (default: the command is on PATH), with a message
 * naming the apt package when it does not.
 */
export function runPeer(command: string, aptPackage: string, probe: string[] = ['sh', '-c', `command -v ${command}`]): boolean {
  if (process.env.CI === 'true') return true;
  const found = spawnSync(probe[0], probe.slice(1), { stdio: 'ignore', timeout: 60_000 }).status === 0;
  if (!found) console.warn(`skipping the ${command} peer test: it is not installed (apt-get install ${aptPackage})`);
  return found;
}
