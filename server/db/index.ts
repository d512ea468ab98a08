// Opening the SQLite file and applying drizzle-kit's migrations. WAL lets readers proceed while a
// long import transaction writes; busy_timeout makes a second process (the CLI) wait rather than fail.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import type { BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import * as schema from './schema.ts';

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

export const MIGRATIONS_FOLDER = fileURLToPath(new URL('./migrations', import.meta.url));

export function openDatabase(file: string): Db {
  // A directory created here holds password and session hashes: owner-only.
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  const sqlite = new Database(file);
  sqlite.pragma('journal_mode = WAL');
  // FULL: a commit is on disk before it returns, so a save answered 200 survives a power failure too
  // (NORMAL survives only process crashes). The fsync per commit is shared by many saves through
  // group commit (server/save-queue.ts).
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  return drizzle(sqlite, { schema }) as Db;
}

export function migrateDatabase(db: Db): void {
  migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
}

export function closeDatabase(db: Db): void {
  if (db.$client.open) db.$client.close();
}

// Checkpoints copy the WAL back into the database file and fsync it: tens of milliseconds that,
// done by SQLite's automatic checkpoint inside whichever save crosses 1,000 pages, stall the event
// loop and every request behind it. A worker thread with its own connection checkpoints PASSIVE
// (never blocking readers or writers) every `intervalMs`; the main connection keeps an automatic
// checkpoint only as a backstop at 10,000 pages in case the worker is gone. Plain JS (eval) so the
// worker needs no TypeScript loader.
const CHECKPOINTER = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file);
db.pragma('busy_timeout = 5000');
const timer = setInterval(() => {
  try { db.pragma('wal_checkpoint(PASSIVE)'); } catch (error) { /* busy or closing: try again next tick */ }
}, workerData.intervalMs);
parentPort.on('message', () => { clearInterval(timer); db.close(); process.exit(0); });
`;

export interface Checkpointer {
  stop(): Promise<void>;
}

export function startCheckpointer(db: Db, file: string, intervalMs = 250): Checkpointer {
  db.$client.pragma('wal_autocheckpoint = 10000');
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(CHECKPOINTER, { eval: true, workerData: { file, driver, intervalMs } });
  worker.unref();
  worker.on('error', (error) => {
    console.error(`bitext: WAL checkpointer stopped (${error.message}); SQLite checkpoints automatically instead`);
    if (db.$client.open) db.$client.pragma('wal_autocheckpoint = 1000');
  });
  return {
    stop: () =>
      new Promise<void>((resolve) => {
        worker.once('exit', () => resolve());
        worker.postMessage('stop');
      }),
  };
}
