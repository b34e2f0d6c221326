/**
 * How fast the dispatcher may post to one conversation, so a hate storm never runs into the platforms' limits (and
 * their 429s, which would delay every alert behind the refused one):
 * - Slack: `chat.postMessage` allows about one message per second per channel, with short bursts above it;
 * - Teams: a bot may send 7 messages per second, 60 per 30 seconds and 1,800 per hour to one conversation.
 * One token bucket per address: `burst` messages at once, then `perSecond`. Addresses of other platforms (the web
 * demo, the console) are not limited. Pure and in memory: the clock is passed in, nothing is stored, so a restart
 * starts with full buckets (the platforms' own windows are that short).
 */

/** A bucket's shape: how many messages at once, and how many per second after that. */
export interface RateLimit {
  burst: number;
  perSecond: number;
}

/**
 * Slack: one per second per channel, bursts of three. Teams: bursts of seven (its per-second limit), then a little
 * under one every two seconds, which stays under both 60 per 30 s and 1,800 per hour (7 + 0.49 × 3,600 < 1,800).
 */
export const PLATFORM_LIMITS: Record<string, RateLimit> = {
  slack: { burst: 3, perSecond: 1 },
  teams: { burst: 7, perSecond: 0.49 },
};

interface Bucket {
  tokens: number;
  at: number;
}

/** Token buckets per conversation address (`slack:T1:C42`, `teams:…`). */
export class ConversationRateLimiter {
  private readonly buckets = new Map<string, Bucket>();
  /**
   * Addresses whose last message left less than a whole token: only these can be held back (a bucket only drains by
   * `tryTake`), so `heldAddresses` looks at them alone, not at every conversation that sent in the last seconds.
   */
  private readonly drained = new Set<string>();

  constructor(private readonly limits: Record<string, RateLimit> = PLATFORM_LIMITS) {}

  private limitOf(address: string): RateLimit | undefined {
    return this.limits[address.slice(0, address.indexOf(':'))];
  }

  private bucket(address: string, limit: RateLimit, now: number): Bucket {
    const found = this.buckets.get(address) ?? { tokens: limit.burst, at: now };
    const refilled = Math.min(limit.burst, found.tokens + ((now - found.at) / 1000) * limit.perSecond);
    const current = { tokens: refilled, at: now };
    // A full bucket is the same as none: forget it, so a long list of quiet addresses costs no memory.
    if (refilled >= limit.burst) this.buckets.delete(address);
    else this.buckets.set(address, current);
    return current;
  }

  /** Milliseconds until a message to `address` may go out (0: now). */
  waitMs(address: string, now: Date): number {
    const limit = this.limitOf(address);
    if (!limit) return 0;
    const { tokens } = this.bucket(address, limit, now.getTime());
    return tokens >= 1 ? 0 : Math.ceil(((1 - tokens) / limit.perSecond) * 1000);
  }

  /**
   * The conversations that must wait now (no whole token left). The dispatcher leaves their messages out of its reads
   * of the queue: in a storm, 200 alerts waiting for one channel were read, copied and checked again on every pass.
   */
  heldAddresses(now: Date): string[] {
    const held: string[] = [];
    for (const address of [...this.drained]) {
      const limit = this.limitOf(address);
      if (limit && this.bucket(address, limit, now.getTime()).tokens < 1) held.push(address);
      else this.drained.delete(address);
    }
    return held;
  }

  /** Takes one message's token when one is there; false (taking nothing) when the sender must wait. */
  tryTake(address: string, now: Date): boolean {
    const limit = this.limitOf(address);
    if (!limit) return true;
    const bucket = this.bucket(address, limit, now.getTime());
    if (bucket.tokens < 1) return false;
    this.buckets.set(address, { tokens: bucket.tokens - 1, at: now.getTime() });
    if (bucket.tokens - 1 < 1) this.drained.add(address);
    return true;
  }
}
