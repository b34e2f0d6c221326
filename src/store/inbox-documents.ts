import {
  INBOX_RETENTION_MS,
  inboxEntrySchema,
  inboxRecordSchema,
  type InboxEntry,
  type InboxOutcome,
  type InboxRecord,
} from '../ports/inbox';
import { encodeKeys, parseStored, timeMs, type StoredDocument } from './documents';

/**
 * How inbox entries are laid out, shared by both stores. `expireAt` is a real Date so MongoDB's TTL index can remove
 * a done entry by itself; both stores also prune on a schedule (FerretDB v1 has no TTL indexes).
 */

/** `_id` is the entry id; the `…Ms` fields order and select entries. */
export function inboxEntryToDocument(value: InboxEntry): StoredDocument {
  return {
    ...(encodeKeys(value) as Record<string, unknown>),
    _id: value.id,
    receivedAtMs: timeMs(value.receivedAt, 'receivedAt'),
    claimedUntilMs: value.claimedUntil === null ? null : timeMs(value.claimedUntil, 'claimedUntil'),
    doneAtMs: null,
    expireAt: null,
  };
}
/** A stored entry waiting to be processed, validated. */
export const documentToInboxEntry = (doc: unknown): InboxEntry => parseStored(inboxEntrySchema, 'inbox', doc);
/** A stored entry, waiting or done, validated. */
export const documentToInboxRecord = (doc: unknown): InboxRecord => parseStored(inboxRecordSchema, 'inbox', doc);

/** Oldest first; `_id` last so the order is total. */
export const INBOX_SORT = { receivedAtMs: 1, seq: 1, _id: 1 } as const;

/** Pending and held by nobody, or held by a claim that has run out. */
export function inboxClaimableFilter(now: Date): Record<string, unknown> {
  return { status: 'pending', $or: [{ claimedBy: null }, { claimedUntilMs: { $lte: now.getTime() } }] };
}

/** One entry, if claimable (`_id` last: NeDB picks its index by the last plain-valued field, see `whereId`). */
export function inboxClaimFilter(id: string, now: Date): Record<string, unknown> {
  return { ...inboxClaimableFilter(now), _id: id };
}

export function inboxClaimUpdate(holder: string, until: Date): Record<string, unknown> {
  return { $set: { claimedBy: holder, claimedUntil: until.toISOString(), claimedUntilMs: until.getTime() } };
}

const DONE_DROPPED = {
  turn: true,
  sealed: true,
  member: true,
  receivedAt: true,
  receivedAtMs: true,
  seq: true,
  claimedBy: true,
  claimedUntil: true,
  claimedUntilMs: true,
} as const;

/**
 * Done entries written before a done entry dropped its turn (kept for the retention window otherwise): dropped at
 * start-up, so no member's words wait out the three days.
 */
export const INBOX_DONE_MIGRATION = {
  filter: { status: 'done', turn: { $exists: true } },
  update: { $unset: DONE_DROPPED },
} as const;

export function inboxDoneUpdate(at: Date, outcome: InboxOutcome): Record<string, unknown> {
  return {
    $set: {
      status: 'done',
      outcome,
      doneAt: at.toISOString(),
      doneAtMs: at.getTime(),
      expireAt: new Date(at.getTime() + INBOX_RETENTION_MS),
    },
    // What dedupe does not need goes: the turn (what the member wrote, their name and address), its sealed copy, and
    // what only the queue reads. A done entry is never processed again; it only has to be found by its id.
    $unset: DONE_DROPPED,
  };
}

/** Claims held by anyone, to let lapse at start-up (embedded store only). */
export const INBOX_HELD_FILTER = { status: 'pending', claimedBy: { $ne: null } } as const;

export function inboxExpireClaimsUpdate(now: Date): Record<string, unknown> {
  return { $set: { claimedUntil: now.toISOString(), claimedUntilMs: now.getTime() } };
}

/** Done entries finished before the cut-off. */
export function inboxPruneFilter(doneBefore: Date): Record<string, unknown> {
  return { status: 'done', doneAtMs: { $lt: doneBefore.getTime() } };
}
