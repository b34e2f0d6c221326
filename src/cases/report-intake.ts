import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { DialogEffectCall, DialogService, DialogServiceOutcome } from '../ports/dialog-service';
import type { Directory } from '../directory/directory';
import { reportSchema, type Language, type StoredReport } from '../domain/report';
import type { Prompt, TextParam } from '../engine/prompt';
import { tx } from '../engine/prompt';
import type { Logger } from '../ports/logger';
import type { ProfileService } from '../profiles/profile-service';
import type { Clock } from '../ports/clock';
import { policeOfferCard } from '../police/police-text';
import type { CaseService } from './case-service';

/** A submitted report, with the district the member chose when the directory did not know it. */
export const reportSubmissionSchema = z.object({ report: reportSchema, districtId: z.string().min(1).optional() });
export type ReportSubmission = z.infer<typeof reportSubmissionSchema>;

/**
 * The effect the report dialog emits, once the district is known, after a yes to the emergency question or "send
 * now, tell more later": the case goes to the district before the details. `urgent` only after the yes; a session
 * stored before the field existed sent it only after a yes, so absent means urgent.
 */
export const URGENT_EFFECT = 'urgent';
const urgentPayloadSchema = z.object({
  onBehalf: z.boolean(),
  urgent: z.boolean().default(true),
  districtId: z.string().min(1).optional(),
});

/** What the intake needs; main.ts builds it. */
export interface ReportIntakeDeps {
  cases: CaseService;
  directory: Directory;
  profiles: ProfileService;
  clock: Clock;
  logger: Logger;
}

const message = (key: string, params: Record<string, TextParam>): Prompt => ({
  kind: 'message',
  text: tx(key, params),
});

/**
 * The service a report dialog names: a submitted report becomes a case routed to the member's district (the one
 * the directory knows, else the one they chose, else the one remembered in their profile).
 */
