import {
  INBOX_RETENTION_MS,
  type DoneInboxEntry,
  type InboxEntry,
  type InboxOutcome,
  type InboxRecord,
  type InboxStore,
} from '../../ports/inbox';
import { encodeKeys, timeMs, type StoredDocument } from '../documents';
import { documentToInboxRecord } from '../inbox-documents';
import { deepFreeze, frozenCopy } from './frozen';
import { Journal, type JournalChange } from './journal';
import { compareIds, firstOf, keepIf } from './key-sets';

/** An inbox record as the journal holds it: the port's value (frozen) and the numbers it is sorted and selected by. */
interface Held {
  readonly value: InboxRecord;
  /** Pending entries only (NaN for a done one). */
  readonly receivedAtMs: number;
  readonly claimedUntilMs: number | null;
  /** Done entries only (NaN for a pending one). */
  readonly doneAtMs: number;
}

const fileMs = (doc: StoredDocument, field: string, iso: string | null | undefined): number =>
  typeof doc[field] === 'number' ? (doc[field] as number) : typeof iso === 'string' ? Date.parse(iso) : Number.NaN;

/** Oldest first: receivedAt, then seq, then id (`INBOX_SORT`). */
const inboxOrder = (a: Held, b: Held): number =>
  a.receivedAtMs - b.receivedAtMs ||
  (a.value as InboxEntry).seq - (b.value as InboxEntry).seq ||
  compareIds(a.value.id, b.value.id);

/**
 * The inbox in a journal (journal.ts; `<dataDir>/inbox.db`, the line format NeDB wrote): the first delivery of an id
 * is the one kept, claims are conditional updates decided and written before the call's first `await`, so none can
 * come between. Reads hand out the journal's own frozen values (no copy, no schema check: a document is checked once,
 * when it is loaded). The pending and the done ids are kept apart, so the queue's reads see only what waits, and
 * pruning only what is done.
 */
export class EmbeddedInboxStore implements InboxStore {
  private readonly pending = new Set<string>();
  private readonly done = new Set<string>();
  private journal!: Journal<Held>;

  private constructor() {}

  /**
   * Opens (and on disk loads) the inbox; a damaged line or document stops the start (`store.unavailable`). Done
   * entries an earlier version kept whole lose their turn here (the schema keeps only what dedupe needs), and the
   * compaction at load writes them so (`INBOX_DONE_MIGRATION` of the NeDB store).
   */
  static async open(dataDir: string | undefined): Promise<EmbeddedInboxStore> {
    const store = new EmbeddedInboxStore();
    store.journal = await Journal.open<Held>(dataDir, 'inbox', {
      toDocument,
      fromDocument: (doc) => {
        const value = deepFreeze(documentToInboxRecord(doc));
        if (value.status === 'done')
          return {
            value,
            receivedAtMs: Number.NaN,
            claimedUntilMs: null,
            doneAtMs: fileMs(doc, 'doneAtMs', value.doneAt),
          };
        const claimedUntilMs = value.claimedUntil === null ? null : fileMs(doc, 'claimedUntilMs', value.claimedUntil);
        return {
          value,
          receivedAtMs: fileMs(doc, 'receivedAtMs', value.receivedAt),
          claimedUntilMs,
          doneAtMs: Number.NaN,
        };
      },
      changed: (id, _before, after) => {
        keepIf(store.pending, id, after?.value.status === 'pending');
        keepIf(store.done, id, after?.value.status === 'done');
      },
    });
    return store;
  }

  /** Closes the journal (compacted, descriptor released). */
  close(): Promise<void> {
    return this.journal.close();
  }

