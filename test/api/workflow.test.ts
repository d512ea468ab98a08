// The workflow rules in one table: who may move a segment from which status to which.
import { describe, expect, it } from 'vitest';
import { decideChange, compareStatus } from '../../server/workflow.ts';
import type { Role, SegmentStatus } from '../../server/workflow.ts';

const EN = 'We will seize the opportunities of digitalization.';
const EDIT = 'We will seize the opportunities of digitalisation.';

type Row = [string, Role, SegmentStatus, string, { target?: string; status?: SegmentStatus; reason?: string }, SegmentStatus | number];

const table: Row[] = [
  ['a translator’s first edit makes a new segment draft', 'translator', 'new', '', { target: EN }, 'draft'],
  ['a translator marks a draft translated', 'translator', 'draft', EN, { status: 'translated' }, 'translated'],
  ['a translator edits a translated segment and it stays translated', 'translator', 'translated', EN, { target: EDIT }, 'translated'],
  ['a translator reworks a rejected segment into draft', 'translator', 'rejected', EN, { target: EDIT }, 'draft'],
  ['a translator cannot approve', 'translator', 'translated', EN, { status: 'approved' }, 403],
  ['a translator cannot reject', 'translator', 'translated', EN, { status: 'rejected', reason: 'no' }, 403],
  ['a translator cannot edit an approved segment', 'translator', 'approved', EN, { target: EDIT }, 403],
  ['nobody marks an empty target translated', 'translator', 'new', '', { status: 'translated' }, 422],
  ['a reviewer approves a translated segment', 'reviewer', 'translated', EN, { status: 'approved' }, 'approved'],
  ['a reviewer cannot approve a bare machine draft', 'reviewer', 'draft', EN, { status: 'approved' }, 422],
  ['a reviewer approves a draft together with their own edit', 'reviewer', 'draft', EN, { target: EDIT, status: 'approved' }, 'approved'],
  ['a reviewer’s edit of an approved segment returns it to translated', 'reviewer', 'approved', EN, { target: EDIT }, 'translated'],
  ['a reviewer’s edit and re-approval in one request stays approved', 'reviewer', 'approved', EN, { target: EDIT, status: 'approved' }, 'approved'],
  ['a rejection needs a reason', 'reviewer', 'translated', EN, { status: 'rejected' }, 422],
  ['a rejection with a reason is accepted', 'reviewer', 'translated', EN, { status: 'rejected', reason: '“intelligentization” is not English' }, 'rejected'],
  ['an admin reviews like a reviewer', 'admin', 'translated', EN, { status: 'approved' }, 'approved'],
  ['no segment goes back to new', 'reviewer', 'draft', EN, { status: 'new' }, 422],
];

describe('decideChange', () => {
  it.each(table)('%s', (_, role, status, target, change, expected) => {
    const decision = decideChange(role, { status, target }, change);
    if (typeof expected === 'number') {
      expect(decision.ok).toBe(false);
      if (!decision.ok) expect(decision.status).toBe(expected);
    } else {
      expect(decision).toMatchObject({ ok: true, next: { status: expected } });
    }
  });

  it('reports no change when neither target nor status differ', () => {
    expect(decideChange('translator', { status: 'draft', target: EN }, { target: EN })).toMatchObject({ ok: true, changed: false });
  });

  it('orders statuses new < draft < translated < approved', () => {
    const order: SegmentStatus[] = ['approved', 'new', 'translated', 'draft'];
    expect(order.sort(compareStatus)).toEqual(['new', 'draft', 'translated', 'approved']);
  });
});
