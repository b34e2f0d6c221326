import { randomUUID } from 'node:crypto';
import { setImmediate as yieldToIo } from 'node:timers/promises';
import type { Notification } from '../domain/notification';
import { join, type MessagePrompt } from '../engine/prompt';
import type { CaseRepository } from '../ports/case-repository';
import type { OutgoingMessage } from '../engine/prompt';
import type { Logger } from '../ports/logger';
import type { NotificationRenderer } from '../ports/notification-renderer';
import { DeliveryError, type Notifier } from '../ports/notifier';
import type { OutboxStore } from '../ports/outbox-store';
import { backoffMs } from './backoff';
import type { ConversationRateLimiter } from './rate-limit';
import { relayPendingNotifications } from './relay';
import { repeatsHarmlessly } from './repeatable';

/** What to do when a notification can never reach its address (blocked app, deleted channel). */
export type UndeliverableHandler = (notification: Notification, reason: string, now: Date) => Promise<void>;

export interface DispatcherDeps {
  cases: CaseRepository;
  outbox: OutboxStore;
  notifier: Notifier;
  logger: Logger;
  now: () => Date;
  onUndeliverable: UndeliverableHandler;
  /** How long a claim on a notification lasts while it is being sent. */
  claimMs?: number;
  /** Holds back messages to a conversation that has had its share (src/delivery/rate-limit.ts); none: no limit. */
  rateLimiter?: ConversationRateLimiter;
  /** Conversations served at once in a pass (default 16); each conversation's own messages go one at a time. */
  parallelConversations?: number;
  /**
   * Sends in flight at once to addresses whose platform cannot settle a send in doubt (`Notifier.settlesInDoubt`:
   * Teams, web, console), of messages that must not repeat (alerts, receipts, 112 guidance, anything about a case).
   * A crash may send each of them twice; default 1.
   */
  unsettledInFlight?: number;
  /**
   * Besides those, sends in flight at once to such platforms of messages that repeat harmlessly
   * (`repeatsHarmlessly`: the next question of a dialog, the summary); a crash may send each of them twice; default 4.
   */
  repeatableInFlight?: number;
  /** Renders case notifications (references) from the case when they are sent; needed once a case exists. */
  renderer?: NotificationRenderer;
}

/** What the lanes of one pass share. */
interface PassState {
  handled: number;
  /** The first error a lane met (a store that failed): the pass stops and rethrows it. */
  failure: { error: unknown } | null;
  /** Sends in flight to addresses that cannot settle a send in doubt, of messages that must not repeat. */
  inDoubt: Slots;
  /** Sends in flight to those addresses of messages that repeat harmlessly (a dialog's next question). */
  repeatable: Slots;
}

/** A counting semaphore: at most `size` holders at a time, the others wait in order. */
class Slots {
  private free: number;
  private readonly waiting: Array<() => void> = [];

  constructor(size: number) {
    this.free = size;
  }

  async take(): Promise<void> {
    if (this.free > 0) {
      this.free -= 1;
      return;
    }
    await new Promise<void>((resolve) => this.waiting.push(resolve));
  }

  give(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.free += 1;
  }
}

/**
 * Sends what the outbox holds: oldest first, in order per case and address, retrying with backoff on rate limits,
 * 5xx and network errors, and never sending what another process has claimed.
 */
export class Dispatcher {
  private readonly holder = `dispatcher-${randomUUID()}`;
  private running: Promise<void> | null = null;
  private again = false;
  /** The pass running now: passes of one dispatcher (kick's loop, drain) run one after another, never together. */
  private tail: Promise<unknown> = Promise.resolve();
  /** In the last pass: when the first conversation held back by the rate limiter may have its next message (0: none). */
  private limitedUntil = 0;
  private limitTimer: NodeJS.Timeout | null = null;

  constructor(private readonly deps: DispatcherDeps) {}

  /** Asks for a run soon; runs never overlap, a kick during a run causes one more run afterwards. */
  kick(): void {
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.loop().finally(() => {
      this.running = null;
    });
  }

  /** Runs until nothing is due at this moment (tests and `npm run remind` await this). */
  async drain(): Promise<void> {
    if (this.running) await this.running;
    await this.runOnce();
    while ((await this.deps.outbox.due(this.deps.now(), 1)).length > 0 || (await this.hasPendingInCases())) {
      const sent = await this.runOnce();
      // Held back by the rate limiter: wait for the conversation's next share rather than stop.
      if (this.limitedUntil > 0)
        await new Promise((resolve) => setTimeout(resolve, Math.max(1, this.limitedUntil - Date.now())));
      else if (sent === 0) break;
    }
  }

