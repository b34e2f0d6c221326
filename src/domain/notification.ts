import { z } from 'zod';
import type { OutgoingMessage } from '../engine/prompt';

const outgoingSchema = z.custom<OutgoingMessage>(
  (value) =>
    typeof value === 'object' &&
    value !== null &&
    'language' in value &&
    'prompt' in value &&
    typeof (value as { prompt: unknown }).prompt === 'object',
  { error: 'not an outgoing message' },
);

/** The messages about a case that are rendered from the case when they are sent (src/notifications/case-messages.ts). */
export const CASE_MESSAGE_KINDS = [
  'alert',
  'alert-rerouted',
  'case-card',
  'handover-offer',
  'handover-accepted',
  'handover-declined',
  'owner-member-added',
  'owner-consent',
  'owner-reach',
  'owner-check-in',
  'owner-police-number',
  'owner-evidence-file',
  'member-taken',
  'member-handed-over',
  'member-closed',
  'member-reopened',
  'member-escalated',
  'escalation-channel',
  'escalation-central',
] as const;
export type CaseMessageKind = (typeof CASE_MESSAGE_KINDS)[number];

/**
 * A reference to a message about a case: what to say and to whom, never the words. The card or text is rendered from
 * the (decrypted) case when the notification is sent, so the outbox holds no copy of a report, and a case erased or
 * anonymised before then is never sent at all.
 */
export const caseMessageRefSchema = z.object({
  caseId: z.string().min(1),
  kind: z.enum(CASE_MESSAGE_KINDS),
  language: z.enum(['sv', 'en']),
  /** The timeline entry the message tells of (who acted, when, and its detail), an index into `case.timeline`. */
  entry: z.number().int().nonnegative(),
  /** Whose view a `case-card` shows; their role on the case is worked out again when it is sent. */
  viewerUserId: z.string().min(1).optional(),
  /** The evidence file (`AttachmentRef.id` on the case) an `owner-evidence-file` message shares. */
  fileId: z.string().min(1).optional(),
});
export type CaseMessageRef = z.infer<typeof caseMessageRefSchema>;

/**
 * A notification written in the same document write as the case change that caused it, so a crash can never lose it.
 * `id` is `<caseId>:<event>:<address>` and decides uniqueness: the same notification is never queued twice.
 *
 * It carries either `render` (a reference, rendered from the case when sent) or `message` (rendered content, for what
 * cannot be rendered again later: dialog questions, digests, check-ins). The stores drop `message` once the
 * notification is sent, dead or superseded, so the outbox keeps no message text after delivery.
 */
export const notificationDraftSchema = z.object({
  id: z.string().min(1),
  address: z.string().min(1),
  message: outgoingSchema.optional(),
  render: caseMessageRefSchema.optional(),
  createdAt: z.string(),
});
export type NotificationDraft = z.infer<typeof notificationDraftSchema>;

/** A notification in the outbox, on its way to a platform. */
export const notificationSchema = notificationDraftSchema.extend({
  /** The case it belongs to (order is kept per case), or null for digests. */
  caseId: z.string().nullable(),
  /** Orders notifications of one case. */
  seq: z.number().int().nonnegative(),
  /**
   * `superseded`: a question never delivered that a newer question of the same dialog replaced (the member never gets
   * a stale question after a fresh one), or a case message the case no longer calls for when its turn came (an
   * escalation of a case taken meanwhile, anything of an erased case).
   */
  status: z.enum(['pending', 'sent', 'dead', 'superseded']),
  attempts: z.number().int().nonnegative(),
  nextAttemptAt: z.string(),
  sentAt: z.string().nullable(),
  lastError: z.string().max(500).nullable(),
  /** Who is sending it right now, until when (so two processes never send the same one). */
  claimedBy: z.string().nullable(),
  claimedUntil: z.string().nullable(),
  /**
   * Messages that are not about a case (the bot's replies) keep their order per `stream` (the recipient's address);
   * case notifications keep theirs per case and address.
   */
  stream: z.string().min(1).optional(),
  /** A later pending notification of the stream with the same key replaces this one if it was not delivered yet. */
  supersedeKey: z.string().min(1).optional(),
  /**
   * The inbox id of the turn that queued this bot reply. Once that turn is done it is never replayed, so nothing needs
   * the reply after it is over (a replay is what its id dedupes): `OutboxStore.forgetTurn` removes it then.
   */
  turn: z.string().min(1).optional(),
  /**
   * When the current claim's send began. A claim that ran out while this is set is a send in doubt (the process may
   * have died after the platform accepted it): the dispatcher asks the platform before sending it again.
   */
  sendingSince: z.string().nullable().optional(),
});
export type Notification = z.infer<typeof notificationSchema>;

/** What a new notification says; the rest of its state is that of one never tried. */
export type NewNotification = NotificationDraft &
  Pick<Notification, 'caseId' | 'seq'> &
  Partial<Pick<Notification, 'stream' | 'supersedeKey'>>;

/** A notification as it enters the outbox: pending, untried, unclaimed, due when it was created. */
export function pendingNotification(fields: NewNotification): Notification {
  return {
    ...fields,
    status: 'pending',
    attempts: 0,
    nextAttemptAt: fields.createdAt,
    sentAt: null,
    lastError: null,
    claimedBy: null,
    claimedUntil: null,
  };
}
