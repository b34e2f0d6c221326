import type { Notification } from '../../domain/notification';
import type { OutboxStore } from '../../ports/outbox-store';
import { documentToNotification, encodeKeys, errorText, FORGET_MARK, timeMs, type StoredDocument } from '../documents';
import { deepFreeze, frozenCopy } from './frozen';
import { Journal, type JournalChange } from './journal';
import { compareIds, firstOf, keepIf, KeySets } from './key-sets';

/** A notification as the journal holds it: the port's value (frozen) and the numbers it is sorted and selected by. */
interface Held {
  readonly value: Notification;
  readonly createdAtMs: number;
  readonly nextAttemptAtMs: number;
  readonly claimedUntilMs: number | null;
  /** An earlier version's `forgetWhenOver` mark (see `FORGET_MARK`): removed, not kept, when it ends. */
  readonly marked: boolean;
}

/** A number the file holds for a field, or the time of its ISO twin (a document written by hand without it). */
const storedMs = (doc: StoredDocument, field: string, iso: string | null): number | null =>
  typeof doc[field] === 'number' ? (doc[field] as number) : iso === null ? null : Date.parse(iso);

const dueOrder = (a: Held, b: Held): number =>
  a.createdAtMs - b.createdAtMs || a.value.seq - b.value.seq || compareIds(a.value.id, b.value.id);
const caseOrder = (a: Held, b: Held): number =>
  a.value.seq - b.value.seq || a.createdAtMs - b.createdAtMs || compareIds(a.value.id, b.value.id);

/** What ends a claim: released, not sending (`RELEASED` of documents.ts). */
const RELEASED = { claimedBy: null, claimedUntil: null, sendingSince: null } as const;

/**
 * The outbox in a journal (journal.ts; `<dataDir>/outbox.db`, the line format NeDB wrote). Every call decides and
 * writes before its first `await`, so a claim is a conditional update no other call can come between, and the
 * outcome updates apply only while the notification is still pending (a late worker never revives a sent one). Reads
 * hand out the journal's own frozen values: no copy, no schema check (a document is checked once, when it is loaded).
 * Beside the journal: the pending ids, the pending ids of each stream, and the ids of each turn and case, so no call
 * but `due` and `expireClaims` looks at more than its own documents (and those two only at the pending ones).
 */
export class EmbeddedOutboxStore implements OutboxStore {
  private readonly pending = new Set<string>();
  private readonly pendingByStream = new KeySets();
  private readonly byTurn = new KeySets();
  private readonly byCase = new KeySets();
  /**
   * Done turns with replies still pending: the end of such a reply removes it. MongoDB marks those replies in the
   * store (`FORGET_MARK`), because another process may end them; here only this process writes (the data-directory
   * lock), so memory serves and the mark's write is saved: a reply of a done turn costs its queuing, its claim and
   * one removal. After a restart the memory is gone; replies that were pending then are kept as sent records instead
   * of removed, which loses and repeats nothing (a done turn is never replayed; the reply's state is durable as ever).
   * A turn leaves the set when no reply of it is pending, so it holds no more than the pending replies.
   */
  private readonly forgotten = new Set<string>();
  private journal!: Journal<Held>;

  private constructor() {}

  /** Opens (and on disk loads) the outbox; a damaged line or document stops the start (`store.unavailable`). */
  static async open(dataDir: string | undefined): Promise<EmbeddedOutboxStore> {
    const store = new EmbeddedOutboxStore();
    store.journal = await Journal.open<Held>(dataDir, 'outbox', {
      toDocument: toDocument,
      fromDocument: (doc) => {
        const value = deepFreeze(documentToNotification(doc));
        return {
          value,
          createdAtMs: storedMs(doc, 'createdAtMs', value.createdAt) ?? Number.NaN,
          nextAttemptAtMs: storedMs(doc, 'nextAttemptAtMs', value.nextAttemptAt) ?? Number.NaN,
          claimedUntilMs: storedMs(doc, 'claimedUntilMs', value.claimedUntil),
          marked: doc[FORGET_MARK] === true,
        };
      },
      changed: (id, before, after) => store.index(id, before?.value, after?.value),
    });
    return store;
  }

  /** Closes the journal (compacted, descriptor released). */
  close(): Promise<void> {
    return this.journal.close();
  }

  private index(id: string, before: Notification | undefined, after: Notification | undefined): void {
    const wasPending = before?.status === 'pending';
    const isPending = after?.status === 'pending';
    keepIf(this.pending, id, isPending);
    this.pendingByStream.move(id, wasPending ? before?.stream : undefined, isPending ? after?.stream : undefined);
    this.byTurn.move(id, before?.turn, after?.turn);
    this.byCase.move(id, before?.caseId ?? undefined, after?.caseId ?? undefined);
  }

  async enqueue(items: Notification[]): Promise<void> {
    // One write for all that are new, so a reply is never half queued; an id queued before (or twice in `items`)
    // keeps its first copy, as the port promises.
    const changes: Array<JournalChange<Held>> = [];
    const added = new Set<string>();
    for (const item of items) {
      if (added.has(item.id) || this.journal.get(item.id) !== undefined) continue;
      added.add(item.id);
      const value = frozenCopy(item);
      changes.push([
        item.id,
        {
          value,
          createdAtMs: timeMs(value.createdAt, 'createdAt'),
          nextAttemptAtMs: timeMs(value.nextAttemptAt, 'nextAttemptAt'),
          claimedUntilMs: value.claimedUntil === null ? null : timeMs(value.claimedUntil, 'claimedUntil'),
          marked: false,
        },
      ]);
    }
    await this.journal.write(changes);
  }

