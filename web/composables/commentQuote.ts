// Quoting a comment in a new comment. The server keeps comments flat (no reply-to field), so a
// "reply" is a new comment whose body opens with one quote line naming the original by id —
// `> #12 tina: excerpt` — followed by a blank line and the text (the e-mail/Markdown quote
// convention). The panel renders that line as a quote block linking to the original, instead of
// pretending to thread.

export interface QuotedComment {
  id: number;
  user: string | null;
  body: string;
}

export interface ParsedComment {
  quote: { id: number; user: string; excerpt: string } | null;
  text: string;
}

/** Quotes are cut to this many characters: enough to recognise the original, which is linked. */
export const EXCERPT_CHARS = 120;

const QUOTE = /^> #(\d+) ([^:\n]*): ([^\n]*)\n\n([\s\S]*)$/;

/** Splits a comment body into the quote it opens with (if any) and its own text. */
export function parseComment(body: string): ParsedComment {
  const m = QUOTE.exec(body);
  if (!m) return { quote: null, text: body };
  return { quote: { id: Number(m[1]), user: m[2], excerpt: m[3] }, text: m[4] };
}

/** The excerpt of a comment as it is quoted: its own text (not a quote it holds), on one line. */
export function excerptOf(body: string): string {
  const own = parseComment(body).text.replace(/\s+/g, ' ').trim();
  return own.length > EXCERPT_CHARS ? `${own.slice(0, EXCERPT_CHARS - 1)}…` : own;
}

/** The body of a new comment quoting `original`. */
export function quoteComment(original: QuotedComment, text: string): string {
  const user = (original.user ?? 'unknown').replace(/[:\n]/g, ' ');
  return `> #${original.id} ${user}: ${excerptOf(original.body)}\n\n${text.trim()}`;
}
