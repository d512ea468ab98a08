// The exchange formats report bad files with the glossary formats' FormatError (one shape for every
// import: all problems, each with its line and field), so routes turn any of them into one problem response.
import { FormatError, type FormatProblem } from '../../glossary/formats/format-error.ts';

export type ExchangeFormat = 'tmx' | 'xliff';
export type { FormatProblem };

export function exchangeFormatError(format: ExchangeFormat, problems: FormatProblem[]): FormatError {
  // FormatError's `format` is typed with the glossary formats only; the value is still the true one.
  const error = new FormatError(format as never, problems);
  error.message = error.message.replace(/^bad [A-Z]+ glossary/, `bad ${format.toUpperCase()} file`);
  return error;
}
