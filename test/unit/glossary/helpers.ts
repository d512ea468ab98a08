// The small policy glossary of test/fixtures/glossary, loaded once for the glossary tests.
import { fileURLToPath } from 'node:url';
import { loadGlossaryFile } from '../../../glossary/loader.ts';
import { buildTermIndex } from '../../../glossary/match.ts';
import type { TermEntry } from '../../../glossary/model.ts';

export const FIXTURES = fileURLToPath(new URL('../../fixtures/glossary/', import.meta.url));
export const POLICY = loadGlossaryFile(FIXTURES + 'policy.csv');
export const INDEX = buildTermIndex(POLICY);

export function entry(zh: string): TermEntry {
  const e = POLICY.find((x) => x.zh === zh);
  if (!e) throw new Error(`no test entry for ${zh}`);
  return e;
}