  async due(now: Date, limit: number, skip: readonly string[] = []): Promise<Notification[]> {
    const at = now.getTime();
    const held = skip.length === 0 ? null : new Set(skip);
    const found: Held[] = [];
    for (const id of this.pending) {
      const h = this.journal.get(id);
      if (h !== undefined && h.nextAttemptAtMs <= at && !(held?.has(h.value.address) ?? false)) found.push(h);
    }
    return firstOf(found.sort(dueOrder), limit).map((h) => h.value);
  }

  async claim(id: string, holder: string, now: Date, until: Date): Promise<boolean> {
    const h = this.journal.get(id);
    if (h === undefined || h.value.status !== 'pending') return false;
    const { claimedBy } = h.value;
    const open = claimedBy === null || claimedBy === holder || (h.claimedUntilMs !== null && h.claimedUntilMs <= +now);
    if (!open) return false;
    await this.journal.write([
      [
        id,
        {
          ...h,
          value: Object.freeze({
            ...h.value,
            claimedBy: holder,
            claimedUntil: until.toISOString(),
            sendingSince: now.toISOString(),
          }),
          claimedUntilMs: until.getTime(),
        },
      ],
    ]);
    return true;
  }

  async markSent(id: string, at: Date): Promise<void> {
    await this.end(id, (n) => ({
      ...n,
      status: 'sent',
      sentAt: at.toISOString(),
      ...RELEASED,
      attempts: n.attempts + 1,
    }));
  }

  async reschedule(id: string, nextAttemptAt: Date, error: string): Promise<void> {
    const h = this.journal.get(id);
    if (h === undefined || h.value.status !== 'pending') return;
    const value = Object.freeze({
      ...h.value,
      nextAttemptAt: nextAttemptAt.toISOString(),
      lastError: errorText(error),
      ...RELEASED,
      attempts: h.value.attempts + 1,
    });
    await this.journal.write([[id, { ...h, value, nextAttemptAtMs: nextAttemptAt.getTime(), claimedUntilMs: null }]]);
  }

  async markDead(id: string, error: string): Promise<void> {
    await this.end(id, (n) => ({
      ...n,
      status: 'dead',
      lastError: errorText(error),
      ...RELEASED,
      attempts: n.attempts + 1,
    }));
  }

  async markSuperseded(id: string): Promise<void> {
    await this.end(id, (n) => ({ ...n, status: 'superseded', ...RELEASED }));
  }

  async forgetTurn(turnId: string): Promise<void> {
    this.forgotten.add(turnId);
    const over: Array<JournalChange<Held>> = [];
    for (const id of this.byTurn.get(turnId))
      if (this.journal.get(id)?.value.status !== 'pending') over.push([id, null]);
    const written = this.journal.write(over);
    this.release(turnId);
    await written;
  }

  /** Forgets a turn that has no pending reply left (none left to end). */
  private release(turnId: string): void {
    for (const id of this.byTurn.get(turnId)) if (this.pending.has(id)) return;
    this.forgotten.delete(turnId);
  }

  /**
   * Ends a pending notification with `over` (its message dropped: the outbox keeps no message text after delivery,
   * issue 11), or removes it when its turn is done: one write either way. Files written before the turns were kept
   * in memory may hold replies marked in the store (`FORGET_MARK`): those are removed too.
   */
  private end(id: string, over: (n: Notification) => Notification): Promise<void> {
    const h = this.journal.get(id);
    if (h === undefined || h.value.status !== 'pending') return Promise.resolve();
    const turn = h.value.turn;
    if (h.marked || (turn !== undefined && this.forgotten.has(turn))) {
      const written = this.journal.write([[id, null]]);
      if (turn !== undefined) this.release(turn);
      return written;
    }
    const { message: _dropped, ...rest } = over(h.value);
    return this.journal.write([[id, { ...h, value: Object.freeze(rest), claimedUntilMs: null }]]);
  }

  async pendingInStream(stream: string): Promise<Notification[]> {
    return this.sorted(this.pendingByStream.get(stream), dueOrder);
  }

  async expireClaims(now: Date): Promise<number> {
    const changes: Array<JournalChange<Held>> = [];
    for (const id of this.pending) {
      const h = this.journal.get(id);
      if (h === undefined || h.value.claimedBy === null) continue;
      // The claim runs out now; `sendingSince` stays, so the send is treated as in doubt.
      const value = Object.freeze({ ...h.value, claimedUntil: now.toISOString() });
      changes.push([id, { ...h, value, claimedUntilMs: now.getTime() }]);
    }
    await this.journal.write(changes);
    return changes.length;
  }

  async get(id: string): Promise<Notification | null> {
    return this.journal.get(id)?.value ?? null;
  }

  async listForCase(caseId: string): Promise<Notification[]> {
    return this.sorted(this.byCase.get(caseId), caseOrder);
  }

  private sorted(ids: ReadonlySet<string>, order: (a: Held, b: Held) => number): Notification[] {
    const found: Held[] = [];
    for (const id of ids) {
      const h = this.journal.get(id);
      if (h !== undefined) found.push(h);
    }
    return found.sort(order).map((h) => h.value);
  }
}

/** The document NeDB held for a notification (documents.ts `notificationToDocument`), from the numbers kept. */
function toDocument(h: Held): StoredDocument {
  return {
    ...(encodeKeys(h.value) as Record<string, unknown>),
    _id: h.value.id,
    createdAtMs: h.createdAtMs,
    nextAttemptAtMs: h.nextAttemptAtMs,
    claimedUntilMs: h.claimedUntilMs,
    ...(h.marked ? { [FORGET_MARK]: true } : {}),
  };
}
