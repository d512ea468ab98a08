// A document of the database as TMX 1.4b or XLIFF 2.0 chunks, shared by the export routes and
// `bitext export`. Rows come from a keyset-paged iterator (server/db/queries/tm.ts) and leave as
// string chunks, so memory does not grow with the document. As a byte stream: `byteStream()`.
//
// TMX unit fields: tuid `doc<document>-<index+1>`; creationid/creationdate from the last save as
// draft/translated (the translator), changeid from the last approval (the reviewer), changedate
// the last change; props x-status, x-document, x-section, x-alignment-confidence; comments as notes.
// `status=approved` exports approved segments with a target; `all` every segment with a target
// (a TMX unit without a translation is of no use to a CAT tool).
import type { Db } from '../db/index.ts';
import type { DocumentSummary } from '../db/queries/documents.ts';
import { exportRows, type ExportStatus } from '../db/queries/tm.ts';
import { tmxChunks, type TmxUnit } from './tmx.ts';
import { xliffChunks, type XliffUnit } from './xliff.ts';

export const TOOL_VERSION = '0.1.0';

export interface ExportOptions {
  status?: ExportStatus;
  /** The user exporting (TMX header creationid). */
  exporter?: string;
  sourceLang?: string;
  targetLang?: string;
}

/** A TMX language code for a project's language: bare `en` becomes en-US, as the exports use. */
export function tmxLang(code: string | undefined, fallback: string): string {
  if (!code) return fallback;
  if (code.toLowerCase() === 'en') return 'en-US';
  if (code.toLowerCase() === 'zh') return 'zh-CN';
  return code;
}

export function* documentTmx(db: Db, document: Pick<DocumentSummary, 'id' | 'name'>, options: ExportOptions = {}): Generator<string> {
  const srcLang = tmxLang(options.sourceLang, 'zh-CN');
  const tgtLang = tmxLang(options.targetLang, 'en-US');
  function* units(): Generator<TmxUnit> {
    for (const row of exportRows(db, document.id, options.status ?? 'approved')) {
      const props: Record<string, string> = { 'x-status': row.status, 'x-document': document.name };
      if (row.section) props['x-section'] = row.section;
      if (row.confidence !== null) props['x-alignment-confidence'] = row.confidence.toFixed(2);
      yield {
        tuid: `doc${document.id}-${row.idx + 1}`,
        source: row.source,
        target: row.target,
        srcLang,
        tgtLang,
        creationId: row.translator ?? row.updatedBy ?? undefined,
        creationDate: new Date(row.translatedAt ?? row.updatedAt),
        changeId: row.reviewer ?? row.updatedBy ?? undefined,
        changeDate: new Date(row.updatedAt),
        props,
        notes: row.comments,
      };
    }
  }
  yield* tmxChunks(units(), { creationToolVersion: TOOL_VERSION, srcLang, creationId: options.exporter });
}

export function* documentXliff(db: Db, document: Pick<DocumentSummary, 'id' | 'name'>, options: Pick<ExportOptions, 'sourceLang' | 'targetLang'> = {}): Generator<string> {
  function* units(): Generator<XliffUnit> {
    for (const row of exportRows(db, document.id, 'every')) {
      yield { id: String(row.id), name: row.section || undefined, source: row.source, target: row.target, status: row.status, notes: row.comments };
    }
  }
  yield* xliffChunks(units(), {
    fileId: `doc${document.id}`,
    original: document.name,
    srcLang: tmxLang(options.sourceLang, 'zh-CN'),
    trgLang: tmxLang(options.targetLang, 'en-US'),
  });
}

/**
 * UTF-8 bytes of the chunks as a pull stream: a chunk is produced only when the consumer asks, in
 * batches of about 64 KB, so a slow client holds back the database reads instead of filling memory.
 */
export function byteStream(chunks: Iterator<string>, onEnd?: () => void): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        let batch = '';
        while (batch.length < 65_536) {
          const next = chunks.next();
          if (next.done) {
            if (batch) controller.enqueue(encoder.encode(batch));
            controller.close();
            onEnd?.();
            return;
          }
          batch += next.value;
        }
        controller.enqueue(encoder.encode(batch));
      },
      cancel() {
        chunks.return?.(undefined);
        onEnd?.();
      },
    },
    { highWaterMark: 1 },
  );
}
