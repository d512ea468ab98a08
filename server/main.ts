// `npm start`: opens (or creates) the database, applies migrations, seeds an empty database with
// the first-run accounts and the sample project, and serves the API and editor on HOST:PORT.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { readEnv } from './env.ts';
import { closeDatabase, migrateDatabase, openDatabase, startCheckpointer } from './db/index.ts';
import { countUsers, deleteExpiredSessions } from './db/queries/users.ts';
import { createApp } from './app.ts';
import { seedDatabase } from './seed.ts';
import { ensureWebBuilt } from './static.ts';

const env = readEnv();
const db = openDatabase(env.dbFile);
migrateDatabase(db);
deleteExpiredSessions(db, Date.now());

if (countUsers(db) === 0) {
  const log = (line: string) => process.stdout.write(`${line}\n`);
  log(`bitext: empty database ${env.dbFile}; creating the first-run accounts and the sample project`);
  const seeded = await seedDatabase(db, env.dbFile, log);
  log('');
  log('First-run accounts (shown once; also written to ' + (seeded.credentialsFile ?? '(nowhere)') + ', mode 0600):');
  for (const a of seeded.accounts) log(`  ${a.username.padEnd(12)} ${a.role.padEnd(11)} ${a.password}`);
  log('');
}

const checkpointer = startCheckpointer(db, env.dbFile);
// Expired sessions are refused on lookup anyway; this only keeps the table small.
setInterval(() => deleteExpiredSessions(db, Date.now()), 3600_000).unref();

const webRoot = fileURLToPath(new URL('../dist/web', import.meta.url));
try {
  ensureWebBuilt(webRoot, (line) => process.stdout.write(`${line}\n`));
} catch (error) {
  // The API works without the editor; say why the editor is missing rather than refuse to start.
  process.stderr.write(`bitext: the web editor could not be built, serving the API only: ${(error as Error).message}\n`);
}
const app = createApp({ db, webRoot: existsSync(webRoot) ? webRoot : undefined });
const server = serve({ fetch: app.fetch, hostname: env.host, port: env.port }, (info) => {
  const host = info.family === 'IPv6' ? `[${info.address}]` : info.address;
  process.stdout.write(`bitext: listening on http://${host}:${info.port} (database ${env.dbFile})\n`);
});

server.on('error', (error: NodeJS.ErrnoException) => {
  const where = `${env.host}:${env.port}`;
  process.stderr.write(
    error.code === 'EADDRINUSE' ? `bitext: ${where} is already in use; set PORT to another port\n` : `bitext: cannot listen on ${where}: ${error.message}\n`,
  );
  closeDatabase(db);
  process.exit(1);
});

function shutdown(signal: string) {
  process.stdout.write(`bitext: ${signal}, shutting down\n`);
  server.close(async () => {
    await checkpointer.stop();
    closeDatabase(db);
    process.exit(0);
  });
  // Open keep-alive connections would hold close() open; the database is consistent at any moment.
  setTimeout(() => {
    closeDatabase(db);
    process.exit(0);
  }, 2000).unref();
}
process.on('SIGINT', () => shutdown('SIGINT'));
process.on('SIGTERM', () => shutdown('SIGTERM'));
