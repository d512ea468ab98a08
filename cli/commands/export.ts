// `bitext export tmx --document ID`: a document of the workbench database as TMX 1.4b on standard
// output, with the same writer and rows as GET /api/documents/:id/export.tmx (server/formats/document-export.ts).
import { existsSync } from 'node:fs';
import type { CliIO } from '../io.ts';
import { parseCommandArgs } from '../args.ts';
import { readEnv } from '../../server/env.ts';
import { closeDatabase, openDatabase } from '../../server/db/index.ts';
import { getDocumentSummary } from '../../server/db/queries/documents.ts';
import { getProject } from '../../server/db/queries/projects.ts';
import { documentTmx } from '../../server/formats/document-export.ts';

const USAGE = `usage: bitext export tmx --document ID [--status approved|all] [--db FILE] > out.tmx

Writes a document of the workbench database as TMX 1.4b (valid against the TMX 1.4b DTD) to
standard output.

  --document ID  the document's id (GET /api/projects/:id/documents lists them)
  --status       approved (default): approved segments; all: every segment with a translation
  --db FILE      the SQLite database (default: $BITEXT_DB, else data/bitext.db)
  -h, --help     show this help
`;

export async function run(args: string[], io: CliIO): Promise<number> {
  const parsed = parseCommandArgs('export', USAGE, args, io, {
    document: { type: 'string', short: 'd' },
    status: { type: 'string', default: 'approved' },
    db: { type: 'string' },
  });
  if (typeof parsed === 'number') return parsed;
  const { values, positionals } = parsed;
  if (positionals.length !== 1 || positionals[0] !== 'tmx') {
    io.err(`bitext export: the only format is tmx (got ${positionals.length ? `'${positionals.join(' ')}'` : 'none'})\n${USAGE}`);
    return 2;
  }
  const documentId = Number(values.document);
  if (!values.document || !Number.isInteger(documentId) || documentId <= 0) {
    io.err(`bitext export: --document must be a positive integer id${values.document ? `, not '${values.document}'` : ''}\n`);
    return 2;
  }
  if (values.status !== 'approved' && values.status !== 'all') {
    io.err(`bitext export: --status must be approved or all, not '${values.status}'\n`);
    return 2;
  }
  const file = values.db ?? readEnv().dbFile;
  // Opening a missing file would create an empty database; say what is wrong instead.
  if (!existsSync(file)) {
    io.err(`bitext export: no database at ${file} (give --db FILE or set BITEXT_DB)\n`);
    return 2;
  }
  const db = openDatabase(file);
  try {
    const document = getDocumentSummary(db, documentId);
    if (!document) {
      io.err(`bitext export: document ${documentId} does not exist in ${file}\n`);
      return 1;
    }
    const project = getProject(db, document.projectId);
    let batch = '';
    for (const chunk of documentTmx(db, document, { status: values.status, sourceLang: project?.sourceLang, targetLang: project?.targetLang })) {
      batch += chunk;
      if (batch.length >= 65_536) {
        io.out(batch);
        batch = '';
      }
    }
    io.out(batch);
    return 0;
  } finally {
    closeDatabase(db);
  }
}
