import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { DialogEffectCall, DialogService, DialogServiceOutcome } from '../ports/dialog-service';
import type { Directory } from '../directory/directory';
import { reportSchema } from '../domain/report';
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

  async function submit({ payload, session, turn }: DialogEffectCall): Promise<DialogServiceOutcome> {
    const submission = reportSubmissionSchema.parse(payload);
    if (submission.districtId) await deps.profiles.rememberDistrict(session.userId, submission.districtId);
    const districtId = await districtOf(session.userId, submission.districtId);
    const report = submission.report;
    const c = await deps.cases.submit(
      {
        // Same session, same id: a retried submit after a crash finds the stored case instead of making a second.
        id: `c${createHash('sha256').update(`${session.key}|${session.startedAt}`).digest('hex').slice(0, 20)}`,
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
    const received = c.owner
      ? message('bot.submitted.owned', { number: c.number, district })
      : message(c.urgent ? 'bot.submitted.urgent' : 'bot.submitted', {
          number: c.number,
          // A district without contacts of its own is served by the central contact: say so, not "the contacts of X".
          recipients: deps.cases.recipientsText(c),
        });
    // The way to the ready police-report text and to the police's number later, on the member's own case (issue 14).
    return { prompts: [received, { kind: 'card', card: policeOfferCard(c) }] };
  }

  return {
    handle(call) {
      if (call.name === 'submit') return submit(call);
      throw new Error(`report intake: unknown effect "${call.name}"`);
    },
  };
}
