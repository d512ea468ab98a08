// The translation memory of a database: one in-memory fuzzy index (server/tm/fuzzy.ts) per
// language pair, across all projects of that pair, kept current incrementally. tm_units only ever
// gains rows with higher ids (a changed approval is a delete plus an insert, by trigger) and every
// deletion leaves a tombstone in tm_deleted, so before each lookup the index reads the units and
// tombstones past its high-water marks — two primary-key range scans, normally empty. Deleted units
// are filtered out of results, and results are re-read from the database, so an answer never shows
// a unit that is gone. When tombstones reach half the index it is rebuilt.
import type { Db } from '../db/index.ts';
import { getTmUnits, tmDeletedSince, tmUnitsSince, type TmUnitDetail, type TmUnitRow } from '../db/queries/tm.ts';
import { primaryLanguage } from '../formats/tmx.ts';
import { DEFAULT_THRESHOLD, TmIndex } from './fuzzy.ts';

interface Entry {
  id: number;
  projectId: number;
  source: string;
  target: string;
}

export interface TmHit extends TmUnitDetail {
  /** Fuzzy matches: Dice over character bigrams × 100 (see server/tm/fuzzy.ts). */
  score?: number;
  /** Concordance hits: where the term was found. */
  foundIn?: 'source' | 'target' | 'both';
}

export function pairKey(sourceLang: string, targetLang: string): string {
  return `${primaryLanguage(sourceLang)}>${primaryLanguage(targetLang)}`;
}

class TranslationMemory {
  private pairs = new Map<string, TmIndex<Entry>>();
  private dead = new Set<number>();
  private size = 0;
  private unitMark = 0;
  private deletedMark = 0;

  constructor(private db: Db) {}

  private sync(): void {
    for (;;) {
      const rows = tmUnitsSince(this.db, this.unitMark);
      if (rows.length === 0) break;
      for (const r of rows) this.addRow(r);
      this.unitMark = rows[rows.length - 1].id;
    }
    for (;;) {
      const rows = tmDeletedSince(this.db, this.deletedMark);
      if (rows.length === 0) break;
      for (const r of rows) if (r.unitId <= this.unitMark) this.dead.add(r.unitId);
      this.deletedMark = rows[rows.length - 1].seq;
    }
    if (this.dead.size > 1000 && this.dead.size * 2 > this.size) {
      // Rebuild from the live rows; tombstones up to deletedMark are accounted for by their absence.
      this.pairs = new Map();
      this.dead = new Set();
      this.size = 0;
      this.unitMark = 0;
      this.sync();
    }
  }

  private catchingUp: Promise<void> | undefined;

  /**
   * Catches up with the database in slices of 5,000 units, yielding to the event loop between
   * slices, so building the index of a large TM does not stall other requests. Lookups await it.
   */
  ready(): Promise<void> {
    this.catchingUp ??= (async () => {
      try {
        for (;;) {
          const rows = tmUnitsSince(this.db, this.unitMark, 5000);
          if (rows.length === 0) break;
          for (const r of rows) this.addRow(r);
          this.unitMark = rows[rows.length - 1].id;
          await new Promise((resolve) => setImmediate(resolve));
        }
      } finally {
        this.catchingUp = undefined;
      }
    })();
    return this.catchingUp;
  }

  private addRow(r: TmUnitRow): void {
    const key = pairKey(r.srcLang, r.tgtLang);
    let index = this.pairs.get(key);
    if (!index) this.pairs.set(key, (index = new TmIndex<Entry>()));
    index.add({ id: r.id, projectId: r.projectId, source: r.source, target: r.target });
    this.size++;
  }

  private details<H extends { entry: Entry }>(hits: H[]): (TmUnitDetail & { hit: H })[] {
    const rows = getTmUnits(this.db, hits.map((h) => h.entry.id));
    return hits.flatMap((hit) => {
      const row = rows.get(hit.entry.id);
      return row ? [{ ...row, hit }] : [];
    });
  }

  match(pair: string, query: string, options: { threshold?: number; limit?: number } = {}): TmHit[] {
    this.sync();
    const index = this.pairs.get(pair);
    if (!index) return [];
    const hits = index.match(query, { threshold: options.threshold ?? DEFAULT_THRESHOLD, limit: options.limit ?? 10, accept: (e) => !this.dead.has(e.id) });
    return this.details(hits).map(({ hit, ...row }) => ({ ...row, score: hit.score }));
  }

  concordance(pair: string, term: string, options: { limit?: number } = {}): TmHit[] {
    this.sync();
    const index = this.pairs.get(pair);
    if (!index) return [];
    const hits = index.concordance(term, { limit: options.limit ?? 50, accept: (e) => !this.dead.has(e.id) });
    return this.details(hits).map(({ hit, ...row }) => ({ ...row, foundIn: hit.in }));
  }
}

const memories = new WeakMap<Db, TranslationMemory>();

/** The translation memory of this database connection (created on first use, then kept current). */
export function translationMemory(db: Db): TranslationMemory {
  let tm = memories.get(db);
  if (!tm) memories.set(db, (tm = new TranslationMemory(db)));
  return tm;
}

export type { TranslationMemory };
