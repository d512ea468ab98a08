// The server's configuration, read from the environment in this one place so that
// main.ts, the CLI and the benches agree on where the database lives.
import { resolve } from 'node:path';

export interface ServerEnv {
  /** SQLite database file (BITEXT_DB), default data/bitext.db relative to the working directory. */
  dbFile: string;
  /** Interface to listen on (HOST), default 127.0.0.1 so a fresh install is not exposed. */
  host: string;
  /** TCP port (PORT), default 8787; 0 picks a free port. */
  port: number;
}

export const DEFAULT_DB_FILE = 'data/bitext.db';

export function readEnv(env: NodeJS.ProcessEnv = process.env): ServerEnv {
  const portText = env.PORT?.trim() || '8787';
  const port = Number(portText);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT must be an integer between 0 and 65535, got '${env.PORT}'`);
  }
  return {
    dbFile: resolve(env.BITEXT_DB?.trim() || DEFAULT_DB_FILE),
    host: env.HOST?.trim() || '127.0.0.1',
    port,
  };
}
