// GET /api/health: liveness plus a trivial query, so a monitor notices a broken database file.
import { z } from 'zod';
import type { RouteRegistry } from '../registry.ts';
import { health } from './handlers.ts';

export const HealthResponse = z.object({ status: z.literal('ok'), database: z.literal('ok'), time: z.string() });

export function registerHealthRoutes(r: RouteRegistry): void {
  r.route({ method: 'get', path: '/api/health', summary: 'Liveness and database check', tag: 'meta', auth: false, response: HealthResponse }, ({ services }) =>
    health(services),
  );
}
