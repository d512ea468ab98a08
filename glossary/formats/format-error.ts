// The error every glossary format throws for a bad file: all problems at once, each with its
// line and (where it applies) field, so a translator can fix the file in one pass.
export type GlossaryFormat = 'tbx' | 'csv';

export interface FormatProblem {
  line: number;
  field?: string;
  message: string;
}

export class FormatError extends Error {
  readonly format: GlossaryFormat;
  readonly problems: FormatProblem[];
  readonly file?: string;

  constructor(format: GlossaryFormat, problems: FormatProblem[], file?: string) {
    const sorted = [...problems].sort((a, b) => a.line - b.line);
    const what = `${format.toUpperCase()} glossary${file ? ` ${file}` : ''}`;
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
