// Login rate limiting: a sliding window of attempts per username+IP and per IP. An attempt is
// counted *before* the slow password check (reserve), so a burst of parallel guesses cannot all
// slip past the check while the first ones are still hashing; a success releases its own
// reservation. After `limit` counted attempts within `windowMs` further attempts get 429 with
// Retry-After until the oldest ages out. The per-username+IP window stops guessing one account
// without letting a stranger lock a user out from every address; the wider per-IP window stops one
// address from spraying guesses across many usernames.
export class LoginLimiter {
  private readonly attempts = new Map<string, number[]>();

  constructor(
    readonly limit: number,
    readonly windowMs: number,
    /** Attempts per IP (whatever the username) allowed per window. */
    readonly ipLimit = limit * 4,
  ) {}

  /**
   * Counts an attempt against both windows when neither is full. Returns the seconds to wait
   * (> 0, nothing counted) or a reservation to settle with `succeeded` once the password is known.
   */
  reserve(username: string, ip: string, now = Date.now()): { wait: number; field: 'username' | 'address' } | LoginReservation {
    const userKey = `u\u0000${username.toLowerCase()}\u0000${ip}`;
    const ipKey = `ip\u0000${ip}`;
    const userWait = this.waitFor(userKey, this.limit, now);
    if (userWait > 0) return { wait: userWait, field: 'username' };
    const ipWait = this.waitFor(ipKey, this.ipLimit, now);
    if (ipWait > 0) return { wait: ipWait, field: 'address' };
    this.record(userKey, now);
    this.record(ipKey, now);
    return new LoginReservation(this, userKey, ipKey, now);
  }

  /** A failed attempt stays counted; a success clears its username+IP window and its IP slot. */
  release(userKey: string, ipKey: string, at: number): void {
    this.attempts.delete(userKey);
    const times = this.attempts.get(ipKey);
    if (!times) return;
    const i = times.indexOf(at);
    if (i >= 0) times.splice(i, 1);
    if (times.length === 0) this.attempts.delete(ipKey);
  }

  private waitFor(key: string, limit: number, now: number): number {
    const recent = this.recent(key, now);
    if (recent.length < limit) return 0;
    return Math.max(1, Math.ceil((recent[recent.length - limit] + this.windowMs - now) / 1000));
  }

  private record(key: string, now: number): void {
    const recent = this.recent(key, now);
    recent.push(now);
    this.attempts.set(key, recent);
    if (this.attempts.size > 10_000) this.prune(now);
  }

  private recent(key: string, now: number): number[] {
    return (this.attempts.get(key) ?? []).filter((t) => t > now - this.windowMs);
  }

  private prune(now: number): void {
    for (const [key, times] of this.attempts) {
      if (!times.some((t) => t > now - this.windowMs)) this.attempts.delete(key);
    }
  }
}

export class LoginReservation {
  constructor(
    private readonly limiter: LoginLimiter,
    private readonly userKey: string,
    private readonly ipKey: string,
    private readonly at: number,
  ) {}

  succeeded(): void {
    this.limiter.release(this.userKey, this.ipKey, this.at);
  }
}