  private async hasPendingInCases(): Promise<boolean> {
    return (await this.deps.cases.list({ withPendingNotifications: true })).length > 0;
  }

  private async loop(): Promise<void> {
    do {
      this.again = false;
      try {
        await this.runOnce();
      } catch (error) {
        this.deps.logger.error('dispatcher run failed', { error: (error as Error).message });
      }
    } while (this.again);
  }

  /**
   * One pass: relay case notifications into the outbox, then send what is due. Returns how many were attempted (sent,
   * failed or given up); notifications another process has claimed do not count, so `drain` never spins on them.
   * Passes are serialised: two passes of one dispatcher hold the same claims, so they must never overlap.
   */
  runOnce(): Promise<number> {
    const pass = this.tail.then(() => this.pass());
    this.tail = pass.catch(() => undefined);
    return pass;
  }

  private async pass(): Promise<number> {
    // After the turn that kicked it has gone on: requests that arrived meanwhile are read and acked first.
    await yieldToIo();
    this.limitedUntil = 0;
    await relayPendingNotifications(this.deps.cases, this.deps.outbox);
    // Conversations the limiter holds back are not read at all: they could not be sent to in this pass anyway.
    const held = this.deps.rateLimiter?.heldAddresses(new Date()) ?? [];
    const due = await this.deps.outbox.due(this.deps.now(), 200, held);
    if (held.length > 0) this.holdUntilNextShare(held);
    // One lane per conversation, in outbox order: a conversation's messages go out one after another, so they keep
    // their order and its rate; different conversations are sent in parallel.
    const lanes = new Map<string, Notification[]>();
    for (const n of due) {
      const lane = lanes.get(n.address);
      if (lane) lane.push(n);
      else lanes.set(n.address, [n]);
    }
    const state: PassState = {
      handled: 0,
      failure: null,
      inDoubt: new Slots(this.unsettledInFlight),
      repeatable: new Slots(this.repeatableInFlight),
    };
    const queue = [...lanes.values()];
    const worker = async (): Promise<void> => {
      for (let lane = queue.shift(); lane && !state.failure; lane = queue.shift()) await this.runLane(lane, state);
    };
    await Promise.all(Array.from({ length: Math.min(this.parallel, queue.length) }, worker));
    if (state.failure) throw state.failure.error;
    return state.handled;
  }

  /** How many conversations are served at once (sends to platforms that settle a send in doubt). */
  private get parallel(): number {
    return Math.max(1, this.deps.parallelConversations ?? 16);
  }

  /** How many sends may be in flight at once to addresses whose platform cannot settle a send in doubt. */
  private get unsettledInFlight(): number {
    return Math.max(1, this.deps.unsettledInFlight ?? 1);
  }

  /** How many harmlessly repeatable sends may be in flight besides those (0: they share the one slot). */
  private get repeatableInFlight(): number {
    return Math.max(0, this.deps.repeatableInFlight ?? 4);
  }

  /**
   * The slots a send holds while it may be in doubt: none where the platform settles a send in doubt (Slack);
   * `repeatable` for a message that does no harm when repeated after a crash; else the `inDoubt` slot. Decided
   * before the claim from what the notification carries (a case notification, rendered later, is never repeatable).
   */
  private slotsFor(n: Notification, state: PassState): Slots | null {
    if (this.deps.notifier.settlesInDoubt?.(n.address) === true) return null;
    if (this.repeatableInFlight > 0 && n.message && repeatsHarmlessly(n, n.message)) return state.repeatable;
    return state.inDoubt;
  }

  /** Sends one conversation's due notifications in order. A store failure stops the whole pass (see `PassState`). */
  private async runLane(lane: Notification[], state: PassState): Promise<void> {
    try {
      await this.sendLane(lane, state);
    } catch (error) {
      state.failure ??= { error };
    }
  }

