// Streamed TMX import into a project's translation memory, with memory bounded by one input chunk
// and one batch rather than by the file. The file is parsed as it arrives (saxes through
// parseStream in server/formats/tmx.ts) and its units are staged in batches, each batch its own
// short synchronous transaction, in tm_import_units, where no lookup sees them. Only when the whole
// file has parsed does one transaction publish them as TM units; the staged rows are then deleted
// in slices, outside that transaction. A broken file, an aborted upload or
// any other failure drops the staged units: all or nothing, as with one big transaction, but without
// holding a write transaction open across the upload's awaits on the connection every request shares.
import type { Db } from '../db/index.ts';
import { beginTmImport, dropTmImportSlice, publishTmImport, stageTmImportUnits, sweepStaleTmImports, type NewTmUnit } from '../db/queries/tm.ts';
import { parseStream, type TmxInput, type TmxUnit } from '../formats/tmx.ts';

/** Largest TMX a project import accepts, in units (the body limit applies as well). */
export const MAX_IMPORT_UNITS = 500_000;

/** Units per staging transaction: a few milliseconds of the shared connection each. */
export const IMPORT_BATCH = 1000;

/** An import no batch has touched for this long was left behind by a process that died. */
const STALE_IMPORT_MS = 30 * 60 * 1000;

export interface TmImportTarget {
  projectId: number;
  /** The project's language pair: units in it (matched by primary subtag) are kept. */
  sourceLang: string;
  targetLang: string;
}

export interface TmImportResult {
  imported: number;
  skippedEmpty: number;
}

export interface TmImportOptions {
  batchSize?: number;
  maxUnits?: number;
  /** Runs inside the publishing transaction (the audit record goes with the units). */
  onPublish?: (result: TmImportResult) => void;
  /** Runs after each staged batch (tests use it to look up the TM while an import is under way). */
  onBatch?: (staged: number) => void | Promise<void>;
}

/**
 * Imports a TMX file, given as a string or as chunks, into the project's TM. Throws the parser's
 * FormatError (problems by line) for a broken file, and then nothing has been imported.
 */
export async function importTmxStream(db: Db, target: TmImportTarget, input: TmxInput, options: TmImportOptions = {}): Promise<TmImportResult> {
  const now = Date.now();
  sweepStaleTmImports(db, now - STALE_IMPORT_MS);
  const importId = beginTmImport(db, target.projectId, now);
  let staged = 0;
  let skippedEmpty = 0;
  try {
    await parseStream(
      input,
      { sourceLang: target.sourceLang, targetLang: target.targetLang, maxUnits: options.maxUnits ?? MAX_IMPORT_UNITS, batchSize: options.batchSize ?? IMPORT_BATCH },
      async (batch) => {
        const kept: NewTmUnit[] = [];
        for (const u of batch) {
          if (u.source.trim() === '' || u.target.trim() === '') skippedEmpty++;
          else kept.push(newUnit(u, target, now));
        }
        staged += stageTmImportUnits(db, importId, kept);
        await options.onBatch?.(staged);
      },
    );
    const result: TmImportResult = { imported: 0, skippedEmpty };
    result.imported = publishTmImport(db, importId, (n) => {
      result.imported = n;
      options.onPublish?.(result);
    });
    return result;
  } finally {
    // Published or not, the staged rows go, a slice at a time so other requests run in between;
    // the first slice retires the import, so nothing more is staged into it or published from it.
    while (db.$client.open && !dropTmImportSlice(db, importId)) await new Promise((resolve) => setImmediate(resolve));
  }
}

function newUnit(u: TmxUnit, target: TmImportTarget, now: number): NewTmUnit {
  return {
    source: u.source,
    target: u.target,
    srcLang: u.srcLang ?? target.sourceLang,
    tgtLang: u.tgtLang ?? target.targetLang,
    tuid: u.tuid,
    creationId: u.creationId,
    changeId: u.changeId ?? u.creationId,
    createdAt: u.creationDate?.getTime() ?? now,
    changedAt: u.changeDate?.getTime() ?? u.creationDate?.getTime() ?? now,
  };
}
