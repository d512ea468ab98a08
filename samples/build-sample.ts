// Regenerates samples/shanghai-fyp/{draft.en.txt,gold.align} from the hand-checked blocks in
// samples/shanghai-fyp/work/*.blocks: `npx tsx samples/build-sample.ts`.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { draftFromBlocks, goldFromBlocks, parseBlocks } from './blocks.ts';

const dir = join(dirname(fileURLToPath(import.meta.url)), 'shanghai-fyp');
export function readSampleBlocks() {
  const files = readdirSync(join(dir, 'work')).filter((f) => f.endsWith('.blocks')).sort();
  return files.flatMap((f) => parseBlocks(readFileSync(join(dir, 'work', f), 'utf8')));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const blocks = readSampleBlocks();
  writeFileSync(join(dir, 'draft.en.txt'), draftFromBlocks(blocks));
  writeFileSync(join(dir, 'gold.align'), goldFromBlocks(blocks));
  const zh = blocks.reduce((n, b) => n + b.zh.length, 0);
  const en = blocks.reduce((n, b) => n + b.en.length, 0);
  process.stdout.write(`${blocks.length} beads, ${zh} zh segments, ${en} en sentences\n`);
}
