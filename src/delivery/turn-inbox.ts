import { randomUUID } from 'node:crypto';
import type { IncomingTurn, TurnHandler } from '../engine/turn';
import {
  INBOX_RETENTION_MS,
  inboxIdOf,
  type InboxEntry,
  type InboxOutcome,
  type InboxStore,
  type TurnIntake,
} from '../ports/inbox';
import type { Logger } from '../ports/logger';
import { FloodGate, type FloodLimit } from './flood-gate';
import { newTurnScope, type TurnNotifier, type TurnOutbox } from './turn-scope';
import { setImmediate as yieldToIo } from 'node:timers/promises';

/** What the inbox needs. */
export interface TurnInboxDeps {
  store: InboxStore;
  /**
   * The outbox each run of a turn queues through (`out` below): bound to the run's scope, so a replayed turn queues
   * its messages under the same ids and nothing twice.
   */
  outbox: TurnOutbox;
  /**
   * Completes a stored turn before it is processed (the adapter's `prepareTurn`: Slack looks up the member); what it
   * tells the member (a file that could not be kept) goes through `out`.
   */
  prepare?(turn: IncomingTurn, out: TurnNotifier): Promise<IncomingTurn>;
  /** The core's work for one turn; it stores its effects and queues its messages through `out` before it resolves. */
  process(turn: IncomingTurn, replay: boolean, out: TurnNotifier): Promise<void>;
  /** A turn whose processing failed: log ids and apologise through `out` (a scope of its own: queued once). */
  onFailure(turn: IncomingTurn, error: unknown, out: TurnNotifier): Promise<void>;
  /** A member who sends too much: the first turn over the limit gets one calm word (through `out`), the rest nothing. */
  onFlood(turn: IncomingTurn, out: TurnNotifier): Promise<void>;
  /**
   * Called once a turn is marked done: its replies are no longer needed once sent (`OutboxStore.forgetTurn`), since
   * a done turn is never replayed. A failure here only leaves them in the store.
   */
  forgetReplies?(inboxId: string): Promise<void>;
  logger: Logger;
  now: () => Date;
  /** How long a claim on a turn lasts (another instance redoes the turn after that); default 2 minutes. */
  claimMs?: number;
  flood?: FloodLimit;
}

/**
 * The durable inbox in front of the core. An adapter's `accept` is one insert, after which it may ack; the turn is
 * processed in the background, one at a time per member in arrival order, and marked done once its effects are
 * stored. Turns left undone by a crash are picked up by `recover()` at start-up and every half minute. A turn is
 * processed at least once; the core makes a replay change nothing (see docs/delivery-guarantees.md).
 */
export class TurnInbox implements TurnIntake, TurnHandler {
  private readonly holder = `inbox-${randomUUID()}`;
  private readonly tails = new Map<string, Promise<void>>();
  private readonly running = new Map<string, Promise<void>>();
  private readonly gate: FloodGate;
  private seq = 0;
  private timers: NodeJS.Timeout[] = [];

  constructor(private readonly deps: TurnInboxDeps) {
    this.gate = new FloodGate(deps.flood);
  }

  async accept(turn: IncomingTurn): Promise<boolean> {
    const now = this.deps.now();
    const entry: InboxEntry = {
      id: inboxIdOf(turn),
      member: turn.user.id,
      turn,
      receivedAt: now.toISOString(),
      seq: (this.seq = (this.seq + 1) % 1_000_000_000),
      status: 'pending',
      outcome: null,
      doneAt: null,
      claimedBy: this.holder,
      claimedUntil: new Date(now.getTime() + this.claimMs()).toISOString(),
    };
    if (!(await this.deps.store.accept(entry))) {
      this.deps.logger.info('repeated delivery ignored', { platform: turn.platform, event: turn.eventId });
      return false;
    }
    this.schedule(entry, false);
    return true;
  }

  /** Accepts the turn and waits until it has been processed (the web demo, the console, tests). */
  async handleTurn(turn: IncomingTurn): Promise<void> {
    await this.accept(turn);
    await this.running.get(inboxIdOf(turn));
  }

  async settled(): Promise<void> {
    while (this.running.size > 0) await Promise.allSettled([...this.running.values()]);
  }

  /** Picks up turns nobody is working on (left by a crash, or by an instance that died); returns how many. */
  async recover(): Promise<number> {
    const now = this.deps.now();
    let picked = 0;
    for (const entry of await this.deps.store.claimable(now, 500)) {
      if (this.running.has(entry.id)) continue;
      const until = new Date(now.getTime() + this.claimMs());
      if (!(await this.deps.store.claim(entry.id, this.holder, now, until))) continue;
      this.schedule(entry, true);
      picked += 1;
    }
    if (picked > 0) this.deps.logger.info('undone turns picked up again', { turns: picked });
    return picked;
  }

