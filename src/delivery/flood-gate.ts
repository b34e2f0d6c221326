/** How many turns a member may send in a window before the bot stops answering them one by one. */
export interface FloodLimit {
  turns: number;
  windowMs: number;
}

/**
 * 60 turns a minute: a member going quickly through the report presses a button every few seconds, far below this;
 * pasting a handful of messages at once is fine too. More than one a second for a minute is a script or a stuck key.
 */
export const DEFAULT_FLOOD_LIMIT: FloodLimit = { turns: 60, windowMs: 60_000 };

/** What to do with a member's turn. */
export type FloodVerdict = 'ok' | 'first_over' | 'over';

/**
 * Counts each member's turns in a sliding window by the time they arrived (stored in the inbox, so a replay after a
 * restart decides the same way). Over the limit, the first turn gets one calm "slow down" and the rest are stored
 * but not answered; once the member is back under the limit, they are answered again.
 */
export class FloodGate {
  private readonly seen = new Map<string, number[]>();
  private readonly warned = new Set<string>();

  constructor(private readonly limit: FloodLimit = DEFAULT_FLOOD_LIMIT) {}

  admit(member: string, receivedAtMs: number): FloodVerdict {
    const recent = (this.seen.get(member) ?? []).filter((at) => at > receivedAtMs - this.limit.windowMs);
    if (recent.length >= this.limit.turns) {
      this.seen.set(member, recent);
      if (this.warned.has(member)) return 'over';
      this.warned.add(member);
      return 'first_over';
    }
    recent.push(receivedAtMs);
    this.seen.set(member, recent);
    this.warned.delete(member);
    if (this.seen.size > 10_000) this.forgetQuiet(receivedAtMs);
    return 'ok';
  }

  /** Keeps memory bounded: members with nothing in the window are dropped. */
  private forgetQuiet(nowMs: number): void {
    for (const [member, times] of this.seen) {
      if (times.every((at) => at <= nowMs - this.limit.windowMs)) {
        this.seen.delete(member);
        this.warned.delete(member);
      }
    }
  }
}
