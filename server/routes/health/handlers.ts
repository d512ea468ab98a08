// Health: answers only when the database answers a query.
import type { Services } from '../../context.ts';
import { databaseOk } from '../../db/queries/meta.ts';

export function health(services: Services) {
  databaseOk(services.db);
  return { status: 'ok' as const, database: 'ok' as const, time: new Date().toISOString() };
}
