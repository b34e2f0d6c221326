import { z } from 'zod';
import { attachmentRefSchema, languageSchema } from '../domain/report';

/** One answer: a choice value, several, free text, or files. */
export const answerSchema = z.union([z.string(), z.array(z.string()), z.array(attachmentRefSchema)]);
export type Answer = z.infer<typeof answerSchema>;
export type Answers = Record<string, Answer>;

/** The step id of the summary shown before submitting. */
export const SUMMARY_STEP = '@summary';

/** The step id of the question "do you really want to cancel?"; its buttons carry it. */
export const CANCEL_STEP = '@cancel';

/** A member's dialog in progress; stored after every turn, so it resumes days later and after a restart. */
export const sessionSchema = z.object({
  /** One session per user: the user id. */
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
  answers: z.record(answerSchema),
  /** Steps answered so far in order, for "back". */
  trail: z.array(z.string()),
  /** Set while editing an answer from the summary: after it, the member returns to the summary. */
  returnToSummary: z.boolean(),
  paused: z.boolean(),
  /** Set after "avbryt": the member was asked whether to throw the report away and has not answered yet. */
  confirmingCancel: z.boolean().optional(),
  /** Facts the dialog may branch on that are not answers (e.g. `districtKnown`), set by the service at start. */
  context: z.record(z.string()),
  startedAt: z.string(),
  updatedAt: z.string(),
  revision: z.number().int().nonnegative(),
  /** Only in stored documents: the encrypted answers and name (src/store/encrypted). */
  sealed: z.string().optional(),
});
export type Session = z.infer<typeof sessionSchema>;
