// The WAL checkpointer thread: saves commit to the WAL only, and the worker copies the frames into
// the database file in the background, so no save pays for a checkpoint.
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { closeDatabase, migrateDatabase, openDatabase, startCheckpointer } from '../../server/db/index.ts';
import { createAccount } from '../../server/accounts.ts';
import { createProject } from '../../server/db/queries/projects.ts';
import { insertDocumentWithSegments } from '../../server/db/queries/documents.ts';

const dir = mkdtempSync(join(tmpdir(), 'bitext-ckpt-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the checkpointer', () => {
  it('moves committed pages from the WAL into the database file without a checkpoint on the main connection', async () => {
    const file = join(dir, 'bitext.db');
    const db = openDatabase(file);
    migrateDatabase(db);
    const checkpointer = startCheckpointer(db, file, 50);
    const admin = await createAccount(db, { username: 'admin', password: 'long enough password', isAdmin: true });
    const project = createProject(db, { name: '检查点' }, admin.id);
    const sizeBefore = statSync(file).size;
    const paragraph = '把握数字化、智能化、绿色化机遇，加快形成智慧高效、绿色低碳的航运发展新格局。'.repeat(20);
    const rows = Array.from({ length: 2000 }, (_, i) => ({
      source: `${i} ${paragraph}`,
      target: '',
      status: 'new' as const,
      section: '',
      heading: false,
      start: 0,
      end: 0,
      rawStart: 0,
      rawEnd: 0,
      confidence: null,
      warnings: [],
    }));
    insertDocumentWithSegments(db, { projectId: project.id, name: 'big', rawSource: '', text: '', rawDraft: null, granularity: 'sentence', repairs: [], warnings: [], createdBy: admin.id }, rows);
    // ~5 MB committed: far below the 10,000-page backstop, so only the worker can have copied it.
    const deadline = Date.now() + 10_000;
    while (statSync(file).size < sizeBefore + 4_000_000 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(statSync(file).size).toBeGreaterThan(sizeBefore + 4_000_000);
    await checkpointer.stop();
    closeDatabase(db);
  });
});
