import { z } from 'zod';
import { languageSchema, reportSchema, storedReportSchema } from './report';
import { notificationDraftSchema } from './notification';

/** A person as a case refers to them: an opaque user id plus the name to show. */
export const personRefSchema = z.object({
  /** Opaque user id, e.g. `slack:T1:U2`, `teams:<aad id>`, `web:member`. */
  userId: z.string().min(1),
  displayName: z.string().max(200),
});
export type PersonRef = z.infer<typeof personRefSchema>;

/** The follow-up routine of seed 004 §3.2 as checklist items. */
export const CHECKLIST_ITEMS = [
  'not_alone',
  // Seed 004 §3.2.2: company on the way home or to another chosen place, such as healthcare.
  'company_home',
  'initial_followup',
  'further_conversations',
  'professional_support',
  'police_report',
] as const;
export const checklistItemIdSchema = z.enum(CHECKLIST_ITEMS);
export type ChecklistItemId = z.infer<typeof checklistItemIdSchema>;

export const checklistItemSchema = z.object({
  id: checklistItemIdSchema,
  /** ISO time the item is due. */
  dueAt: z.string(),
  doneAt: z.string().nullable(),
  doneBy: personRefSchema.nullable(),
  note: z.string().max(2000).nullable(),
});
export type ChecklistItem = z.infer<typeof checklistItemSchema>;

export const TIMELINE_KINDS = [
  'submitted',
  'taken',
  'handover_offered',
  'handover_accepted',
  'handover_declined',
  'item_done',
  'note',
  'shared',
  'closed',
  'reopened',
  'escalated',
  'delivery_failed',
  /** The police's case number was recorded (issue 14). */
  'police_number',
  /** The incident report was exported or opened as a file (issue 14). */
  'exported',
  /** The member sent the rest of an urgent report that was alerted before the details (issue 12). */
  'completed',
  /** The member added a message or files to the case after sending it (issue 12). */
  'member_added',
  /** The exposed person changed their answer about sharing with the municipality (issue 12). */
  'consent_changed',
  /** The member left or changed how they want to be reached; the way itself is in the report (issue 12). */
  'reach_changed',
  /** The member asked for (or declined) the check-ins after a day and a week (issue 12). */
  'check_ins',
  /** The member answered a check-in: how they are, whether they need support (issue 12). */
  'check_in',
] as const;
export const timelineEntrySchema = z.object({
  kind: z.enum(TIMELINE_KINDS),
  at: z.string(),
  by: personRefSchema.nullable(),
  /** Item id, successor, close reason, note text: shown in the case view only, never in alerts or logs. */
  detail: z.string().max(2000).optional(),
  /**
   * The inbox id of the turn that made this change (a button press, a member's message), so the turn replayed after
   * a crash finds its change made and does not make it twice (a second note, a second tick).
   */
  turn: z.string().min(1).optional(),
});
export type TimelineEntry = z.infer<typeof timelineEntrySchema>;

export const caseStatusSchema = z.enum(['new', 'open', 'closed']);
export type CaseStatus = z.infer<typeof caseStatusSchema>;

export const caseSchema = z.object({
  /** Internal id (also the MongoDB _id). */
  id: z.string().min(1),
  /** Human case number, e.g. VP-2026-0042; unique. */
  number: z.string().regex(/^VP-\d{4}-\d{4,}$/),
  districtId: z.string().min(1),
  urgent: z.boolean(),
  status: caseStatusSchema,
  createdAt: z.string(),
  updatedAt: z.string(),
  /** Bumped on every write; every write is conditional on the revision it read (optimistic concurrency). */
  revision: z.number().int().nonnegative(),
  reporter: personRefSchema.extend({
    /** Where to tell the reporter who helps them (opaque address). */
    address: z.string().min(1),
    language: languageSchema,
  }),
  /** The exposed person when they are a known user (self-report); otherwise only named in the report. */
  exposedUserId: z.string().nullable(),
  /** The report; an anonymised case keeps only its statistics fields (description empty). */
  report: storedReportSchema,
  owner: personRefSchema.nullable(),
  takenAt: z.string().nullable(),
  /** A hand-over offered by the owner and not yet accepted; the owner stays the owner until then. */
  pendingHandover: personRefSchema.nullable(),
  sharedWithMunicipality: z.string().nullable(),
  checklist: z.array(checklistItemSchema),
  closeReason: z.string().max(2000).nullable(),
  timeline: z.array(timelineEntrySchema),
  /** Escalations of an untaken case so far (issue 6). */
  escalations: z.number().int().nonnegative(),
  lastEscalatedAt: z.string().nullable(),
  /**
   * Notifications caused by the last changes, written in the same conditional write as the change (a transactional
   * outbox inside the document). The relay copies them to the outbox store and then removes them from here.
   */
  pendingNotifications: z.array(notificationDraftSchema),
  /**
   * An urgent case alerted as soon as the district was known, before the member had told what happened (DOMAIN rule
   * 14): the report fills in when the member sends it. Absent on every other case.
   */
  preliminary: z.boolean().optional(),
  /**
   * Set when retention or erasure removed the report and the names: the statistics fields stay, nothing else does.
   */
  anonymisedAt: z.string().nullable().optional(),
  /** Only in stored documents: the encrypted fields (src/store/encrypted), never present in a case the core sees. */
  sealed: z.record(z.string(), z.string()).optional(),
});
export type Case = z.infer<typeof caseSchema>;

/**
 * What the reminder sweep needs of a case, and nothing more: ids, status, owner, district, urgency, times, the
 * categories (a channel may show them) and the checklist's due dates. These fields stay in clear at rest so a store
 * can project them without reading (or decrypting) the report.
 */
export const caseSummarySchema = caseSchema
  .pick({
    id: true,
    number: true,
    districtId: true,
    urgent: true,
    status: true,
    createdAt: true,
    owner: true,
    escalations: true,
  })
  .extend({
    /** The police status and case number: the digest says when a wanted report has no number a week on. */
    report: reportSchema.pick({ categories: true }).extend({
      police: reportSchema.shape.police.pick({ status: true, caseNumber: true }).default({}),
    }),
    checklist: z.array(checklistItemSchema.pick({ id: true, dueAt: true, doneAt: true })),
  });
export type CaseSummary = z.infer<typeof caseSummarySchema>;
