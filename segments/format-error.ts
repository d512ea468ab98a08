// The one error every file format throws for a bad file (SRX here; TBX and CSV glossaries;
// TMX and XLIFF in server/formats): all problems at once, each with its line and, where it applies,
// its field, so a user can fix the file in one pass and an import of a broken file imports nothing.
export type FileFormat = 'srx' | 'tbx' | 'csv' | 'tmx' | 'xliff';

export interface FormatProblem {
  line: number;
  field?: string;
  message: string;
}

const WHAT: Record<FileFormat, string> = {
  srx: 'SRX rules file',
  tbx: 'TBX glossary',
  csv: 'CSV glossary',
  tmx: 'TMX file',
  xliff: 'XLIFF file',
};

export class FormatError extends Error {
  readonly format: FileFormat;
  readonly problems: FormatProblem[];
  readonly file?: string;

  constructor(format: FileFormat, problems: FormatProblem[], file?: string) {
    const sorted = [...problems].sort((a, b) => a.line - b.line);
    const what = `${WHAT[format]}${file ? ` ${file}` : ''}`;
    const lines = sorted.map((p) => `  line ${p.line}${p.field ? `, field ${p.field}` : ''}: ${p.message}`);
    super(`bad ${what}: ${sorted.length} problem${sorted.length === 1 ? '' : 's'}\n${lines.join('\n')}`);
    this.name = 'FormatError';
    this.format = format;
    this.problems = sorted;
    if (file) this.file = file;
  }

  /** The same problems, attributed to a file (loaders know the path, parsers do not). */
  withFile(file: string): FormatError {
    return new FormatError(this.format, this.problems, file);
  }
}
