// `bitext glossary convert IN OUT` (CSV/TSV ↔ TBX, chosen by extension) and
// `bitext glossary validate FILE` (reports every problem of a bad file, by line and field).
import { writeFileSync } from 'node:fs';
import { extname } from 'node:path';
import type { CliIO } from '../io.ts';
import { parseCommandArgs } from '../args.ts';
import { loadGlossaryFile } from '../../glossary/loader.ts';
import * as csv from '../../glossary/formats/csv.ts';
import * as tbx from '../../glossary/formats/tbx.ts';
import { FormatError } from '../../glossary/formats/format-error.ts';
import type { TermEntry } from '../../glossary/model.ts';

const USAGE = `usage: bitext glossary convert IN OUT
       bitext glossary validate FILE

  convert    read a TBX or CSV/TSV glossary and write it as OUT's format
             (.tbx/.xml → TBX-Basic, .csv → CSV with BOM, .tsv → TSV)
  validate   check a glossary file and list every problem with its line and field
  -h, --help this help

Exit status: 0 on success, 2 on bad arguments or a bad or unreadable file.
`;

function serializerFor(path: string): ((entries: TermEntry[]) => string) | null {
  switch (extname(path).toLowerCase()) {
    case '.tbx':
    case '.xml':
      return (e) => tbx.serialize(e);
    case '.csv':
      return (e) => csv.serialize(e);
    case '.tsv':
      return (e) => csv.serialize(e, { delimiter: '\t' });
    default:
      return null;
  }
}

function load(path: string, io: CliIO): TermEntry[] | null {
  try {
    return loadGlossaryFile(path);
  } catch (error) {
    if (error instanceof FormatError) io.err(`bitext glossary: ${error.message}\n`);
    else io.err(`bitext glossary: cannot read ${path}: ${(error as Error).message}\n`);
    return null;
  }
}

export async function run(args: string[], io: CliIO): Promise<number> {
  const parsed = parseCommandArgs('glossary', USAGE, args, io, {});
  if (typeof parsed === 'number') return parsed;
  const [sub, ...rest] = parsed.positionals;
  if (sub === 'convert' && rest.length === 2) {
    const [input, output] = rest;
    const serialize = serializerFor(output);
    if (!serialize) {
      io.err(`bitext glossary: cannot tell the format of ${output}: use .tbx, .csv or .tsv\n`);
      return 2;
    }
    const entries = load(input, io);
    if (!entries) return 2;
    try {
      writeFileSync(output, serialize(entries));
    } catch (error) {
      io.err(`bitext glossary: cannot write ${output}: ${(error as Error).message}\n`);
      return 2;
    }
    io.out(`${entries.length} entries written to ${output}\n`);
    return 0;
  }
  if (sub === 'validate' && rest.length === 1) {
    const entries = load(rest[0], io);
    if (!entries) return 2;
    io.out(`${rest[0]}: ${entries.length} entries, no problems\n`);
    return 0;
  }
  io.err(`bitext glossary: ${sub ? `bad arguments for '${sub}'` : 'missing subcommand'}\n${USAGE}`);
  return 2;
}
