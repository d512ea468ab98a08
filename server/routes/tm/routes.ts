// The translation memory: fuzzy matches and concordance across every project of the same language
// pair, and TMX import into a project's TM. Approved segments are TM units by database trigger.
import { z } from 'zod';
import type { RouteRegistry } from '../registry.ts';
import { IdParam } from '../schemas.ts';
import { importTmx, lookup } from './handlers.ts';

export const TmQuery = z
  .object({
    q: z.string().trim().min(1, 'q is empty').max(2000).optional().describe('a source sentence: fuzzy matches at or above the threshold, best first'),
    concordance: z.string().trim().min(1, 'concordance is empty').max(200).optional().describe('a word or term looked for in both languages'),
    threshold: z.coerce.number().min(0).max(100).default(60).describe('lowest match percentage (default 60)'),
    limit: z.coerce.number().int().min(1).max(200).default(10),
  })
  .strict();

export function registerTmRoutes(r: RouteRegistry): void {
  r.route(
    {
      method: 'get',
      path: '/api/projects/:id/tm',
      summary: 'Translation-memory matches (q) or concordance (concordance) across projects of the same language pair',
      description: 'Fuzzy score: Dice coefficient over character bigrams of the normalized (NFKC, lower-cased, whitespace-free) source × 100; 100 only for identical text.',
      tag: 'tm',
      params: IdParam,
      query: TmQuery,
    },
    (i) => lookup(i.services, i.user, i.params.id, i.query),
  );
  r.route(
    {
      method: 'post',
      path: '/api/projects/:id/tm/import',
      summary: 'Import a TMX file into the project’s translation memory (all units or none)',
      description: 'Body: the TMX file as application/xml (or multipart/form-data field `file`). Reviewers and admins. Languages match by primary subtag (zh, zh-CN, zh-Hans are Chinese).',
      tag: 'tm',
      params: IdParam,
      errors: { 403: 'translators cannot import', 415: 'not an XML body', 422: 'the file has problems; errors name their lines' },
    },
    (i) => importTmx(i.c, i.services, i.user, i.params.id),
  );
}
