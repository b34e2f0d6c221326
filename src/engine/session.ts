import { z } from 'zod';
import { attachmentRefSchema, languageSchema } from '../domain/report';
import type { Prompt } from './prompt';

/** One answer: a choice value, several, free text, or files. */
export const answerSchema = z.union([z.string(), z.array(z.string()), z.array(attachmentRefSchema)]);
export type Answer = z.infer<typeof answerSchema>;
export type Answers = Record<string, Answer>;

/** The step id of the summary shown before submitting. */
export const SUMMARY_STEP = '@summary';

/** The step id of the question "do you really want to cancel?"; its buttons carry it. */
export const CANCEL_STEP = '@cancel';
/** The key of a user's session of one dialog: a member may have one open per dialog. */
export function sessionKeyOf(userId: string, dialogId: string): string {
  return `${userId}|${dialogId}`;
}

/** A member's dialog in progress; stored after every turn, so it resumes days later and after a restart. */
export const sessionSchema = z.object({
  /**
   * `sessionKeyOf(userId, dialogId)`: one session per user and dialog. Sessions stored before dialogs were keyed
   * separately have the bare user id as key; they are read and continued under that key, so none is lost.
   */
  key: z.string().min(1),
  userId: z.string().min(1),
  displayName: z.string().max(200),
  /** Where the member talks to the bot (their DM / personal chat). */
  address: z.string().min(1),
  dialogId: z.string().min(1),
  /** The dialog version the session was started on; an older one is migrated on purpose. */
  dialogVersion: z.number().int().nonnegative(),
  language: languageSchema,
  /** Current step id, or SUMMARY_STEP. */
  stepId: z.string().min(1),
  answers: z.record(z.string(), answerSchema),
  /** Steps answered so far in order, for "back". */
  trail: z.array(z.string()),
  /** Set while editing an answer from the summary: after it, the member returns to the summary. */
  returnToSummary: z.boolean(),
  paused: z.boolean(),
  /** Set after "avbryt": the member was asked whether to throw the report away and has not answered yet. */
  confirmingCancel: z.boolean().optional(),
  /**
   * Set while the member is in another dialog that was started over this one (the report always wins); it waits,
   * answers kept, and is offered again when that dialog ends.
   */
  suspended: z.boolean().optional(),
  /** Facts the dialog may branch on that are not answers (e.g. `districtKnown`), set by the service at start. */
  context: z.record(z.string(), z.string()),
  startedAt: z.string(),
  updatedAt: z.string(),
  revision: z.number().int().nonnegative(),
  /** Only in stored documents: the encrypted answers and name (src/store/encrypted). */
  sealed: z.string().optional(),
  /**
   * The inbox id of the turn whose effects this revision stores. A turn replayed after a crash that finds its own id
   * here was applied already: it only shows the current step again, never applies the answer a second time.
   */
  lastTurn: z.string().optional(),
  /**
   * What that turn answered, queued right after this revision was stored. A replay queues exactly these again under
   * the same ids (from `firstIndex` on), so the member gets each of them once, whether or not the crash came first.
   */
  lastReplies: z
    .object({
      address: z.string().min(1),
      language: languageSchema,
      prompts: z.array(z.custom<Prompt>((v) => typeof v === 'object' && v !== null && 'kind' in v)),
      firstIndex: z.number().int().nonnegative(),
    })
    .optional(),
  /** Set by the turn that ends the dialog, just before it queues its last replies and deletes the session. */
  ending: z.boolean().optional(),
});
export type Session = z.infer<typeof sessionSchema>;