  async accept(entry: InboxEntry): Promise<boolean> {
    // Decided before the write: of concurrent deliveries of one event, the first call is the one stored.
    if (this.journal.get(entry.id) !== undefined) return false;
    const value = frozenCopy(entry);
    const receivedAtMs = timeMs(value.receivedAt, 'receivedAt');
    const claimedUntilMs = value.claimedUntil === null ? null : timeMs(value.claimedUntil, 'claimedUntil');
    await this.journal.write([[entry.id, { value, receivedAtMs, claimedUntilMs, doneAtMs: Number.NaN }]]);
    return true;
  }

  async get(id: string): Promise<InboxRecord | null> {
    return this.journal.get(id)?.value ?? null;
  }

  async claimable(now: Date, limit: number): Promise<InboxEntry[]> {
    const found: Held[] = [];
    for (const id of this.pending) {
      const h = this.journal.get(id);
      if (h !== undefined && claimableAt(h, now.getTime())) found.push(h);
    }
    return firstOf(found.sort(inboxOrder), limit).map((h) => h.value as InboxEntry);
  }

  async claim(id: string, holder: string, now: Date, until: Date): Promise<boolean> {
    const h = this.journal.get(id);
    if (h === undefined || !claimableAt(h, now.getTime())) return false;
    const value = Object.freeze({ ...(h.value as InboxEntry), claimedBy: holder, claimedUntil: until.toISOString() });
    await this.journal.write([[id, { ...h, value, claimedUntilMs: until.getTime() }]]);
    return true;
  }

  async markDone(id: string, at: Date, outcome: InboxOutcome): Promise<void> {
    const h = this.journal.get(id);
    if (h === undefined || h.value.status !== 'pending') return;
    // Only what dedupe needs stays: the turn (what the member wrote, their name and address), its sealed copy, and
    // what only the queue reads go. A done entry is never processed again; it only has to be found by its id.
    const value: DoneInboxEntry = Object.freeze({ id, status: 'done', outcome, doneAt: at.toISOString() });
    await this.journal.write([[id, { value, receivedAtMs: Number.NaN, claimedUntilMs: null, doneAtMs: at.getTime() }]]);
  }

  async expireClaims(now: Date): Promise<number> {
    const changes: Array<JournalChange<Held>> = [];
    for (const id of this.pending) {
      const h = this.journal.get(id);
      if (h === undefined || h.value.status !== 'pending' || h.value.claimedBy === null) continue;
      const value = Object.freeze({ ...h.value, claimedUntil: now.toISOString() });
      changes.push([id, { ...h, value, claimedUntilMs: now.getTime() }]);
    }
    await this.journal.write(changes);
    return changes.length;
  }

  async prune(doneBefore: Date): Promise<number> {
    const cut = doneBefore.getTime();
    const changes: Array<JournalChange<Held>> = [];
    for (const id of this.done) if ((this.journal.get(id)?.doneAtMs ?? Number.NaN) < cut) changes.push([id, null]);
    await this.journal.write(changes);
    return changes.length;
  }
}

/** Pending and held by nobody, or held by a claim that has run out (`inboxClaimableFilter`). */
function claimableAt(h: Held, at: number): boolean {
  return (
    h.value.status === 'pending' &&
    (h.value.claimedBy === null || (h.claimedUntilMs !== null && h.claimedUntilMs <= at))
  );
}

/**
 * The document NeDB held (inbox-documents.ts): a pending entry as `inboxEntryToDocument` writes it, a done one as
 * `inboxDoneUpdate` left it (its id, outcome and time, with `expireAt` a Date in NeDB's form, read back as a Date).
 */
function toDocument(h: Held): StoredDocument {
  const v = h.value;
  if (v.status === 'done')
    return { _id: v.id, ...v, doneAtMs: h.doneAtMs, expireAt: { $$date: h.doneAtMs + INBOX_RETENTION_MS } };
  return {
    ...(encodeKeys(v) as Record<string, unknown>),
    _id: v.id,
    receivedAtMs: h.receivedAtMs,
    claimedUntilMs: h.claimedUntilMs,
    doneAtMs: null,
    expireAt: null,
  };
}
