// The `bitext` command: dispatches `bitext <command> …` to cli/commands/<command>.ts.
// Each command module exports `run(args, io)` and returns the process exit code.
import { realpathSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import type { CliIO } from './io.ts';
import { processIO } from './io.ts';

const COMMANDS: Record<string, { summary: string; load: () => Promise<{ run: (args: string[], io: CliIO) => Promise<number> }> }> = {
  segment: { summary: 'repair and segment a Chinese source file', load: () => import('./commands/segment.ts') },
  align: { summary: 'align Chinese segments with English sentences', load: () => import('./commands/align.ts') },
  check: { summary: 'run the glossary and QA checks over zh<TAB>en pairs', load: () => import('./commands/check.ts') },
  glossary: { summary: 'convert glossaries between CSV and TBX', load: () => import('./commands/glossary.ts') },
  user: { summary: 'add users and change passwords in the workbench database', load: () => import('./commands/user.ts') },
  export: { summary: 'export a document as TMX from the workbench database', load: () => import('./commands/export.ts') },
};

function usage(): string {
  const lines = Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(10)} ${c.summary}`);
  return ['usage: bitext <command> [options]', '', 'commands:', ...lines, '', 'Run `bitext <command> --help` for the options of one command.'].join('\n');
}

export async function main(argv: string[], io: CliIO): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.out(usage() + '\n');
    return name ? 0 : 2;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.err(`bitext: unknown command '${name}'\n${usage()}\n`);
    return 2;
  }
  let mod;
  try {
    mod = await command.load();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_MODULE_NOT_FOUND') {
      io.err(`bitext: the '${name}' command is not available in this build\n`);
      return 2;
    }
    throw error;
  }
  return mod.run(rest, io);
}

/** Runs the CLI on this process's arguments and sets its exit code. */
export async function runFromProcess(): Promise<void> {
  try {
    process.exitCode = await main(process.argv.slice(2), processIO());
  } catch (error) {
    process.stderr.write(`bitext: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  }
}

// `tsx cli/bitext.ts …` (npm run bitext) runs this file directly; `npx bitext` goes through bin/bitext.mjs.
if (process.argv[1] && import.meta.url === pathToFileURL(realpathSync(process.argv[1])).href) {
  await runFromProcess();
}
