// Translation-memory handlers: fuzzy matches (Dice over character bigrams, server/tm/fuzzy.ts) and
// concordance across projects of the same language pair, and TMX import into a project's TM.
import type { Context } from 'hono';
import type { AppEnv, Services } from '../../context.ts';
import type { SessionUser } from '../../db/queries/users.ts';
import { countTmUnits } from '../../db/queries/tm.ts';
import { writeAudit } from '../../db/queries/audit.ts';
import { projectAccess, requireRole, roleIn } from '../../access.ts';
import { fieldProblem } from '../../problem.ts';
import { pairKey, translationMemory, type TmHit } from '../../tm/service.ts';
import { importTmxStream } from '../../tm/import.ts';
import { FormatError } from '../../../glossary/formats/format-error.ts';
import { formatProblem, uploadedFile } from '../exchange/upload.ts';


/** A hit from a project the caller does not belong to keeps its text but not the project's name. */
function hitJson(h: TmHit, visible: (projectId: number) => boolean) {
  return {
    id: h.id,
    ...(h.score !== undefined ? { score: h.score } : {}),
    ...(h.foundIn !== undefined ? { foundIn: h.foundIn } : {}),
    source: h.source,
    target: h.target,
    srcLang: h.srcLang,
    tgtLang: h.tgtLang,
    origin: h.origin,
    projectId: h.projectId,
    projectName: visible(h.projectId) ? h.projectName : null,
    documentId: h.documentId,
    segmentId: h.segmentId,
    tuid: h.tuid,
    changedBy: h.changedBy,
    changedAt: new Date(h.changedAt).toISOString(),
  };
}

export async function lookup(services: Services, user: SessionUser, projectId: number, query: { q?: string; concordance?: string; threshold: number; limit: number }) {
  const { project } = projectAccess(services, user, projectId);
  if ((query.q === undefined) === (query.concordance === undefined)) {
    throw fieldProblem(400, 'q', 'give either q (a source sentence for fuzzy matches) or concordance (a term in either language)');
  }
  const tm = translationMemory(services.db);
  await tm.ready();
  const roles = new Map<number, boolean>();
  const visible = (id: number) => {
    let v = roles.get(id);
    if (v === undefined) roles.set(id, (v = roleIn(services, user, id) !== undefined));
    return v;
  };
  const pair = pairKey(project.sourceLang, project.targetLang);
  if (query.q !== undefined) {
    const matches = tm.match(pair, query.q, { threshold: query.threshold, limit: query.limit });
    return { mode: 'fuzzy', query: query.q, threshold: query.threshold, score: 'Dice coefficient over character bigrams, × 100', matches: matches.map((h) => hitJson(h, visible)) };
  }
  const hits = tm.concordance(pair, query.concordance!, { limit: query.limit });
  return { mode: 'concordance', query: query.concordance, matches: hits.map((h) => hitJson(h, visible)) };
}

/**
 * Imports a TMX file into the project's translation memory: the request body parsed as it streams
 * in, units in the project's language pair (matched by primary subtag, as OmegaT does) staged in
 * batches and published together when the whole file has parsed (server/tm/import.ts). A broken
 * file imports nothing and gets 422 naming the lines.
 */
export async function importTmx(c: Context<AppEnv>, services: Services, user: SessionUser, projectId: number) {
  const { project, role } = projectAccess(services, user, projectId);
  requireRole(role, ['reviewer', 'admin'], 'import into the translation memory');
  const body = await uploadedFile(c, 'TMX file');
  let result;
  try {
    result = await importTmxStream(services.db, { projectId, sourceLang: project.sourceLang, targetLang: project.targetLang }, body, {
      onPublish: (r) => writeAudit(services.db, { userId: user.id, action: 'tm.import', projectId, detail: { units: r.imported, skipped: r.skippedEmpty } }),
    });
  } catch (error) {
    if (error instanceof FormatError) throw formatProblem(error, 'TMX file');
    throw error;
  }
  return { imported: result.imported, skippedEmpty: result.skippedEmpty, total: countTmUnits(services.db, projectId) };
}
