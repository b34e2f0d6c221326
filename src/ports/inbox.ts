import { z } from 'zod';
import { attachmentRefSchema } from '../domain/report';
import type { IncomingTurn } from '../engine/turn';

/** An IncomingTurn as stored in the inbox, validated on read like every other stored document. */
export const incomingTurnSchema = z.object({
  eventId: z.string().min(1),
  platform: z.string().min(1),
  address: z.string().min(1),
  isDirect: z.boolean(),
  channelAddress: z.string().min(1).optional(),
  user: z.object({
    id: z.string().min(1),
    displayName: z.string(),
    locale: z.string().optional(),
  }),
  text: z.string().optional(),
  action: z
    .object({
      id: z.string(),
      value: z.string(),
      input: z.string().optional(),
      values: z.array(z.string()).optional(),
    })
    .optional(),
  attachments: z.array(attachmentRefSchema).optional(),
});

/**
 * How long a processed delivery is remembered, so a redelivery is still recognised: far longer than any platform
 * retries (Slack retries for about an hour, the Bot Connector for minutes).
 */
export const INBOX_RETENTION_MS = 3 * 24 * 60 * 60 * 1000;

/** The inbox id of a turn: platform and delivery id, the same on every redelivery. */
export const inboxIdOf = (turn: Pick<IncomingTurn, 'platform' | 'eventId'>): string =>
  `${turn.platform}:${turn.eventId}`;

/**
 * A turn that takes two dialog steps stores its first under a mark of its own, so a replay after a crash between the
 * two knows the second is still to do: `files` (its files are in, its text is next), `started` (the report is
 * started, its files are next).
 */
export type TurnPart = 'files' | 'started';

/** The mark a turn's first step leaves on the session (`Session.lastTurn`) when there is a second. */
export const turnPartId = (inboxId: string, part: TurnPart): string => `${inboxId}#${part}`;

/** How a turn's processing ended. */
export const inboxOutcomeSchema = z.enum(['processed', 'throttled', 'failed']);
export type InboxOutcome = z.infer<typeof inboxOutcomeSchema>;

/**
 * One platform delivery, written once when it arrives (before the platform gets its ack) and marked done after its
 * effects are stored. `id` is `<platform>:<delivery id>` and unique: a redelivery finds it and changes nothing.
 * This is the entry while it waits: with the turn, to be processed.
 */
export const inboxEntrySchema = z.object({
  id: z.string().min(1),
  /** The member whose turns are processed in order (the turn's user id). */
  member: z.string().min(1),
  turn: incomingTurnSchema,
  receivedAt: z.string(),
  /** Orders entries received in the same millisecond. */
  seq: z.number().int().nonnegative(),
  status: z.literal('pending'),
  outcome: z.null(),
  doneAt: z.null(),
  /** The process working on it until `claimedUntil`; a crashed holder's claim expires and the turn is redone. */
  claimedBy: z.string().nullable(),
  claimedUntil: z.string().nullable(),
  /** Only in stored documents: the encrypted text, action and name (src/store/encrypted). */
  sealed: z.string().optional(),
});
export type InboxEntry = z.infer<typeof inboxEntrySchema>;

/**
 * A delivery once handled: kept for the retention window only to recognise a redelivery, so it holds its id, how it
 * ended and when, nothing else (the turn with what the member wrote, their name and address, the sealed payload, the
 * member id, the queue's order and claim are dropped when it is marked done).
 */
export const doneInboxEntrySchema = z.object({
  id: z.string().min(1),
  status: z.literal('done'),
  outcome: inboxOutcomeSchema,
  doneAt: z.string(),
});
export type DoneInboxEntry = z.infer<typeof doneInboxEntrySchema>;

/** What the inbox holds under an id: a waiting entry or the record of a handled one. */
export const inboxRecordSchema = z.discriminatedUnion('status', [inboxEntrySchema, doneInboxEntrySchema]);
export type InboxRecord = z.infer<typeof inboxRecordSchema>;

/** Where incoming turns wait until their effects are stored (the durable inbox). */
export interface InboxStore {
  /**
   * Stores a new entry (one insert: this is the write an adapter waits for before acking). True the first time;
   * false, changing nothing, when an entry with this id exists (a redelivery), decided by the unique id.
   */
  accept(entry: InboxEntry): Promise<boolean>;
  /** The entry (without its turn once done: see `DoneInboxEntry`), or null. */
  get(id: string): Promise<InboxRecord | null>;
  /** Pending entries nobody holds or whose claim expired at `now`, oldest first (receivedAt, then seq). */
  claimable(now: Date, limit: number): Promise<InboxEntry[]>;
  /** Claims a pending entry for `holder` until `until` when unclaimed or expired; true when the claim is ours. */
  claim(id: string, holder: string, now: Date, until: Date): Promise<boolean>;
  /**
   * Marks a pending entry done with its outcome and drops the rest (the turn with its text, action, files, name and
   * address, the sealed payload, the member, the queue's order and claim): only the id, outcome and time stay, for
   * dedupe. A done entry is left as it is.
   */
  markDone(id: string, at: Date, outcome: InboxOutcome): Promise<void>;
  /**
   * Lets every claim lapse at `now`. Only for a store one process owns (the embedded store under its data-folder
   * lock): at start-up no other process can be working on them, so their turns are redone at once.
   */
  expireClaims(now: Date): Promise<number>;
  /** Removes done entries finished before `doneBefore`; returns how many went. Pending entries are never removed. */
  prune(doneBefore: Date): Promise<number>;
}

/** What adapters hand incoming turns to: the durable inbox in front of the core. */
export interface TurnIntake {
  /**
   * Stores the turn under its platform delivery id and schedules it; resolves once it is stored, so the adapter may
   * ack. False for a delivery stored before (a platform retry), which is not processed again.
   */
  accept(turn: IncomingTurn): Promise<boolean>;
  /** Resolves once every turn accepted so far (and everything they caused) has been processed. */
  settled(): Promise<void>;
}
