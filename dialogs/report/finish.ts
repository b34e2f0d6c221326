import type { z } from 'zod';
import { categorySchema, channelSchema, ladderStepOf } from '../../src/domain/categories';
import {
  attachmentRefSchema,
  perpetratorCountSchema,
  perpetratorKnownSchema,
  policeStatusSchema,
  reportSchema,
  yesNoUnknownSchema,
  type Language,
  type Report,
} from '../../src/domain/report';
import type { FinishResult } from '../../src/engine/dialog';
import type { Answers } from '../../src/engine/session';
import { reachOf, type Reach } from '../../src/domain/reach';
import type { ReportStepId } from './ids';

/** The question behind each report field, so a failed validation sends the member to the right question. */
const STEP_OF_FIELD: Record<string, ReportStepId> = {
  urgent: 'emergency',
  reporter: 'on_behalf',
  'reporter.nameAndRole': 'reporter_name_role',
  'reporter.relation': 'relation',
  'target.name': 'target_name',
  'target.role': 'target_role',
  categories: 'categories',
  hateCrimeMotive: 'hate_crime',
  sexualCharacter: 'sexual_character',
  description: 'description',
  channels: 'channels',
  when: 'when',
  'when.ongoing': 'ongoing',
  'where.place': 'where_place',
  'where.platformOrLink': 'where_link',
  'perpetrator.known': 'perpetrator_known',
  'perpetrator.count': 'perpetrator_count',
  'perpetrator.description': 'perpetrator_description',
  'perpetrator.group': 'perpetrator_group',
  'perpetrator.targetedOthers': 'perpetrator_others',
  trigger: 'trigger',
  witnesses: 'witnesses',
  reachedTarget: 'reached_target',
  experience: 'experience',
  measuresDecided: 'measures',
  evidence: 'evidence',
  evidenceNote: 'evidence_note',
  'police.status': 'police',
  'police.contactedWhen': 'police_when',
  'police.caseNumber': 'police_case_number',
  'support.needed': 'support_needed',
  'support.needs': 'support_needs',
  'support.supportPerson': 'support_person',
  'informed.relatives': 'informed_relatives',
  'informed.municipality': 'informed_municipality',
  consentMunicipality: 'consent_municipality',
  reachAt: 'reach',
  'reachAt.value': 'reach',
};

/** An exact date-time as the engine stores it (`2026-03-09`, `2026-03-09T21:15`, or an ISO instant for "now"). */
const EXACT_TIME = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?Z)?)?$/;

/**
 * Builds the Report from the answers of the steps that apply and validates it. Missing essentials (what, how, when;
 * on someone's behalf also the relation and the exposed person's name) come back as the steps to ask.
 */
