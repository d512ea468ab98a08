// The shipped glossary and its term index, loaded once for the web unit tests. Resolved from the
// repository root (vitest's root) because under happy-dom import.meta.url is not a file URL.
import { resolve } from 'node:path';
import { loadGlossaryFile } from '../../../glossary/loader.ts';
import { buildTermIndex } from '../../../glossary/match.ts';

export const GLOSSARY = loadGlossaryFile(resolve(process.cwd(), 'glossary/data/shanghai-fyp.tbx'));
export const INDEX = buildTermIndex(GLOSSARY);
