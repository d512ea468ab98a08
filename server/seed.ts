// First start on an empty database: an admin, demo translator and reviewer accounts with generated
// passwords, the sample project (the shipped glossary, then the sample source aligned with the
// sample draft). Passwords are written once to first-run-credentials.txt beside the database file
// (mode 0600), one account per line as `username<TAB>role<TAB>password`, and never stored in clear.
import { existsSync, readFileSync, writeFileSync, chmodSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Db } from './db/index.ts';
import { createAccount } from './accounts.ts';
import { generatePassword } from './auth/passwords.ts';
import { createProject, setMember } from './db/queries/projects.ts';
import { insertGlossaryEntries } from './db/queries/glossary.ts';
import { importDocument } from './import.ts';
import { loadGlossaryFile } from '../glossary/loader.ts';
import { entryFields } from './routes/glossary/handlers.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const SAMPLE_SOURCE = join(ROOT, 'samples/shanghai-fyp/source.zh.txt');
export const SAMPLE_DRAFT = join(ROOT, 'samples/shanghai-fyp/draft.en.txt');
export const SAMPLE_GLOSSARY = join(ROOT, 'glossary/data/shanghai-fyp.tbx');
export const CREDENTIALS_FILE = 'first-run-credentials.txt';

export interface SeedAccount {
  username: string;
  role: 'admin' | 'translator' | 'reviewer';
  password: string;
}

export interface SeedResult {
  accounts: SeedAccount[];
  credentialsFile: string | null;
  projectId: number;
  documentId: number | null;
  glossaryEntries: number;
}

export async function seedDatabase(db: Db, dbFile: string, log: (line: string) => void = () => {}): Promise<SeedResult> {
  const accounts: SeedAccount[] = [
    { username: 'admin', role: 'admin', password: generatePassword() },
    { username: 'translator', role: 'translator', password: generatePassword() },
    { username: 'reviewer', role: 'reviewer', password: generatePassword() },
  ];
  const [admin, translator, reviewer] = [
    await createAccount(db, { username: 'admin', password: accounts[0].password, isAdmin: true }),
    await createAccount(db, { username: 'translator', password: accounts[1].password }),
    await createAccount(db, { username: 'reviewer', password: accounts[2].password }),
  ];
  let credentialsFile: string | null = null;
  if (dbFile !== ':memory:') {
    credentialsFile = join(dirname(dbFile), CREDENTIALS_FILE);
    writeFileSync(credentialsFile, accounts.map((a) => `${a.username}\t${a.role}\t${a.password}\n`).join(''), { mode: 0o600 });
    chmodSync(credentialsFile, 0o600);
  }

  const project = createProject(db, { name: 'Shanghai 15th Five-Year Plan (excerpt)' }, admin.id);
  setMember(db, project.id, translator.id, 'translator', admin.id);
  setMember(db, project.id, reviewer.id, 'reviewer', admin.id);

  let glossaryEntries = 0;
  let glossary: { zh: string; en: string }[] = [];
  // The accounts exist now; a broken sample file must not keep the server from starting.
  const problem = (what: string, error: unknown) => log(`could not seed ${what}: ${error instanceof Error ? error.message : String(error)}`);
  if (existsSync(SAMPLE_GLOSSARY)) {
    try {
      const entries = loadGlossaryFile(SAMPLE_GLOSSARY);
      glossaryEntries = insertGlossaryEntries(db, project.id, entries.map(entryFields), admin.id).length;
      glossary = entries.filter((e) => e.status !== 'deprecated').map((e) => ({ zh: e.zh, en: e.en }));
      log(`seeded the glossary: ${glossaryEntries} entries`);
    } catch (error) {
      problem(`the glossary ${SAMPLE_GLOSSARY}`, error);
    }
  }

  let documentId: number | null = null;
  if (existsSync(SAMPLE_SOURCE)) {
    try {
      const draft = existsSync(SAMPLE_DRAFT) ? readFileSync(SAMPLE_DRAFT, 'utf8') : undefined;
      const result = await importDocument(
        db,
        { projectId: project.id, name: 'shanghai-15th-fyp-excerpt.zh.txt', source: readFileSync(SAMPLE_SOURCE, 'utf8'), draft, userId: admin.id },
        glossary,
      );
      documentId = result.documentId;
      log(`seeded the sample document: ${result.segments} segments, ${result.drafted} with draft English`);
    } catch (error) {
      problem(`the sample document ${SAMPLE_SOURCE}`, error);
    }
  }
  return { accounts, credentialsFile, projectId: project.id, documentId, glossaryEntries };
}
