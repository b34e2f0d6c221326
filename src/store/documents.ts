import { channelBindingSchema, type ChannelBinding } from '../ports/channel-binding-store';
import type { z } from 'zod';
import { caseSchema, caseSummarySchema, type Case, type CaseSummary } from '../domain/case';
import { VaktpostError } from '../domain/errors';
import { notificationSchema, type Notification } from '../domain/notification';
import type { CaseQuery } from '../ports/case-repository';
import { memberProfileSchema, type MemberProfile } from '../ports/profile-store';
import { sessionSchema, type Session } from '../engine/session';

/**
 * How entities are laid out as documents, shared by the embedded (NeDB) and the MongoDB store: both speak the same
 * query language for what we need, so one layout, one set of filters and one validation on read serve both.
 */

/** A stored document: the entity's fields plus `_id` and the numeric times the stores sort and compare on. */
export type StoredDocument = { _id: string } & Record<string, unknown>;

const KEY_ESCAPES: Record<string, string> = { '%': '%25', '.': '%2E', $: '%24' };
const KEY_UNESCAPES: Record<string, string> = { '%25': '%', '%2E': '.', '%24': '$' };
const ESCAPED = /[%.$]/;
// Most keys need no escape: testing first spares a replace per key.
const escapeKey = (key: string): string =>
  ESCAPED.test(key) ? key.replace(/[%.$]/g, (c) => KEY_ESCAPES[c] ?? c) : key;
const unescapeKey = (key: string): string =>
  key.includes('%') ? key.replace(/%(25|2E|24)/g, (c) => KEY_UNESCAPES[c] ?? c) : key;

/**
 * Escapes `.`, `$` and `%` in object keys, at any depth. Neither NeDB nor FerretDB accepts such keys, yet record keys
 * we do not choose (dialog step ids in answers, key-value payloads, message parameters) may contain them. Values are
 * never touched, so report text such as `{"$where": "1"}` is stored as the string it is. Like {@link decodeKeys} it
 * copies only what changes: what needs no escape is the caller's own object, which is safe because every write copies
 * what it is given (NeDB deep-copies an inserted or replacing document, the MongoDB driver serialises it).
 */
export function encodeKeys(value: unknown): unknown {
  return renameKeys(value, escapeKey, true);
}

/**
 * Reverses {@link encodeKeys}. Nearly no stored key has an escape, so nothing is copied until one does: a value
 * without any comes back as it is (the stores' reads copy documents already, and validation copies them again).
 */
export function decodeKeys(value: unknown): unknown {
  return renameKeys(value, unescapeKey, false);
}

/**
 * Renames every object key at any depth with `rename` (and leaves out undefined values when `dropUndefined`),
 * copying only what changes: an object or array none of whose keys or values changed comes back as it is, and a
 * copied one keeps its keys in their order.
 */
function renameKeys(value: unknown, rename: (key: string) => string, dropUndefined: boolean): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    let out: unknown[] | undefined;
    for (let i = 0; i < value.length; i += 1) {
      const inner: unknown = value[i];
      const renamed = renameKeys(inner, rename, dropUndefined);
      if (renamed !== inner) (out ??= value.slice())[i] = renamed;
    }
    return out ?? value;
  }
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record);
  let out: Record<string, unknown> | undefined;
  for (let i = 0; i < keys.length; i += 1) {
    const key = keys[i] as string;
    const inner = record[key];
    const renamed = renameKeys(inner, rename, dropUndefined);
    const name = rename(key);
    const dropped = dropUndefined && inner === undefined;
    if (out === undefined && (name !== key || renamed !== inner || dropped)) {
      // The first change: the keys before it are copied as they are, in their order.
      out = {};
      for (const earlier of keys.slice(0, i)) out[earlier] = record[earlier];
    }
    if (out !== undefined && !dropped) out[name] = renamed;
  }
  return out ?? value;
}

/**
 * Milliseconds of an ISO time, for sorting and comparing: stored ISO strings with different offsets would not sort as
 * text.
 */
export function timeMs(iso: string, field: string): number {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new VaktpostError('input.invalid', `${field} is not a valid ISO time`, { field });
  return ms;
}

/**
 * Validates a document read back from a store. Throws `store.unavailable` naming the collection, the id and the
 * failing paths (never the values, which may be report text), so a damaged document stops the operation clearly
 * instead of crashing somewhere later. The schema also drops `_id` and the store's own sort fields.
 */
