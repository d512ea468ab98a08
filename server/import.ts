// Document import: repair + segment the Chinese source (segments/segment.ts), split the English
// draft (segments/english.ts), align them (segments/align, hunalign-style with the CC-CEDICT lexicon
// and the project glossary), then write the document and all its segments in one transaction.
//
// How beads become targets:
// - 1-1 and n-1 / n-m beads: the bead's English sentences, joined by a space, become the draft target
//   of the bead's FIRST Chinese segment; the bead's other Chinese segments stay empty (`new`) since
//   their meaning is already carried by that English. All get the bead's confidence.
// - 1-0 beads (Chinese without English): empty target, status `new`, no confidence.
// - 0-1 beads (English without Chinese): the English is appended to the target of the previous
//   segment that has Chinese (or prepended to the next one when the document starts with it), and
//   that segment's confidence becomes the lower of the two, so a reviewer looks at it.
import { segmentSource } from '../segments/segment.ts';
import type { SourceSegment } from '../segments/segment.ts';
import { splitEnglish } from '../segments/english.ts';
import { align } from '../segments/align/index.ts';
import type { Bead } from '../segments/align/index.ts';
import { loadLexicon } from '../segments/align/lexicon-loader.ts';
import type { Lexicon } from '../segments/align/lexicon.ts';
import type { Db } from './db/index.ts';
import { insertDocumentWithSegments } from './db/queries/documents.ts';
import type { NewSegment } from './db/queries/documents.ts';
import { fieldProblem } from './problem.ts';

export interface ImportInput {
  projectId: number;
  name: string;
  source: string;
  draft?: string;
  granularity?: 'sentence' | 'clause';
  userId: number | null;
}

export interface ImportResult {
  documentId: number;
  segments: number;
  drafted: number;
  beads: number;
}

let lexiconPromise: Promise<Lexicon | undefined> | undefined;

/** The CC-CEDICT lexicon, loaded once per process on the first import that has a draft. */
export function sharedLexicon(): Promise<Lexicon | undefined> {
  lexiconPromise ??= loadLexicon().catch((error: unknown) => {
    // Alignment still works on lengths, numbers and the glossary; say so once and carry on.
    console.error(`bitext: alignment lexicon unavailable, aligning without it: ${error instanceof Error ? error.message : String(error)}`);
    return undefined;
  });
  return lexiconPromise;
}

export function checkSourceText(source: string, field = 'source'): void {
  if (source.trim() === '') throw fieldProblem(422, field, 'the source text is empty');
  if (source.includes('\uFFFD')) {
    throw fieldProblem(422, field, 'contains U+FFFD replacement characters (not valid UTF-8); upload the file as multipart so its encoding is detected');
  }
}

/** Turns beads into per-segment targets (see the header for the rules). */
export function targetsFromBeads(segments: SourceSegment[], english: string[], beads: Bead[]): { target: string; confidence: number | null }[] {
  const out = segments.map(() => ({ target: '', confidence: null as number | null }));
  let pendingHead: string[] = [];
  let pendingConfidence = 1;
  let lastWithZh = -1;
  for (const bead of beads) {
    const text = bead.en.map((i) => english[i]).join(' ');
    if (bead.zh.length === 0) {
      if (!text) continue;
      if (lastWithZh < 0) {
        pendingHead.push(text);
        pendingConfidence = Math.min(pendingConfidence, bead.confidence);
      } else {
        const slot = out[lastWithZh];
        slot.target = slot.target ? `${slot.target} ${text}` : text;
        slot.confidence = Math.min(slot.confidence ?? bead.confidence, bead.confidence);
      }
      continue;
    }
    const first = bead.zh[0];
    lastWithZh = first;
    const parts = [...pendingHead, text].filter(Boolean);
    if (parts.length) {
      out[first].target = parts.join(' ');
      for (const zh of bead.zh) out[zh].confidence = bead.confidence;
      if (pendingHead.length) out[first].confidence = Math.min(text ? bead.confidence : 1, pendingConfidence);
    }
    pendingHead = [];
  }
  // A draft that is all 0-1 beads before any Chinese: give it to the first segment.
  if (pendingHead.length && out.length) {
    out[0].target = [pendingHead.join(' '), out[0].target].filter(Boolean).join(' ');
    out[0].confidence = Math.min(out[0].confidence ?? pendingConfidence, pendingConfidence);
  }
  return out;
}

export async function importDocument(db: Db, input: ImportInput, glossary: { zh: string; en: string }[] = []): Promise<ImportResult> {
  checkSourceText(input.source);
  const granularity = input.granularity ?? 'sentence';
  const segmented = segmentSource(input.source, { granularity });
  if (segmented.segments.length === 0) throw fieldProblem(422, 'source', 'the source has no segments (only whitespace or punctuation?)');

  let targets: { target: string; confidence: number | null }[] = segmented.segments.map(() => ({ target: '', confidence: null }));
  let beadCount = 0;
  const draft = input.draft && input.draft.trim() !== '' ? input.draft : undefined;
  if (draft) {
    if (draft.includes('\uFFFD')) checkSourceText(draft, 'draft');
    const english = splitEnglish(draft);
    const lexicon = await sharedLexicon();
    const beads = align(
      segmented.segments.map((s) => s.text),
      english,
      { lexicon, glossary },
    );
    beadCount = beads.length;
    targets = targetsFromBeads(segmented.segments, english, beads);
  }

  const rows: NewSegment[] = segmented.segments.map((s, i) => ({
    source: s.text,
    target: targets[i].target,
    status: targets[i].target ? 'draft' : 'new',
    section: s.section,
    heading: s.heading,
    start: s.start,
    end: s.end,
    rawStart: s.rawStart,
    rawEnd: s.rawEnd,
    confidence: targets[i].confidence,
    warnings: s.warnings,
  }));
  const documentId = insertDocumentWithSegments(db, {
    projectId: input.projectId,
    name: input.name,
    rawSource: input.source,
    text: segmented.text,
    rawDraft: draft ?? null,
    granularity,
    repairs: segmented.repairs,
    warnings: segmented.warnings,
    createdBy: input.userId,
  }, rows);
  return { documentId, segments: rows.length, drafted: rows.filter((r) => r.status === 'draft').length, beads: beadCount };
}
