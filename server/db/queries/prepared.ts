// Prepared better-sqlite3 statements for the hot paths (session lookup, segment access, saves):
// drizzle's builder re-renders SQL on every call, which costs ~0.5 ms a query; a cached statement
// costs a few microseconds. One cache per connection.
import type Database from 'better-sqlite3';
import type { Db } from '../index.ts';

const caches = new WeakMap<Database.Database, Map<string, Database.Statement>>();

export function statement(db: Db, sql: string): Database.Statement {
  const client = db.$client;
  let cache = caches.get(client);
  if (!cache) caches.set(client, (cache = new Map()));
  let st = cache.get(sql);
  if (!st) cache.set(sql, (st = client.prepare(sql)));
  return st;
}
