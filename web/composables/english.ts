// The English sentence splitter of segments/ (pure), used by the alignment view to split a target
// at a sentence boundary and to move single sentences between neighbouring segments.
export { splitEnglish } from '../../segments/english.ts';
