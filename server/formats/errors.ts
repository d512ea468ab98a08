// The exchange formats report bad files with the project's one FormatError (segments/format-error.ts),
// so routes turn any of them into one problem response.
import { FormatError, type FormatProblem } from '../../segments/format-error.ts';

export type ExchangeFormat = 'tmx' | 'xliff';
export type { FormatProblem };

export function exchangeFormatError(format: ExchangeFormat, problems: FormatProblem[]): FormatError {
  return new FormatError(format, problems);
}