export function finishReport(
  answers: Answers,
  _context: Record<string, string>,
  language: Language,
): FinishResult<Report> {
  const text = (id: ReportStepId): string | undefined => {
    const value = answers[id];
    return typeof value === 'string' && value.trim() !== '' ? value : undefined;
  };
  const one = <T>(schema: z.ZodType<T>, id: ReportStepId): T | undefined => {
    const parsed = schema.safeParse(answers[id]);
    return parsed.success ? parsed.data : undefined;
  };
  const list = <T>(schema: z.ZodType<T>, id: ReportStepId): T[] => {
    const value = answers[id];
    if (!Array.isArray(value)) return [];
    return value.flatMap((item: unknown) => {
      const parsed = schema.safeParse(item);
      return parsed.success ? [parsed.data] : [];
    });
  };

  const emergency = answers.emergency;
  const behalf = answers.on_behalf === 'on_behalf';
  const categories = list(categorySchema, 'categories');
  const channels = list(channelSchema, 'channels');
  const description = text('description');
  const when = text('when');

  const missing: ReportStepId[] = [];
  if (emergency !== 'yes' && emergency !== 'no' && emergency !== 'send_now') missing.push('emergency');
  if (answers.on_behalf !== 'self' && !behalf) missing.push('on_behalf');
  if (behalf && !text('relation')) missing.push('relation');
  if (behalf && !text('target_name')) missing.push('target_name');
  if (categories.length === 0) missing.push('categories');
  if (!description) missing.push('description');
  if (channels.length === 0) missing.push('channels');
  if (!when) missing.push('when');
  if (missing.length > 0) return { ok: false, missingStepIds: missing };

  const urgent = emergency === 'yes';
  const exact = when !== undefined && EXACT_TIME.test(when);
  const candidate: Report = {
    urgent,
    language,
    reporter: {
      onBehalf: behalf,
      nameAndRole: behalf ? text('reporter_name_role') : undefined,
      relation: behalf ? text('relation') : undefined,
    },
    // For a self-report the name is the member's own, which the case already knows from their account.
    target: { name: behalf ? text('target_name') : undefined, role: text('target_role') },
    categories,
    hateCrimeMotive: one(yesNoUnknownSchema, 'hate_crime'),
    sexualCharacter: one(yesNoUnknownSchema, 'sexual_character'),
    description: description ?? '',
    channels,
    ladderStep: ladderStepOf(channels, categories),
    when: {
      at: exact ? when : undefined,
      approximate: exact ? undefined : when,
      // The emergency question asks "in danger now or ongoing", so a yes there counts as ongoing.
      ongoing: urgent || answers.ongoing === 'yes',
    },
    where: { place: text('where_place'), platformOrLink: text('where_link') },
    perpetrator: {
      // "Don't know" is kept in the summary but stored as absent: the report schema knows only known/unknown.
      known: one(perpetratorKnownSchema, 'perpetrator_known'),
      count: one(perpetratorCountSchema, 'perpetrator_count'),
      description: text('perpetrator_description'),
      group: text('perpetrator_group'),
      targetedOthers: one(yesNoUnknownSchema, 'perpetrator_others'),
    },
    trigger: text('trigger'),
    witnesses: text('witnesses'),
    reachedTarget: one(yesNoUnknownSchema, 'reached_target'),
    experience: text('experience'),
    measuresDecided: text('measures'),
    evidence: list(attachmentRefSchema, 'evidence'),
    evidenceNote: text('evidence_note'),
    police: {
      status: one(policeStatusSchema, 'police'),
      contactedWhen: text('police_when'),
      caseNumber: text('police_case_number'),
    },
    support: {
      needed: one(yesNoUnknownSchema, 'support_needed'),
      needs: text('support_needs'),
      supportPerson: text('support_person'),
    },
    informed: { relatives: text('informed_relatives'), municipality: text('informed_municipality') },
    // Only an explicit yes shares the case with the municipality (DOMAIN: second line only with consent). One of the
    // two questions applies: the details' one, or the fast path's (the engine passes only applicable answers).
    consentMunicipality: answers.consent_municipality === 'yes' || answers.consent_now === 'yes',
    reachAt: reachFrom(answers),
  };

  const parsed = reportSchema.safeParse(withoutUndefined(candidate));
  if (parsed.success) return { ok: true, result: parsed.data };
  const steps = parsed.error.issues.map((issue) => stepOfPath(issue.path));
  return { ok: false, missingStepIds: [...new Set(steps)] };
}

/** How to reach the member, when they said so; a phone or address they skipped leaves nothing (they can add it later). */
function reachFrom(answers: Answers): Reach | undefined {
  const via = answers.reach;
  if (via === 'chat') return { via };
  const typed = via === 'phone' ? answers.reach_phone : via === 'email' ? answers.reach_email : undefined;
  if (typeof typed !== 'string' || (via !== 'phone' && via !== 'email')) return undefined;
  return reachOf(via, typed) ?? undefined;
}

function stepOfPath(path: readonly PropertyKey[]): ReportStepId {
  const [first, second] = path.map(String);
  const step = STEP_OF_FIELD[`${first}.${second}`] ?? STEP_OF_FIELD[first ?? ''];
  // Every field has a question; reaching this means the schema grew a field the dialog does not ask.
  if (!step) throw new Error(`report dialog: no step for report field "${path.map(String).join('.')}"`);
  return step;
}

/**
 * Drops keys whose value is undefined, at any depth of plain objects. The stored document then holds only what the
 * member said; a MongoDB driver would otherwise write `null`, which the schema does not accept on reading.
 */
function withoutUndefined<T>(value: T): T {
  if (Array.isArray(value)) return value.map(withoutUndefined) as T;
  if (typeof value !== 'object' || value === null) return value;
  const entries = Object.entries(value).filter(([, v]) => v !== undefined);
  return Object.fromEntries(entries.map(([k, v]) => [k, withoutUndefined(v)])) as T;
}

/**
 * Carries answers of an older dialog version over. Version 1 called the description step `what`; anything older
 * cannot be kept, and the engine tells the member plainly that we start again.
 */
export function migrateReport(fromVersion: number, answers: Answers): Answers | null {
  if (fromVersion !== 1) return null;
  const { what, ...rest } = answers;
  return what === undefined || rest.description !== undefined ? rest : { ...rest, description: what };
}