export function createReportIntake(deps: ReportIntakeDeps): DialogService {
  async function districtOf(userId: string, chosen: string | undefined): Promise<string> {
    const known = deps.directory.districtOfUser(userId);
    if (known) return known.id;
    if (chosen && deps.directory.district(chosen)) return chosen;
    const profile = await deps.profiles.get(userId);
    if (profile?.districtId && deps.directory.district(profile.districtId)) return profile.districtId;
    // Unreachable through the dialog (it asks when unknown); the first district's contacts (or central) then see it.
    return deps.directory.districts()[0]?.id ?? 'unknown';
  }

  /** Same session, same id: the urgent alert and the later submit are one case, and a retry finds it. */
  const caseIdOf = (session: DialogEffectCall['session']): string =>
    `c${createHash('sha256').update(`${session.key}|${session.startedAt}`).digest('hex').slice(0, 20)}`;

  const reporterOf = ({ session, turn }: DialogEffectCall) => ({
    userId: session.userId,
    displayName: session.displayName,
    address: turn.isDirect ? turn.address : session.address,
    language: session.language,
  });

  /**
   * Urgent first (DOMAIN rule 14): someone is in danger now (or the member asked to send now and tell more later),
   * so the district (or the central contact) gets the case at once with what is known, and the member gets the case
   * number; the rest of the dialog fills in the same case. Flagged urgent only when someone is in danger.
   */
  async function urgent(call: DialogEffectCall): Promise<DialogServiceOutcome> {
    const { onBehalf, urgent: inDanger, districtId: chosen } = urgentPayloadSchema.parse(call.payload);
    const { session } = call;
    if (chosen) await deps.profiles.rememberDistrict(session.userId, chosen);
    const c = await deps.cases.forTurn(call.turnId).submit(
      {
        id: caseIdOf(session),
        reporter: reporterOf(call),
        districtId: await districtOf(session.userId, chosen),
        report: preliminaryReport(onBehalf, inDanger, session.language),
        exposedUserId: onBehalf ? null : session.userId,
        preliminary: true,
      },
      deps.clock.now(),
    );
    deps.logger.info('case alerted before the details', {
      case: c.id,
      number: c.number,
      district: c.districtId,
      urgent: c.urgent,
    });
    const words = { number: c.number, recipients: deps.cases.recipientsText(c) };
    return {
      prompts: [
        inDanger
          ? { kind: 'message', tone: 'urgent', text: tx('bot.urgent_alerted', words) }
          : message('bot.sent_first', words),
      ],
      context: { caseNumber: c.number },
    };
  }

  async function submit({ payload, session, turn, turnId }: DialogEffectCall): Promise<DialogServiceOutcome> {
    const submission = reportSubmissionSchema.parse(payload);
    if (submission.districtId) await deps.profiles.rememberDistrict(session.userId, submission.districtId);
    const districtId = await districtOf(session.userId, submission.districtId);
    const report = submission.report;
    const c = await deps.cases.forTurn(turnId).submit(
      {
        // Same session, same id: a retried submit after a crash finds the stored case instead of making a second.
        id: caseIdOf(session),
        reporter: {
          userId: session.userId,
          displayName: session.displayName,
          address: turn.isDirect ? turn.address : session.address,
          language: session.language,
        },
        districtId,
        report,
        exposedUserId: report.reporter.onBehalf ? null : session.userId,
      },
      deps.clock.now(),
    );
    deps.logger.info('case submitted', { case: c.id, number: c.number, district: c.districtId, urgent: c.urgent });
    const district = deps.cases.districtName(c);
    // The urgent case was made and alerted already; now it holds everything the member told.
    if (session.context.caseNumber) {
      return { prompts: [message('bot.submitted.completed', { number: c.number }), checkInOffer(c)] };
    }
    const received = c.owner
      ? message('bot.submitted.owned', { number: c.number, district })
      : message(c.urgent ? 'bot.submitted.urgent' : 'bot.submitted', {
          number: c.number,
          // A district without contacts of its own is served by the central contact: say so, not "the contacts of X".
          recipients: deps.cases.recipientsText(c),
        });
    // The way to the ready police-report text and to the police's number later, on the member's own case (issue 14).
    // A contact filing for someone owns the case; the check-ins are for the member who reported for themselves.
    const aftercare = c.owner && c.owner.userId === session.userId ? [] : [checkInOffer(c)];
    return { prompts: [received, { kind: 'card', card: policeOfferCard(c) }, ...aftercare] };
  }

  return {
    handle(call) {
      if (call.name === 'submit') return submit(call);
      if (call.name === URGENT_EFFECT) return urgent(call);
      throw new Error(`report intake: unknown effect "${call.name}"`);
    },
  };
}

/**
 * What a case sent first holds before the member has told what happened: who it concerns and, after a yes to the
 * emergency question, urgent and ongoing.
 */
function preliminaryReport(onBehalf: boolean, urgent: boolean, language: Language): StoredReport {
  return {
    urgent,
    language,
    reporter: { onBehalf },
    target: {},
    categories: [],
    description: '',
    channels: [],
    ladderStep: null,
    when: { ongoing: urgent },
    where: {},
    perpetrator: {},
    evidence: [],
    police: {},
    support: {},
    informed: {},
    consentMunicipality: false,
  };
}

/** Aftercare: may we ask after a day and after a week how the member is? Only with their yes. */
function checkInOffer(c: { id: string; number: string }): Prompt {
  const value = (v: string): string => JSON.stringify({ c: c.id, v });
  return {
    kind: 'card',
    card: {
      title: tx('checkin.offer.title'),
      tone: 'normal',
      lines: [tx('checkin.offer.text')],
      actions: [
        { id: 'member:checkins', label: tx('checkin.offer.yes'), value: value('yes'), style: 'primary' },
        { id: 'member:checkins', label: tx('checkin.offer.no'), value: value('no') },
      ],
    },
  };
}
