// `bitext segment FILE`: decode, repair and segment a Chinese source file (segments/segment.ts).
// Plain output is one segment per line; --json gives segments with raw offsets, repairs and warnings.
import { readFileSync } from 'node:fs';
import type { CliIO } from '../io.ts';
import { parseCommandArgs } from '../args.ts';
import { DecodeError, decodeText } from '../../segments/decode.ts';
import type { Granularity } from '../../segments/segment.ts';
import { segmentSource } from '../../segments/segment.ts';
import type { RuleSet } from '../../segments/rules.ts';
import { parseSrx, rulesForLanguage } from '../../segments/srx.ts';

const USAGE = `usage: bitext segment FILE [--granularity sentence|clause] [--rules FILE.srx] [--json]

Repairs a Chinese source file (page markers, broken paragraphs, stray spaces, NFC) and cuts it into
segments. FILE may be UTF-8 (with or without BOM), UTF-16 with BOM, or GB18030/GBK; '-' reads
standard input as UTF-8.

  --granularity  sentence (default) or clause (also cut at ；： and between comma clauses)
  --rules        cut with the zh-CN rules of an SRX 2.0 file instead of the built-in ones
  --json         print {segments:[{index,text,section,heading,rawStart,rawEnd}], repairs, warnings};
                 raw offsets count UTF-16 code units of the decoded file
  -h, --help     show this help
`;

export async function run(args: string[], io: CliIO): Promise<number> {
  const parsed = parseCommandArgs('segment', USAGE, args, io, {
    granularity: { type: 'string', short: 'g', default: 'sentence' },
    json: { type: 'boolean', default: false },
    rules: { type: 'string' },
  });
  if (typeof parsed === 'number') return parsed;
  const { values, positionals } = parsed;
  if (positionals.length !== 1) {
    io.err(`bitext segment: expected exactly one FILE, got ${positionals.length}\n${USAGE}`);
    return 2;
  }
  const granularity = values.granularity;
  if (granularity !== 'sentence' && granularity !== 'clause') {
    io.err(`bitext segment: --granularity must be sentence or clause, not "${granularity}"\n`);
    return 2;
  }
  const file = positionals[0];

  let rules: RuleSet | undefined;
  if (values.rules) {
    try {
      rules = rulesForLanguage(parseSrx(readFileSync(values.rules, 'utf8')), 'zh-CN');
    } catch (error) {
      io.err(`bitext segment: cannot use rules from ${values.rules}: ${(error as Error).message}\n`);
      return 2;
    }
  }

  let raw: string;
  if (file === '-') {
    raw = await io.stdin();
  } else {
    let bytes: Uint8Array;
    try {
      bytes = readFileSync(file);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : code === 'EACCES' ? 'permission denied' : (error as Error).message;
      io.err(`bitext segment: cannot read ${file}: ${why}\n`);
      return 2;
    }
    try {
      raw = decodeText(bytes, file);
    } catch (error) {
      if (error instanceof DecodeError) {
        io.err(`bitext segment: cannot decode ${file}: ${error.reason}\n`);
        return 2;
      }
      throw error;
    }
  }

  const result = segmentSource(raw, { granularity: granularity as Granularity, rules });
  if (values.json) {
    const out = {
      segments: result.segments.map(({ index, text, section, heading, rawStart, rawEnd }) => ({ index, text, section, heading, rawStart, rawEnd })),
      repairs: result.repairs,
      warnings: result.warnings,
    };
    io.out(JSON.stringify(out, null, 2) + '\n');
  } else {
    const lines = result.segments.map((s) => s.text);
    io.out(lines.length > 0 ? lines.join('\n') + '\n' : '');
  }
  return 0;
}
