// Helpers shared by the TBX and CSV readers: value vocabularies and id assignment.
import type { MatchMode, TermEntry, TermStatus } from '../model.ts';
import { slugId } from '../model.ts';

/** TBX administrativeStatus values (with or without the -admn-sts suffix) and plain words. */
export function parseStatus(raw: string): { status: TermStatus; superseded: boolean } | null {
  const v = raw.trim().toLowerCase().replace(/-admn-sts$/, '').replace(/term$/, '');
  if (v === '' || v === 'preferred') return { status: 'preferred', superseded: false };
  if (v === 'admitted') return { status: 'admitted', superseded: false };
  if (v === 'deprecated' || v === 'forbidden') return { status: 'deprecated', superseded: false };
  if (v === 'superseded') return { status: 'deprecated', superseded: true };
  return null;
}

export function parseMatchMode(raw: string): MatchMode | null {
  const v = raw.trim().toLowerCase();
  if (v === '') return 'inflected';
  return v === 'exact' || v === 'inflected' || v === 'prefix' ? v : null;
}

export function parseBool(raw: string): boolean | null {
  const v = raw.trim().toLowerCase();
  if (v === '' || v === 'no' || v === 'false' || v === '0' || v === 'n') return false;
  if (v === 'yes' || v === 'true' || v === '1' || v === 'y') return true;
  return null;
}

/** Fills in generated ids (from the English rendering) without clashing with explicit ones. */
export function assignIds(entries: TermEntry[], explicit: boolean[]): void {
  const taken = new Set(entries.filter((_, i) => explicit[i]).map((e) => e.id));
  entries.forEach((e, i) => {
    if (explicit[i]) return;
    const base = slugId(e.en || e.zh);
    let id = base;
    for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
    e.id = id;
    taken.add(id);
  });
}
