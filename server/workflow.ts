// The review workflow: segment statuses and who may move a segment where. Every route that changes a
// segment's target or status asks `decideChange` here, so the rules live in exactly one place.
// Statuses are ordered new < draft < translated < approved; `rejected` sits beside them (a reviewer
// sent the segment back) and is treated like draft for the translator's next move.

export const STATUSES = ['new', 'draft', 'translated', 'approved', 'rejected'] as const;
export type SegmentStatus = (typeof STATUSES)[number];

export const ROLES = ['translator', 'reviewer', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** The progress order of the main line; `rejected` ranks with draft (it needs work again). */
export const STATUS_RANK: Record<SegmentStatus, number> = { new: 0, draft: 1, rejected: 1, translated: 2, approved: 3 };

export function compareStatus(a: SegmentStatus, b: SegmentStatus): number {
  return STATUS_RANK[a] - STATUS_RANK[b];
}

/** Reviewers and project admins hold review rights; admins additionally manage the project. */
export function canReview(role: Role): boolean {
  return role === 'reviewer' || role === 'admin';
}

export function canManageProject(role: Role): boolean {
  return role === 'admin';
}

export interface SegmentState {
  target: string;
  status: SegmentStatus;
}

export interface RequestedChange {
  target?: string;
  status?: SegmentStatus;
  /** Required when rejecting; stored as a comment on the segment. */
  reason?: string;
}

export type Decision =
  | { ok: true; changed: false; next: SegmentState }
  | { ok: true; changed: true; next: SegmentState; note: string | null }
  | { ok: false; status: 403 | 422; field: 'status' | 'target' | 'reason'; message: string };

function deny(status: 403 | 422, field: 'status' | 'target' | 'reason', message: string): Decision {
  return { ok: false, status, field, message };
}

/**
 * Decides what a member with `role` may do to a segment in state `current`.
 * - translator: edits new/draft/translated/rejected segments and moves them to draft or translated;
 *   never approves or rejects, never touches an approved segment;
 * - reviewer/admin: edits anything; approves translated (or approved, re-approving an edit) segments,
 *   or any segment whose target they supply in the same request; rejects translated/approved/draft
 *   segments with a reason. An edit of an approved segment without `status: approved` returns it to
 *   translated, so an approval always covers the text that was approved.
 * An edit without a status moves new and rejected segments to draft and leaves other statuses as they are.
 */
export function decideChange(role: Role, current: SegmentState, change: RequestedChange): Decision {
  const target = change.target ?? current.target;
  const targetChanged = change.target !== undefined && change.target !== current.target;
  const reviewer = canReview(role);

  if (!reviewer) {
    if (current.status === 'approved') return deny(403, 'target', 'a translator cannot edit an approved segment');
    if (change.status === 'approved' || change.status === 'rejected') {
      return deny(403, 'status', `a translator cannot set status '${change.status}'; only reviewers approve or reject`);
    }
    if (change.status === 'new') return deny(422, 'status', "a segment cannot be moved back to 'new'");
  }

  let status: SegmentStatus;
  if (change.status !== undefined) {
    status = change.status;
  } else if (!targetChanged) {
    status = current.status;
  } else if (current.status === 'new' || current.status === 'rejected') {
    status = 'draft';
  } else if (current.status === 'approved') {
    status = 'translated';
  } else {
    status = current.status;
  }

  if (status === 'new' && current.status !== 'new') return deny(422, 'status', "a segment cannot be moved back to 'new'");
  if (status === 'approved' && current.status !== 'approved' && current.status !== 'translated' && !targetChanged) {
    return deny(422, 'status', `only translated segments can be approved (this one is '${current.status}'); send the target with the approval to approve your own translation`);
  }
  if (status === 'rejected' && current.status !== 'rejected') {
    if (!reviewer) return deny(403, 'status', 'only reviewers reject segments');
    if (!change.reason?.trim()) return deny(422, 'reason', 'a rejection needs a reason');
  }
  if ((status === 'translated' || status === 'approved') && target.trim() === '') {
    return deny(422, 'target', `a segment with an empty target cannot be '${status}'`);
  }

  if (!targetChanged && status === current.status) return { ok: true, changed: false, next: current };
  const note = status === 'rejected' && change.reason ? `rejected: ${change.reason.trim()}` : null;
  return { ok: true, changed: true, next: { target, status }, note };
}