  private async sendLane(lane: Notification[], state: PassState): Promise<void> {
    const blockedStreams = new Set<string>();
    for (const queued of lane) {
      let n = queued;
      if (state.failure) return;
      const stream = streamOf(n);
      if (blockedStreams.has(stream) || blockedStreams.has(n.address)) continue;
      if (this.mustWait(n.address)) {
        // Out of its share (a message of this lane took the last): the stream is not read for nothing. Stale
        // questions among the rest are superseded in a pass that may send; none is sent before then either way.
        blockedStreams.add(n.address);
        continue;
      }
      const mates = await this.streamMates(n);
      if (mates.some((o) => o.id !== n.id && before(o, n))) {
        // A later notification of the stream waits until the earlier one is out, whoever is sending it.
        blockedStreams.add(stream);
        continue;
      }
      if (supersededIn(n, mates)) {
        const lead = n.message ? leadOf(n.message) : null;
        if (!lead || !n.message) {
          await this.deps.outbox.markSuperseded(n.id);
          state.handled += 1;
          continue;
        }
        // The question is stale, what came with it is not (a greeting, a receipt, the 112 guidance): that goes alone.
        n = { ...n, message: { ...n.message, prompt: lead } };
      }
      if (!this.withinRate(n.address)) {
        // Everything later to this conversation waits too, so it keeps its order.
        blockedStreams.add(n.address);
        continue;
      }
      const slots = this.slotsFor(n, state);
      await slots?.take();
      let outcome: Awaited<ReturnType<Dispatcher['deliver']>>;
      try {
        // A pass that has failed (a dead store) sends nothing more: whatever was in flight is all that is in doubt.
        if (state.failure) return;
        outcome = await this.deliver(n);
      } catch (error) {
        // Recorded before the slot is given back, so a lane waiting for it sees the failure and sends nothing.
        state.failure ??= { error };
        return;
      } finally {
        slots?.give();
      }
      if (outcome !== 'not_ours') state.handled += 1;
      if (outcome !== 'done') blockedStreams.add(stream);
    }
  }

  /**
   * Takes the conversation's share for one message, or, when it has had it, sets a kick for when it may have the next
   * one. The limiter runs on real time (the platforms' limits do), not on the app's clock.
   */
  private withinRate(address: string): boolean {
    const limiter = this.deps.rateLimiter;
    if (!limiter || limiter.tryTake(address, new Date())) return true;
    this.holdUntilNextShare([address]);
    return false;
  }

  /**
   * True, with a kick set for the next share, when the conversation may not have a message now; takes no share
   * (`withinRate` does, just before the send). Every message of a Slack reply stream reads the whole pending stream,
   * some 25 messages at 200 DMs/s: reading it for a message that then had to wait was half the dispatcher's reads.
   */
  private mustWait(address: string): boolean {
    const limiter = this.deps.rateLimiter;
    if (!limiter || limiter.waitMs(address, new Date()) === 0) return false;
    this.holdUntilNextShare([address]);
    return true;
  }

  /** Sets the kick for when the first of these held-back conversations may have its next message. */
  private holdUntilNextShare(addresses: string[]): void {
    const limiter = this.deps.rateLimiter;
    if (!limiter) return;
    const now = new Date();
    for (const address of addresses) {
      const until = Date.now() + limiter.waitMs(address, now);
      if (this.limitedUntil === 0 || until < this.limitedUntil) this.limitedUntil = until;
    }
    if (this.limitTimer) clearTimeout(this.limitTimer);
    this.limitTimer = setTimeout(
      () => {
        this.limitTimer = null;
        this.kick();
      },
      Math.max(0, this.limitedUntil - Date.now()),
    );
    this.limitTimer.unref();
  }

  /** The pending notifications that must reach the same recipient before or with this one, in order. */
  private async streamMates(n: Notification): Promise<Notification[]> {
    if (n.caseId) {
      return (await this.deps.outbox.listForCase(n.caseId)).filter(
        (o) => o.status === 'pending' && o.address === n.address,
      );
    }
    return n.stream ? this.deps.outbox.pendingInStream(n.stream) : [];
  }

