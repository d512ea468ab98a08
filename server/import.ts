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
import { Worker } from 'node:worker_threads';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

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

export interface PrepareInput {
  source: string;
  draft?: string;
  granularity: 'sentence' | 'clause';
  glossary: { zh: string; en: string }[];
}

export interface PreparedImport {
  text: string;
  repairs: unknown[];
  warnings: unknown[];
  rows: NewSegment[];
  beads: number;
}

/** The CPU-heavy part of an import (segmentation, sentence splitting, alignment); no I/O but the lexicon. */
export async function prepareImport(input: PrepareInput): Promise<PreparedImport> {
  const segmented = segmentSource(input.source, { granularity: input.granularity });
  let targets: { target: string; confidence: number | null }[] = segmented.segments.map(() => ({ target: '', confidence: null }));
  let beads = 0;
  if (input.draft) {
    const english = splitEnglish(input.draft);
    const lexicon = await sharedLexicon();
    const aligned = align(
      segmented.segments.map((s) => s.text),
      english,
      { lexicon, glossary: input.glossary },
    );
    beads = aligned.length;
    targets = targetsFromBeads(segmented.segments, english, aligned);
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
  return { text: segmented.text, repairs: segmented.repairs, warnings: segmented.warnings, rows, beads };
}

// Alignment of a large document takes seconds of CPU; it runs in a worker thread so the server keeps
// answering saves meanwhile. One long-lived worker keeps the lexicon loaded between imports; jobs
// queue on it in order. Where a worker cannot start, the work runs inline.
let worker: Worker | undefined;
let workerBroken = false;
let nextJob = 1;
const jobs = new Map<number, { resolve: (r: PreparedImport) => void; reject: (e: Error) => void }>();

/**
 * A worker thread does not inherit tsx's loader hooks (Node 20), so the worker starts from a small
 * JavaScript bootstrap that registers tsx (its ESM API) and then imports import-worker.ts.
 */
function workerBootstrap(): string {
  const api = createRequire(import.meta.url).resolve('tsx/esm/api').replace(/index\.cjs$/, 'index.mjs');
  const entry = new URL('./import-worker.ts', import.meta.url).href;
  return `import(${JSON.stringify(pathToFileURL(api).href)}).then(({ register }) => { register(); return import(${JSON.stringify(entry)}); });`;
}

function importWorker(): Worker | undefined {
  if (workerBroken) return undefined;
  if (worker) return worker;
  const w = new Worker(workerBootstrap(), { eval: true });
  w.unref();
  w.on('message', (msg: { id: number; result?: PreparedImport; error?: string }) => {
    const job = jobs.get(msg.id);
    if (!job) return;
    jobs.delete(msg.id);
    if (jobs.size === 0) w.unref();
    if (msg.error !== undefined) job.reject(new Error(msg.error));
    else job.resolve(msg.result!);
  });
  const fail = (error: Error) => {
    worker = undefined;
    for (const job of jobs.values()) job.reject(error);
    jobs.clear();
  };
  w.on('error', (error) => {
    workerBroken = true;
    console.error(`bitext: the import worker failed (${error.message}); imports now run on the main thread`);
    fail(error);
  });
  w.on('exit', (code) => fail(new Error(`import worker exited with code ${code}`)));
  worker = w;
  return w;
}

function prepareInWorker(input: PrepareInput): Promise<PreparedImport> {
  const w = importWorker();
  if (!w) return prepareImport(input);
  const id = nextJob++;
  return new Promise<PreparedImport>((resolve, reject) => {
    jobs.set(id, { resolve, reject });
    w.ref();
    w.postMessage({ id, input });
  }).catch((error: Error) => {
    // The worker failed to load (e.g. no TypeScript loader): do the work here instead.
    if (workerBroken) return prepareImport(input);
    throw error;
  });
}

export async function importDocument(db: Db, input: ImportInput, glossary: { zh: string; en: string }[] = [], options: { inline?: boolean } = {}): Promise<ImportResult> {
  checkSourceText(input.source);
  const granularity = input.granularity ?? 'sentence';
  const draft = input.draft && input.draft.trim() !== '' ? input.draft : undefined;
  if (draft) checkSourceText(draft, 'draft');
  const job: PrepareInput = { source: input.source, draft, granularity, glossary };
  const prepared = options.inline ? await prepareImport(job) : await prepareInWorker(job);
  if (prepared.rows.length === 0) throw fieldProblem(422, 'source', 'the source has no segments (only whitespace or punctuation?)');
  const documentId = insertDocumentWithSegments(
    db,
    {
      projectId: input.projectId,
      name: input.name,
      rawSource: input.source,
      text: prepared.text,
      rawDraft: draft ?? null,
      granularity,
      repairs: prepared.repairs,
      warnings: prepared.warnings,
      createdBy: input.userId,
    },
    prepared.rows,
  );
  return { documentId, segments: prepared.rows.length, drafted: prepared.rows.filter((r) => r.status === 'draft').length, beads: prepared.beads };
}
