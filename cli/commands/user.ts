// `bitext user add|passwd`: manages workbench accounts directly in the SQLite database (the server
// may be running: WAL and busy_timeout let both write). Passwords come from standard input only
// (--password-stdin), never from the command line where `ps` and shell history would see them;
// without --password-stdin a password is generated and printed once.
import { existsSync } from 'node:fs';
import type { CliIO } from '../io.ts';
import { parseCommandArgs } from '../args.ts';
import { readEnv } from '../../server/env.ts';
import { closeDatabase, migrateDatabase, openDatabase } from '../../server/db/index.ts';
import { AccountError, changePassword, createAccount } from '../../server/accounts.ts';
import { generatePassword } from '../../server/auth/passwords.ts';
import { ROLES } from '../../server/workflow.ts';
import type { Role } from '../../server/workflow.ts';

const USAGE = `usage: bitext user add NAME [--role ROLE --project ID] [--site-admin] [--password-stdin] [--db FILE]
       bitext user passwd NAME [--password-stdin] [--db FILE]

  add NAME          create an account; with --role and --project, make it a member of that project
  passwd NAME       set a new password (ends the account's sessions)
  --role ROLE       ${ROLES.join(' | ')} (the role in --project)
  --project ID      the project the role applies to
  --site-admin      a site administrator: creates projects, acts as admin in every project
  --password-stdin  read the password from standard input (one line); otherwise one is generated and printed
  --db FILE         the database (default: $BITEXT_DB or data/bitext.db)
  -h, --help        this help

Exit status: 0 on success, 1 when the account cannot be created or changed, 2 on bad arguments.
`;

export async function run(args: string[], io: CliIO): Promise<number> {
  const parsed = parseCommandArgs('user', USAGE, args, io, {
    role: { type: 'string' },
    project: { type: 'string' },
    'site-admin': { type: 'boolean', default: false },
    'password-stdin': { type: 'boolean', default: false },
    db: { type: 'string' },
  });
  if (typeof parsed === 'number') return parsed;
  const { values, positionals } = parsed;
  const [action, name, ...extra] = positionals;
  const usage = (message: string) => {
    io.err(`bitext user: ${message}\n${USAGE}`);
    return 2;
  };
  if (action !== 'add' && action !== 'passwd') return usage(action ? `unknown action '${action}' (add or passwd)` : 'give an action: add or passwd');
  if (!name) return usage(`give the user name: bitext user ${action} NAME`);
  if (extra.length) return usage(`unexpected argument '${extra[0]}'`);
  if (action === 'passwd' && (values.role || values.project || values['site-admin'])) return usage('--role, --project and --site-admin belong to `user add`');
  let role: Role | undefined;
  let projectId: number | undefined;
  if (values.role !== undefined || values.project !== undefined) {
    if (values.role === undefined || values.project === undefined) return usage('--role and --project go together');
    if (!(ROLES as readonly string[]).includes(values.role)) return usage(`--role must be one of ${ROLES.join(', ')}, not '${values.role}'`);
    role = values.role as Role;
    projectId = Number(values.project);
    if (!Number.isInteger(projectId) || projectId <= 0) return usage(`--project must be a project id (a positive integer), not '${values.project}'`);
  }

  const dbFile = values.db ?? readEnv().dbFile;
  if (!existsSync(dbFile)) {
    io.err(`bitext user: no database at ${dbFile}; start the server once (npm start) or pass --db FILE\n`);
    return 1;
  }

  let password: string;
  let generated = false;
  if (values['password-stdin']) {
    password = (await io.stdin()).replace(/\r?\n$/, '');
    if (password.includes('\n')) return usage('--password-stdin reads one line; the input has several');
  } else {
    password = generatePassword();
    generated = true;
  }

  const db = openDatabase(dbFile);
  try {
    migrateDatabase(db);
    if (action === 'add') {
      const user = await createAccount(db, { username: name, password, isAdmin: values['site-admin'], projectId, role });
      const where = projectId !== undefined ? ` as ${role} in project ${projectId}` : '';
      io.out(`created user ${user.username}${values['site-admin'] ? ' (site admin)' : ''}${where}\n`);
    } else {
      await changePassword(db, name, password);
      io.out(`changed the password of ${name}; their sessions have ended\n`);
    }
    if (generated) io.out(`password: ${password}\n`);
    return 0;
  } catch (error) {
    if (error instanceof AccountError) {
      io.err(`bitext user: ${error.message}\n`);
      return 1;
    }
    throw error;
  } finally {
    closeDatabase(db);
  }
}
