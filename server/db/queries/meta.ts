// Checks on the database itself.
import { sql } from 'drizzle-orm';
import type { Db } from '../index.ts';

/** Throws when the database cannot answer a query. */
export function databaseOk(db: Db): void {
  db.get(sql`select 1`);
}
