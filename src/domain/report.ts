import { z } from 'zod';
import { categorySchema, channelSchema, type LadderStep, LADDER_STEPS } from './categories';
import { reachSchema } from './reach';

/** The longest free-text answer we keep; longer answers are refused with a message, never cut silently. */
export const MAX_TEXT_LENGTH = 4000;

export const languageSchema = z.enum(['sv', 'en']);
export type Language = z.infer<typeof languageSchema>;

const text = z.string().max(MAX_TEXT_LENGTH);

/** Why a file the member sent could not be kept by Vaktpost (the member is told, the owner sees the name). */
export const evidenceRefusalSchema = z.enum(['too_large', 'download_failed']);
export type EvidenceRefusal = z.infer<typeof evidenceRefusalSchema>;

/**
 * A file the member shared as evidence. At arrival the adapter downloads it: its SHA-256 is recorded (evidence
 * integrity) and Vaktpost keeps the bytes, encrypted with a key of the file's own that travels only inside this
 * reference, that is inside the session and then the case, both encrypted; erasing the case loses the key with it.
 */
export const attachmentRefSchema = z.object({
  /** Platform and file id, e.g. `slack:F123` or `teams:<contentUrl hash>`. */
  id: z.string().min(1).max(500),
  name: z.string().max(500),
  /** The platform's own link (Slack permalink, Teams content url): only the member can open it. */
  url: z.string().max(2000).optional(),
  mimeType: z.string().max(200).optional(),
  /** Where the adapter downloads the file from at arrival; dropped once it is downloaded. */
  download: z.string().max(4000).optional(),
  /** SHA-256 of the bytes as they arrived, lower-case hex. */
  sha256: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .optional(),
  /** Size in bytes as it arrived. */
  size: z.number().int().nonnegative().optional(),
  /** Vaktpost's encrypted copy: the blob's id and the file's data key (base64url). */
  stored: z.object({ blob: z.string().min(1).max(100), key: z.string().min(1).max(100) }).optional(),
  /** Set when Vaktpost could not keep the file. */
  refused: evidenceRefusalSchema.optional(),
});
export type AttachmentRef = z.infer<typeof attachmentRefSchema>;

export const policeStatusSchema = z.enum(['not_contacted', 'contacted', 'reported', 'wants_help']);
export type PoliceStatus = z.infer<typeof policeStatusSchema>;

export const perpetratorKnownSchema = z.enum(['known', 'unknown']);
export const perpetratorCountSchema = z.enum(['one', 'several', 'dont_know']);
export const yesNoUnknownSchema = z.enum(['yes', 'no', 'dont_know']);

/**
 * The stored incident report. Every field of seed 003 Bilaga 4 ("Mall för incidentrapport") has a place here; the
 * essentials (what, how, when) are required so a member in a hurry can submit and complete the rest later.
 */
export const reportSchema = z.object({
  /** From the emergency question: someone is in danger now or the event is ongoing (DOMAIN rule 1). */
  urgent: z.boolean(),
  language: languageSchema,

  // VEM — who reports and who was targeted
  reporter: z.object({
    onBehalf: z.boolean(),
    /** Name and function of the reporter as they give it (Bilaga 4: "Namn, funktion"). */
    nameAndRole: text.optional(),
    /** Relation to the exposed person when reporting on someone's behalf. */
    relation: text.optional(),
  }),
  target: z.object({
    /** The exposed person's name as given; for a self-report the reporter's own. */
    name: text.optional(),
    /** Role, board or committee (Bilaga 4: "nämnd/styrelse"). */
    role: text.optional(),
  }),

  // VAD
  categories: z.array(categorySchema).min(1),
  hateCrimeMotive: yesNoUnknownSchema.optional(),
  sexualCharacter: yesNoUnknownSchema.optional(),
  description: text.min(1),

  // HUR
  channels: z.array(channelSchema).min(1),
  /** Derived from channels and categories; recorded, never a danger score. */
  ladderStep: z.enum(LADDER_STEPS as unknown as [LadderStep, ...LadderStep[]]).nullable(),

  // NÄR / VAR
  when: z.object({
    /** ISO date-time when the member gave an exact time. */
    at: z.string().max(40).optional(),
    /** Free words when it is approximate ("last week", "since the spring"). */
    approximate: text.optional(),
    ongoing: z.boolean(),
  }),
  where: z.object({
    place: text.optional(),
    platformOrLink: text.optional(),
  }),

  // Who did it
  perpetrator: z.object({
    known: perpetratorKnownSchema.optional(),
    count: perpetratorCountSchema.optional(),
    description: text.optional(),
    group: text.optional(),
    targetedOthers: yesNoUnknownSchema.optional(),
  }),

  trigger: text.optional(),
  witnesses: text.optional(),
  /** Did the threat reach the intended recipient (Bilaga 4 asks). */
  reachedTarget: yesNoUnknownSchema.optional(),
  experience: text.optional(),
  measuresDecided: text.optional(),

  evidence: z.array(attachmentRefSchema).max(50),
  evidenceNote: text.optional(),

  police: z.object({
    status: policeStatusSchema.optional(),
    contactedWhen: text.optional(),
    caseNumber: z.string().max(100).optional(),
  }),
  support: z.object({
    needed: yesNoUnknownSchema.optional(),
    needs: text.optional(),
    received: text.optional(),
    supportPerson: text.optional(),
  }),
  informed: z.object({
    relatives: text.optional(),
    partySecurity: z.boolean().optional(),
    municipality: text.optional(),
  }),
  /** The exposed person agrees that the case may be shared with the municipality's security officer. */
  consentMunicipality: z.boolean(),
  /** How the member wants the owner to reach them; only the owner (and a consented municipality) sees it. */
  reachAt: reachSchema.optional(),
});
export type Report = z.infer<typeof reportSchema>;

/**
 * A report as a stored case holds it: the same fields, except that the description may be empty, which it is once
 * the case has been anonymised (retention, erasure) and only the statistics fields are left; and that what happened
 * and how may still be empty while an urgent case is preliminary (alerted at once, the details following).
 */
export const storedReportSchema = reportSchema.extend({
  description: text,
  categories: z.array(categorySchema),
  channels: z.array(channelSchema),
});
export type StoredReport = z.infer<typeof storedReportSchema>;