export function parseStored<S extends z.ZodType>(
  schema: S,
  collection: string,
  doc: unknown,
  /** False when every key of the document is one the schema names (nothing escaped to decode). */
  decode = true,
): z.infer<S> {
  const decoded = decode ? decodeKeys(doc) : doc;
  const parsed = schema.safeParse(decoded);
  if (parsed.success) return parsed.data as z.infer<S>;
  const id = typeof decoded === 'object' && decoded !== null ? String((decoded as { _id?: unknown })._id) : '?';
  const problems = parsed.error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.join('.') || '(document)'} (${issue.code})`)
    .join(', ');
  throw new VaktpostError(
    'store.unavailable',
    `Stored ${collection} document ${id} does not match the expected shape: ${problems}. Fix or remove the document.`,
    { collection, id },
  );
}

/** Cases: `_id` is the case id; `createdAtMs` orders lists newest first. */
export function caseToDocument(value: Case): StoredDocument {
  return {
    ...(encodeKeys(value) as Record<string, unknown>),
    _id: value.id,
    createdAtMs: timeMs(value.createdAt, 'createdAt'),
    // Indexed, so the dispatcher's relay finds the few cases with notifications to move without reading them all.
    hasPendingNotifications: value.pendingNotifications.length > 0,
  };
}

/**
 * Sets `hasPendingNotifications` on cases stored before the field existed (the relay would not see them otherwise).
 * Both stores run it when they open; it matches nothing once done.
 */
export const PENDING_FLAG_MIGRATION = {
  filter: { 'pendingNotifications.0': { $exists: true }, hasPendingNotifications: { $ne: true } },
  update: { $set: { hasPendingNotifications: true } },
} as const;
/** A stored case, validated. */
export const documentToCase = (doc: unknown): Case => parseStored(caseSchema, 'cases', doc);

/**
 * The fields of a {@link CaseSummary} as a projection both stores understand. The checklist is taken whole (five
 * small items; the schema keeps only ids and dates), the report only its categories.
 */
export const CASE_SUMMARY_PROJECTION = {
  _id: 1,
  id: 1,
  number: 1,
  districtId: 1,
  urgent: 1,
  status: 1,
  createdAt: 1,
  owner: 1,
  escalations: 1,
  checklist: 1,
  'report.categories': 1,
  'report.police.status': 1,
  'report.police.caseNumber': 1,
} as const;
/** How many summaries a store reads per batch when it streams them. */
export const SUMMARY_BATCH = 100;
/** Copies the fields at the dotted `paths` of `doc` (as a MongoDB projection would), leaving out missing ones. */
function pickPaths(doc: Record<string, unknown>, paths: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const path of paths) {
    const parts = path.split('.');
    let from: unknown = doc;
    for (const part of parts)
      from = from !== null && typeof from === 'object' ? (from as Record<string, unknown>)[part] : undefined;
    if (from === undefined) continue;
    let into = out;
    for (const part of parts.slice(0, -1)) {
      const next = (into[part] ?? {}) as Record<string, unknown>;
      into[part] = next;
      into = next;
    }
    into[parts[parts.length - 1] as string] = from;
  }
  return out;
}

const SUMMARY_PATHS = Object.keys(CASE_SUMMARY_PROJECTION);

/**
 * The summary of a case document (whole or projected), validated: the projection's fields are picked before
 * validation, so the rest of a whole document (the report, the timeline) costs nothing here. Every key picked is one
 * the schema names (no answer ids or payload keys), so nothing needs decoding.
 */
export function documentToCaseSummary(doc: StoredDocument): CaseSummary {
  return parseStored(caseSummarySchema, 'cases', pickPaths(doc, SUMMARY_PATHS), false);
}

/** The port's rule that a case write moves the revision on by exactly one; anything else is a programming error. */
export function assertNextRevision(next: number, expected: number, what: string): void {
  if (next !== expected + 1) {
    throw new VaktpostError(
      'input.invalid',
      `A ${what} written over revision ${expected} must have revision ${expected + 1}.`,
      {
        revision: next,
        expectedRevision: expected,
      },
    );
  }
}

/** Newest first; the number breaks ties between cases created in the same millisecond. */
export const CASE_LIST_SORT = { createdAtMs: -1, number: -1 } as const;

/** The filter for `CaseRepository.list`; every given condition must hold (an empty list matches nothing). */
export function caseFilter(query: CaseQuery): Record<string, unknown> {
  const filter: Record<string, unknown> = {};
  if (query.districtIds !== undefined) filter.districtId = { $in: query.districtIds };
  if (query.statuses !== undefined) filter.status = { $in: query.statuses };
  if (query.reporterUserId !== undefined) filter['reporter.userId'] = query.reporterUserId;
  if (query.ownerUserId !== undefined) filter['owner.userId'] = query.ownerUserId;
  if (query.withPendingNotifications === true) filter.hasPendingNotifications = true;
  if (query.withPendingNotifications === false) filter.hasPendingNotifications = { $ne: true };
  return filter;
}

/** Sessions: `_id` is the session key. */
export function sessionToDocument(value: Session): StoredDocument {
  return { ...(encodeKeys(value) as Record<string, unknown>), _id: value.key };
}
/** A stored session, validated. */
export const documentToSession = (doc: unknown): Session => parseStored(sessionSchema, 'sessions', doc);

/**
 * The condition of a write that read `revision`. Records stored before they had a revision count as revision 0, so
 * they are matched by the field's absence as well.
 */
export function revisionCondition(revision: number): Record<string, unknown> {
  return revision === 0 ? { $or: [{ revision: 0 }, { revision: { $exists: false } }] } : { revision };
}

/** Profiles: `_id` is the user id. */
export function profileToDocument(value: MemberProfile): StoredDocument {
  return { ...(encodeKeys(value) as Record<string, unknown>), _id: value.userId };
}
/** A stored profile, validated. */
export const documentToProfile = (doc: unknown): MemberProfile => parseStored(memberProfileSchema, 'profiles', doc);

/** Key-values: `_id` joins namespace and key unambiguously (a separator could occur in either). */
export function keyValueId(namespace: string, key: string): string {
  return JSON.stringify([namespace, key]);
}
/** A key-value entry as stored; `value` keeps any JSON, keys escaped like everything else. */
export function keyValueToDocument(namespace: string, key: string, value: unknown): StoredDocument {
  return { _id: keyValueId(namespace, key), namespace, key, value: encodeKeys(value) ?? null };
}
/** The stored value of a key-value document (no schema: values are whatever JSON the adapter kept). */
export function documentToKeyValue(doc: StoredDocument): { key: string; value: unknown } {
  if (typeof doc.key !== 'string' || !('value' in doc)) {
    throw new VaktpostError('store.unavailable', `Stored keyValues document ${doc._id} has no key or value.`, {
      collection: 'keyValues',
      id: doc._id,
    });
  }
  return { key: doc.key, value: decodeKeys(doc.value) };
}

/** Outbox: `_id` is the notification id; the `…Ms` fields order and select due items and expired claims. */
export function notificationToDocument(value: Notification): StoredDocument {
  return {
    ...(encodeKeys(value) as Record<string, unknown>),
    _id: value.id,
    createdAtMs: timeMs(value.createdAt, 'createdAt'),
    nextAttemptAtMs: timeMs(value.nextAttemptAt, 'nextAttemptAt'),
    claimedUntilMs: value.claimedUntil === null ? null : timeMs(value.claimedUntil, 'claimedUntil'),
  };
}
/** A stored notification, validated. */
export const documentToNotification = (doc: unknown): Notification => parseStored(notificationSchema, 'outbox', doc);

/** Oldest first; `_id` last so the order is total. */
export const OUTBOX_DUE_SORT = { createdAtMs: 1, seq: 1, _id: 1 } as const;
/** A case's notifications in the order they must reach people. */
export const OUTBOX_CASE_SORT = { seq: 1, createdAtMs: 1, _id: 1 } as const;

/**
 * Pending and due. Claimed ones are included on purpose: `claim` decides who sends, and a dispatcher that sees an
 * earlier notification of a case still in flight can hold back the later ones.
 */
export function dueFilter(now: Date, skip: readonly string[] = []): Record<string, unknown> {
  return {
    status: 'pending',
    nextAttemptAtMs: { $lte: now.getTime() },
    ...(skip.length > 0 ? { address: { $nin: [...skip] } } : {}),
  };
}

/**
 * A pending notification nobody holds, whose claim expired, or that `holder` holds already. `_id` comes last: NeDB
 * takes its candidates from the index of the last plain-valued indexed field, and `status` would mean every pending
 * notification (see `whereId` in embedded/datastore.ts).
 */
export function claimableFilter(id: string, holder: string, now: Date): Record<string, unknown> {
  return {
    status: 'pending',
    $or: [{ claimedBy: null }, { claimedBy: holder }, { claimedUntilMs: { $lte: now.getTime() } }],
    _id: id,
  };
}

/**
 * Records the claim, and that a send starts now (`sendingSince`, the "sending" mark written before the platform
 * call); `claimedUntilMs` is what the claimable filter compares.
 */
export function claimUpdate(holder: string, until: Date, now: Date): Record<string, unknown> {
  return {
    $set: {
      claimedBy: holder,
      claimedUntil: until.toISOString(),
      claimedUntilMs: until.getTime(),
      sendingSince: now.toISOString(),
    },
  };
}

const RELEASED = { claimedBy: null, claimedUntil: null, claimedUntilMs: null, sendingSince: null };

/**
 * Pending notifications of one stream (bot replies to one address), in order. `stream` last, so NeDB reads the
 * stream's own index entry rather than every pending notification.
 */
export function streamFilter(stream: string): Record<string, unknown> {
  return { status: 'pending', stream };
}

/**
 * What a notification carried is dropped when it is over (sent, dead, superseded): the outbox keeps the delivery
 * record, never the message text after delivery (issue 11).
 */
const CONTENT_DROPPED = { $unset: { message: true } };

/** A pending notification replaced by a newer question: kept for the record, never sent. */
export function supersededUpdate(): Record<string, unknown> {
  return { $set: { status: 'superseded', ...RELEASED }, ...CONTENT_DROPPED };
}

/**
 * `forgetWhenOver` (a field of the stored document only) marks a pending reply of a done turn: the update that ends
 * it (sent, dead, superseded) removes it instead. The outcome updates match only unmarked documents, and a marked
 * one is then removed by `overRemoveFilter`, so a reply marked between the two is never left behind.
 */
export const FORGET_MARK = 'forgetWhenOver';

/** The pending notification `id`, unless it is marked to be forgotten (`_id` last, see `claimableFilter`). */
export function pendingUnmarkedFilter(id: string): Record<string, unknown> {
  return { status: 'pending', [FORGET_MARK]: { $ne: true }, _id: id };
}
/** The pending notification `id` marked to be forgotten: removed when it is over. */
export function overRemoveFilter(id: string): Record<string, unknown> {
  return { status: 'pending', [FORGET_MARK]: true, _id: id };
}
/** A done turn's replies still pending (`turn` last: NeDB reads the turn's own index entry). */
export function turnPendingFilter(turnId: string): Record<string, unknown> {
  return { status: 'pending', turn: turnId };
}
export const FORGET_MARK_UPDATE = { $set: { [FORGET_MARK]: true } } as const;
/** A done turn's replies that are over, to remove. */
export function turnOverFilter(turnId: string): Record<string, unknown> {
  return { status: { $in: ['sent', 'dead', 'superseded'] }, turn: turnId };
}

/** Claims held by anyone, to let lapse at start-up on a store one process owns. */
export const OUTBOX_HELD_FILTER = { status: 'pending', claimedBy: { $ne: null } } as const;

/** Lets a claim run out now, keeping `sendingSince` so the send is treated as in doubt. */
export function expireClaimUpdate(now: Date): Record<string, unknown> {
  return { $set: { claimedUntil: now.toISOString(), claimedUntilMs: now.getTime() } };
}
/** The schema allows 500 characters of error; a longer platform message is cut here rather than fail on read. */
export const errorText = (error: string): string => (error.length > 500 ? `${error.slice(0, 499)}…` : error);

/** Every end of a delivery attempt counts in `attempts`, successful or not. */
export function sentUpdate(at: Date): Record<string, unknown> {
  return { $set: { status: 'sent', sentAt: at.toISOString(), ...RELEASED }, $inc: { attempts: 1 }, ...CONTENT_DROPPED };
}
/** A failed attempt: when to try again, why it failed, claim released. */
export function rescheduleUpdate(nextAttemptAt: Date, error: string): Record<string, unknown> {
  return {
    $set: {
      nextAttemptAt: nextAttemptAt.toISOString(),
      nextAttemptAtMs: nextAttemptAt.getTime(),
      lastError: errorText(error),
      ...RELEASED,
    },
    $inc: { attempts: 1 },
  };
}
/** Given up: kept for the record with the reason (not the message). */
export function deadUpdate(error: string): Record<string, unknown> {
  return {
    $set: { status: 'dead', lastError: errorText(error), ...RELEASED },
    $inc: { attempts: 1 },
    ...CONTENT_DROPPED,
  };
}

/**
 * Leases: one document per name, never deleted (release expires it), so a take is always a conditional update.
 */
export function leaseDocument(name: string, holder: string, expiresAtMs: number): StoredDocument {
  return { _id: name, holder, expiresAtMs };
}
/** A lease `holder` may take now: its own, or expired (a released lease has expired). */
export function leaseTakeableFilter(name: string, holder: string, now: Date): Record<string, unknown> {
  return { _id: name, $or: [{ holder }, { expiresAtMs: { $lte: now.getTime() } }] };
}
/** What release writes: nobody holds it and it expired long ago. */
export const LEASE_RELEASED = { holder: null, expiresAtMs: 0 };

/** Channel bindings: `_id` joins district and channel unambiguously. */
export function bindingId(binding: Pick<ChannelBinding, 'districtId' | 'address'>): string {
  return JSON.stringify([binding.districtId, binding.address]);
}
export function bindingToDocument(binding: ChannelBinding): StoredDocument {
  return { ...(encodeKeys(binding) as Record<string, unknown>), _id: bindingId(binding) };
}
/** A stored binding, validated. */
export const documentToBinding = (doc: unknown): ChannelBinding => parseStored(channelBindingSchema, 'bindings', doc);
