// What every request handler can reach: the database and the per-process caches
// (the alignment lexicon, loaded once and lazily; each project's compiled term index).
import type { Db } from './db/index.ts';
import type { SessionUser } from './db/queries/users.ts';
import { LoginLimiter } from './auth/rate-limit.ts';
import { SaveQueue } from './save-queue.ts';

export interface AppEnv {
  Variables: {
    user: SessionUser | null;
    sessionTokenHash: string | null;
  };
}

export interface AppOptions {
  db: Db;
  /** Session lifetime; default 7 days. */
  sessionTtlMs?: number;
  /** Failed logins per username+IP allowed per minute before 429; default 5. */
  loginFailuresPerMinute?: number;
  /** Failed logins per IP, whatever the username, allowed per minute before 429; default 20. */
  loginFailuresPerIpPerMinute?: number;
  /** Largest accepted request body; default 20 MB. */
  maxBodyBytes?: number;
  /** Directory of the built web editor (index.html); when absent `/` serves a placeholder page. */
  webRoot?: string;
}

export interface Services {
  db: Db;
  sessionTtlMs: number;
  maxBodyBytes: number;
  loginLimiter: LoginLimiter;
  /** Group commit of segment saves (PATCH and batch). */
  saves: SaveQueue;
  /** Per-project cache slots, dropped whenever the project's glossary changes. */
  cache: Map<string, unknown>;
}

export function createServices(options: AppOptions): Services {
  return {
    db: options.db,
    sessionTtlMs: options.sessionTtlMs ?? 7 * 24 * 3600 * 1000,
    maxBodyBytes: options.maxBodyBytes ?? 20 * 1024 * 1024,
    loginLimiter: new LoginLimiter(options.loginFailuresPerMinute ?? 5, 60_000, options.loginFailuresPerIpPerMinute ?? 20),
    saves: new SaveQueue(options.db),
    cache: new Map(),
  };
}
