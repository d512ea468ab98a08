// Argument parsing shared by the `bitext` commands: node:util parseArgs with positionals, a -h/--help
// that prints the command's usage, and one way of reporting bad arguments (exit status 2).
import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { CliIO } from './io.ts';

type OptionsConfig = NonNullable<ParseArgsConfig['options']>;
type Parsed<O extends OptionsConfig> = ReturnType<typeof parseArgs<{ args: string[]; allowPositionals: true; options: O }>>;

/**
 * The parsed arguments, or the exit status when there is nothing more to do: 0 after printing the
 * usage for --help, 2 after reporting bad arguments.
 */
export function parseCommandArgs<const O extends OptionsConfig>(command: string, usage: string, args: string[], io: CliIO, options: O): Parsed<O> | number {
  let parsed;
  try {
    parsed = parseArgs({ args, allowPositionals: true, options: { ...options, help: { type: 'boolean', short: 'h', default: false } } });
  } catch (error) {
    io.err(`bitext ${command}: ${(error as Error).message}\n${usage}`);
    return 2;
  }
  if ((parsed.values as { help?: boolean }).help) {
    io.out(usage);
    return 0;
  }
  return parsed as unknown as Parsed<O>;
}