  /**
   * Sends one notification under a claim. The claim is taken at the current time (not the start of the pass), so a
   * long pass never sends under a claim that has already expired for the other processes.
   *
   * The claim is the "sending" mark, written before the platform call; `markSent` comes after it. If the process dies
   * (or the store fails) in between, the claim runs out and the send is in doubt: it is reconciled with the platform
   * where the platform can answer (Slack), and otherwise sent again, because never retrying an expired claim could
   * lose an alert silently.
   */
  private async deliver(n: Notification): Promise<'done' | 'retry' | 'not_ours'> {
    const now = this.deps.now();
    const until = new Date(now.getTime() + (this.deps.claimMs ?? 60_000));
    if (!(await this.deps.outbox.claim(n.id, this.holder, now, until))) return 'not_ours';
    if (!this.deps.notifier.handles(n.address)) {
      await this.giveUp(n, 'no adapter for this address', now);
      return 'done';
    }
    try {
      // Rendered under the claim, from the case as it is now; a read that fails is retried like a failed send.
      const message = await this.messageOf(n);
      if (message === null) {
        // The case moved on (taken before an escalation went out, erased, no longer visible to the recipient).
        await this.deps.outbox.markSuperseded(n.id);
        this.deps.logger.info('notification dropped: the case no longer calls for it', { notification: n.id });
        return 'done';
      }
      if (await this.deliveredBeforeCrash(n, message)) {
        this.deps.logger.info('send in doubt was delivered; not sent again', { notification: n.id });
      } else {
        await this.deps.notifier.send(n.address, message, { notificationId: n.id });
      }
    } catch (error) {
      if (error instanceof DeliveryError && error.failure.kind !== 'retry') {
        await this.giveUp(n, error.failure.reason, now);
        return 'done';
      }
      const retryAfter =
        error instanceof DeliveryError && error.failure.kind === 'retry' ? error.failure.retryAfterMs : undefined;
      const wait = Math.max(retryAfter ?? 0, backoffMs(n.attempts + 1));
      await this.deps.outbox.reschedule(n.id, new Date(now.getTime() + wait), (error as Error).message.slice(0, 200));
      this.deps.logger.warn('delivery will be retried', { notification: n.id, attempts: n.attempts + 1, waitMs: wait });
      return 'retry';
    }
    // Outside the try: a failure to record the send must not be taken for a failed send and retried at once.
    await this.deps.outbox.markSent(n.id, this.deps.now());
    return 'done';
  }

  /**
   * A notification whose earlier claim ran out while a send was under way (`sendingSince`) may have reached the
   * platform before the process died. Where the platform can tell (Slack: the message metadata carries the id), it is
   * asked first; elsewhere the message is sent again: at least once rather than maybe never.
   */
  private async deliveredBeforeCrash(n: Notification, message: OutgoingMessage): Promise<boolean> {
    if (!n.sendingSince || n.claimedBy === null || n.claimedBy === this.holder) return false;
    if (!this.deps.notifier.reconcile) return false;
    const answer = await this.deps.notifier.reconcile(n.address, message, n.id, new Date(n.sendingSince));
    return answer === 'delivered';
  }

  /** What to send: the rendered content the notification carries, or its reference rendered now (null: nothing). */
  private async messageOf(n: Notification): Promise<OutgoingMessage | null> {
    if (n.render) {
      if (!this.deps.renderer) throw new Error('a case notification needs DispatcherDeps.renderer');
      return this.deps.renderer.render(n.render);
    }
    if (n.message) return n.message;
    throw new Error(`notification ${n.id} carries neither a message nor a reference`);
  }

  private async giveUp(n: Notification, reason: string, now: Date): Promise<void> {
    await this.deps.outbox.markDead(n.id, reason.slice(0, 200));
    this.deps.logger.warn('notification undeliverable', { notification: n.id, case: n.caseId ?? null });
    await this.deps.onUndeliverable(n, reason, now);
  }
}

/** True when a newer pending notification of the stream replaces this one (a fresher question of the dialog). */
function supersededIn(n: Notification, mates: Notification[]): boolean {
  if (!n.supersedeKey) return false;
  return mates.some((o) => o.id !== n.id && o.supersedeKey === n.supersedeKey && before(n, o));
}

/** What a question says before itself (its lead) as one message of its own, or null when it has none. */
function leadOf(message: OutgoingMessage): MessagePrompt | null {
  const prompt = message.prompt;
  const lead = prompt.kind === 'question' ? (prompt.lead ?? []) : [];
  if (lead.length <= 1) return lead[0] ?? null;
  return {
    kind: 'message',
    text: join(
      lead.map((m) => m.text),
      '\n\n',
    ),
    tone: lead.some((m) => m.tone === 'urgent') ? 'urgent' : 'normal',
  };
}

/** The ordering stream a notification belongs to. */
function streamOf(n: Notification): string {
  return n.caseId ? `${n.caseId}|${n.address}` : `-|${n.stream ?? n.address}`;
}

/** True when `a` is ahead of `b` in outbox order. */
function before(a: Notification, b: Notification): boolean {
  return a.createdAt < b.createdAt || (a.createdAt === b.createdAt && a.seq < b.seq);
}
