// `bitext check --glossary FILE PAIRS.tsv [--json]`: runs every QA check (glossary/checks) over
// zh<TAB>en lines and prints one finding per line. Exit 0 whatever is found (findings are
// the output, not a failure); 2 for usage errors, an unreadable file or a bad glossary.
import { readFileSync } from 'node:fs';
import type { CliIO } from '../io.ts';
import { parseCommandArgs } from '../args.ts';
import { loadGlossaryFile, decodeGlossaryBytes } from '../../glossary/loader.ts';
import { buildTermIndex } from '../../glossary/match.ts';
import { CHECK_IDS, checkDocument } from '../../glossary/checks/index.ts';
import type { Pair } from '../../glossary/checks/index.ts';
import { FormatError } from '../../glossary/formats/format-error.ts';
import { sourceWarnings } from '../../segments/warnings.ts';

const USAGE = `usage: bitext check --glossary FILE PAIRS.tsv [--json] [--only ID,ID…]

Runs the glossary and QA checks over PAIRS.tsv, one zh<TAB>en pair per line ('-' reads stdin).
FILE is a TBX or CSV/TSV glossary (glossary/data/shanghai-fyp.tbx ships with the workbench).

  --glossary FILE   term base to check against (required)
  --json            one JSON object per finding: {line, check, severity, term, message}
  --only IDS        run only these checks (comma-separated)
  -h, --help        this help

checks: ${CHECK_IDS.join(', ')}
Exit status: 0 when the check ran (whatever it found), 2 on bad arguments or files.
`;

export async function run(args: string[], io: CliIO): Promise<number> {
  const parsed = parseCommandArgs('check', USAGE, args, io, {
    glossary: { type: 'string', short: 'g' },
    json: { type: 'boolean', default: false },
    only: { type: 'string' },
  });
  if (typeof parsed === 'number') return parsed;
  const { values, positionals } = parsed;
  if (!values.glossary || positionals.length !== 1) {
    io.err(`bitext check: ${!values.glossary ? '--glossary FILE is required' : 'give exactly one PAIRS.tsv file'}\n${USAGE}`);
    return 2;
  }
  const only = values.only?.split(',').map((s) => s.trim()).filter(Boolean);
  const unknown = only?.filter((id) => !CHECK_IDS.includes(id as (typeof CHECK_IDS)[number]));
  if (unknown?.length) {
    io.err(`bitext check: unknown check ${unknown.join(', ')} (checks: ${CHECK_IDS.join(', ')})\n`);
    return 2;
  }

  let entries;
  try {
    entries = loadGlossaryFile(values.glossary);
  } catch (error) {
    if (error instanceof FormatError) io.err(`bitext check: ${error.message}\n`);
    else io.err(`bitext check: cannot read glossary ${values.glossary}: ${(error as Error).message}\n`);
    return 2;
  }

  const pairsFile = positionals[0];
  let text: string;
  try {
    text = pairsFile === '-' ? await io.stdin() : decodeGlossaryBytes(readFileSync(pairsFile));
  } catch (error) {
    io.err(`bitext check: cannot read ${pairsFile}: ${(error as Error).message}\n`);
    return 2;
  }

  const label = pairsFile === '-' ? 'stdin' : pairsFile;
  const pairs: Pair[] = [];
  const lineNumbers: number[] = [];
  // A line without a tab is refused rather than read as an untranslated pair: checking it would report
  // a misleading empty-target. Every bad line is named so the file can be fixed in one go.
  const badLines: number[] = [];
  text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .forEach((line, i) => {
      if (!line.trim()) return;
      const tab = line.indexOf('\t');
      if (tab < 0) {
        badLines.push(i + 1);
        return;
      }
      const source = line.slice(0, tab);
      pairs.push({ source, target: line.slice(tab + 1), warnings: sourceWarnings(source) });
      lineNumbers.push(i + 1);
    });
  if (badLines.length > 0) {
    for (const n of badLines) io.err(`bitext check: ${label} line ${n}: expected zh<TAB>en\n`);
    return 2;
  }

  const index = buildTermIndex(entries);
  const results = checkDocument(pairs, { index }, only ? { only } : undefined);
  const tally = { error: 0, warning: 0, info: 0 };
  results.forEach((findings, i) => {
    for (const f of findings) {
      tally[f.severity]++;
      if (values.json) {
        io.out(JSON.stringify({ line: lineNumbers[i], check: f.check, severity: f.severity, term: f.term ?? null, message: f.message }) + '\n');
      } else {
        io.out(`${label}:${lineNumbers[i]}: ${f.severity} ${f.check}${f.term ? ` [${f.term}]` : ''}: ${f.message}\n`);
      }
    }
  });
  const total = tally.error + tally.warning + tally.info;
  io.err(`${total} finding${total === 1 ? '' : 's'} (${tally.error} errors, ${tally.warning} warnings, ${tally.info} info) in ${pairs.length} pairs against ${entries.length} terms\n`);
  return 0;
}
