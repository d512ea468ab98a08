// Session tokens: 32 random bytes in an HttpOnly cookie; only their sha256 is stored.
import { createHash } from 'node:crypto';

export const SESSION_COOKIE = 'bitext_session';

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}
