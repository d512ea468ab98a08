// Group commit for segment saves (the technique of database write-ahead logs, e.g. PostgreSQL's
// commit_delay): with synchronous = FULL every commit waits for an fsync (~3.4 ms on the test machine),
// which would cap one connection near 300 commits/s. Saves therefore queue; the first one queued
// schedules a flush with setImmediate, so every save that arrives in the same turn of the event loop
// (and all that arrived while the previous flush was syncing) is applied in order in ONE transaction,
// each change set in a savepoint of its own with its own version check and revisions, and committed
// once. Only then does each caller hear its own outcome, so a 200 always means "on disk".
// The workflow decisions are made by the callers before they queue (server/workflow.ts); the version
// check in the write guarantees the row is still the one they decided on.
import type { Db } from './db/index.ts';
import { applyChangeSetGroup } from './db/queries/segments.ts';
import type { ChangeSetItem, ChangeSetResult } from './db/queries/segments.ts';

interface Pending {
  items: ChangeSetItem[];
  resolve(result: ChangeSetResult): void;
  reject(error: Error): void;
}

export class SaveQueue {
  private pending: Pending[] = [];
  /** Transactions committed and change sets written by them, for tests and benches. */
  readonly stats = { flushes: 0, sets: 0, largestGroup: 0 };

  constructor(private readonly db: Db) {}

  /** Queues one change set (all of it or none); resolves once it is committed. */
  save(items: ChangeSetItem[]): Promise<ChangeSetResult> {
    return new Promise((resolve, reject) => {
      this.pending.push({ items, resolve, reject });
      if (this.pending.length === 1) setImmediate(() => this.flush());
    });
  }

  private flush(): void {
    const group = this.pending;
    this.pending = [];
    if (group.length === 0) return;
    let results: (ChangeSetResult | Error)[];
    try {
      results = applyChangeSetGroup(
        this.db,
        group.map((p) => p.items),
      );
    } catch (error) {
      // BEGIN or COMMIT itself failed: nothing of the group is on disk.
      for (const p of group) p.reject(error instanceof Error ? error : new Error(String(error)));
      return;
    }
    this.stats.flushes++;
    this.stats.sets += group.length;
    this.stats.largestGroup = Math.max(this.stats.largestGroup, group.length);
    group.forEach((p, i) => {
      const result = results[i];
      if (result instanceof Error) p.reject(result);
      else p.resolve(result);
    });
  }
}
