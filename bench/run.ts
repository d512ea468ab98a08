// `npm run bench`: runs every bench/*.bench.ts in a process of its own (so peak-memory figures are
// per benchmark) and prints their figures. `npm run bench -- segment align` runs only those.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const only = process.argv.slice(2);
const benches = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts') && !f.startsWith('.'))
  .sort()
  .filter((f) => only.length === 0 || only.some((name) => f.startsWith(name)));

const failed: string[] = [];
for (const file of benches) {
  process.stdout.write(`\n=== ${file} ===\n`);
  const result = spawnSync(process.execPath, ['--import', 'tsx', join(here, file)], { stdio: 'inherit' });
  if (result.status !== 0) failed.push(`${file} (exit ${result.status ?? result.signal})`);
}
process.stdout.write(`\n${benches.length - failed.length} of ${benches.length} benchmarks ran cleanly${failed.length ? `; failed: ${failed.join(', ')}` : ''}\n`);
process.exitCode = failed.length ? 1 : 0;
