// vitest globalSetup: compiles the CC-CEDICT lexicon cache once before the workers start, so that
// test files only load the compiled file (loadLexicon) instead of racing to compile it.
import { ensureLexicon } from '../segments/align/lexicon-loader.ts';

export default async function setup(): Promise<void> {
  await ensureLexicon();
}
