// Exchange formats of a document: TMX 1.4b export (streamed), XLIFF 2.0 export and import.
import { z } from 'zod';
import type { RouteRegistry } from '../registry.ts';
import { IdParam } from '../schemas.ts';
import { exportTmx, exportXliff, importXliff } from './handlers.ts';

export const TmxExportQuery = z
  .object({ status: z.enum(['approved', 'all']).default('approved').describe('approved segments only (default), or every segment with a target') })
  .strict();

export function registerExchangeRoutes(r: RouteRegistry): void {
  r.route(
    {
      method: 'get',
      path: '/api/documents/:id/export.tmx',
      summary: 'The document as TMX 1.4b (streamed)',
      description:
        'application/x-tmx+xml, valid against the TMX 1.4b DTD: zh-CN/en-US variants, tuid, creationid (translator) and changeid (reviewer), props x-status, x-document, x-section, x-alignment-confidence, comments as notes.',
      tag: 'exchange',
      params: IdParam,
      query: TmxExportQuery,
    },
    (i) => exportTmx(i.services, i.user, i.params.id, i.query.status),
  );
  r.route(
    {
      method: 'get',
      path: '/api/documents/:id/export.xliff',
      summary: 'The document as XLIFF 2.0 (streamed)',
      description:
        'One <unit id="segment id"> per segment; segment state from the status: new/draft/rejected → initial (subState bitext:<status>), translated → translated, approved → final. Comments become notes.',
      tag: 'exchange',
      params: IdParam,
    },
    (i) => exportXliff(i.services, i.user, i.params.id),
  );
  r.route(
    {
      method: 'post',
      path: '/api/documents/:id/import.xliff',
      summary: 'Import a translated XLIFF 2.0 file of the document (all changes or none)',
      description:
        'Body: the XLIFF file as application/xml (or multipart/form-data field `file`). Units are matched to segments by id; a changed unit is saved as if the importing user had saved it (workflow rules, one revision each). A file whose sources no longer match is refused (409); unknown units and bad files get 422 naming lines; a change the role forbids refuses the file (403).',
      tag: 'exchange',
      params: IdParam,
      errors: { 403: 'a change the role forbids', 409: 'a source no longer matches its segment', 415: 'not an XML body', 422: 'the file has problems; errors name their lines' },
    },
    (i) => importXliff(i.c, i.services, i.user, i.params.id),
  );
}
