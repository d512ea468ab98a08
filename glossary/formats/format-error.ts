// Glossary formats throw the project's one FormatError (segments/format-error.ts).
import type { FileFormat } from '../../segments/format-error.ts';

export { FormatError, type FormatProblem } from '../../segments/format-error.ts';
export type GlossaryFormat = Extract<FileFormat, 'tbx' | 'csv'>;