  /** Forgets processed deliveries older than the retention window (longer than any platform retries). */
  async prune(): Promise<number> {
    return this.deps.store.prune(new Date(this.deps.now().getTime() - INBOX_RETENTION_MS));
  }

  /** Recovers now and then every `recoverMs`; prunes every `pruneMs`. */
  start(recoverMs = 30_000, pruneMs = 60 * 60 * 1000): void {
    const every = (ms: number, work: () => Promise<unknown>, what: string) => {
      const timer = setInterval(() => {
        work().catch((error: unknown) => this.deps.logger.error(`inbox ${what} failed`, { error: nameOf(error) }));
      }, ms);
      timer.unref();
      this.timers.push(timer);
    };
    every(recoverMs, () => this.recover(), 'recovery');
    every(pruneMs, () => this.prune(), 'pruning');
  }

  stop(): void {
    for (const timer of this.timers) clearInterval(timer);
    this.timers = [];
  }

  private claimMs(): number {
    return this.deps.claimMs ?? 120_000;
  }

  /** Queues the entry behind the member's earlier turns. */
  private schedule(entry: InboxEntry, replay: boolean): void {
    const previous = this.tails.get(entry.member) ?? Promise.resolve();
    const run = previous.then(() => this.run(entry, replay));
    this.tails.set(entry.member, run);
    this.running.set(entry.id, run);
    void run.finally(() => {
      this.running.delete(entry.id);
      if (this.tails.get(entry.member) === run) this.tails.delete(entry.member);
    });
  }

  /** Never rejects: a failure is logged, and a turn that could not be marked done is redone later. */
  private async run(entry: InboxEntry, replay: boolean): Promise<void> {
    // The work waits for the event loop's next turn: the ack of this turn (and of every request that arrived with it)
    // goes out first, instead of waiting behind the store writes and the engine of turns already accepted.
    await yieldToIo();
    const startedAt = this.deps.now();
    let turn = entry.turn;
    try {
      // Numbered from 0 on every run: a replay queues what the first run queued under the same ids.
      const out = this.deps.outbox.forTurn(newTurnScope(entry.id, startedAt));
      if (this.deps.prepare) turn = await this.deps.prepare(turn, out);
      const outcome = await this.work(entry, turn, replay, out);
      await this.deps.store.markDone(entry.id, this.deps.now(), outcome);
      await this.forgetReplies(entry);
    } catch (error) {
      await this.failed(entry, turn, startedAt, error).catch((failure: unknown) => {
        // Not even the apology could be stored (the store is down): the turn stays undone and is redone later.
        this.deps.logger.error('turn left undone; it will be redone', {
          platform: turn.platform,
          event: turn.eventId,
          error: nameOf(failure),
        });
      });
    }
  }

  private async work(entry: InboxEntry, turn: IncomingTurn, replay: boolean, out: TurnNotifier): Promise<InboxOutcome> {
    const verdict = this.gate.admit(entry.member, Date.parse(entry.receivedAt));
    if (verdict === 'over') return 'throttled';
    if (verdict === 'first_over') {
      await this.deps.onFlood(turn, out);
      return 'throttled';
    }
    await this.deps.process(turn, replay, out);
    return 'processed';
  }

  private async failed(entry: InboxEntry, turn: IncomingTurn, startedAt: Date, error: unknown): Promise<void> {
    // A scope of its own, so the apology's id never collides with a message the failed attempt queued.
    const out = this.deps.outbox.forTurn(newTurnScope(`${entry.id}:failed`, startedAt, entry.id));
    await this.deps.onFailure(turn, error, out);
    await this.deps.store.markDone(entry.id, this.deps.now(), 'failed');
    await this.forgetReplies(entry);
  }

  /** Never throws: a failure only keeps the turn's delivered replies in the store, as a record nobody reads. */
  private async forgetReplies(entry: InboxEntry): Promise<void> {
    if (!this.deps.forgetReplies) return;
    try {
      await this.deps.forgetReplies(entry.id);
    } catch (error) {
      this.deps.logger.warn('replies of a done turn not forgotten', { error: nameOf(error) });
    }
  }
}

function nameOf(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string') return code;
  return error instanceof Error ? error.name : typeof error;
}
