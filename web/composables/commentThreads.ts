// Comment threads of a segment. The server keeps threads one level deep (a reply names the comment
// that started its thread in `replyTo`, as in Matecat and Weblate), so the panel groups a segment's
// comments into threads: each first comment with its replies, both in the order they were written.

export interface ThreadedComment {
  id: number;
  replyTo: number | null;
  createdAt: string;
}

export interface CommentThread<C extends ThreadedComment> {
  start: C;
  replies: C[];
}

/** Threads in the order they were started; a reply whose first comment is missing starts its own. */
export function threadComments<C extends ThreadedComment>(comments: readonly C[]): CommentThread<C>[] {
  const ordered = [...comments].sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id - b.id);
  const byStart = new Map<number, CommentThread<C>>();
  const threads: CommentThread<C>[] = [];
  for (const c of ordered) {
    if (c.replyTo === null) {
      const thread = { start: c, replies: [] };
      byStart.set(c.id, thread);
      threads.push(thread);
    }
  }
  for (const c of ordered) {
    if (c.replyTo === null) continue;
    const thread = byStart.get(c.replyTo);
    if (thread) thread.replies.push(c);
    else threads.push({ start: c, replies: [] });
  }
  return threads.sort((a, b) => a.start.createdAt.localeCompare(b.start.createdAt) || a.start.id - b.start.id);
}

/** Excerpts are cut to this many characters: enough to recognise the comment being answered. */
export const EXCERPT_CHARS = 120;

/** A comment on one line, cut with an ellipsis, for the "replying to" line above the box. */
export function excerptOf(body: string): string {
  const line = body.replace(/\s+/g, ' ').trim();
  return line.length > EXCERPT_CHARS ? `${line.slice(0, EXCERPT_CHARS - 1)}…` : line;
}
