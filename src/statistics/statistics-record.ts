import type { Case } from '../domain/case';
import type { Category, Channel, LadderStep } from '../domain/categories';

/**
 * What statistics read of a case, and nothing more: district, dates, categories, hate-crime flag, channels and step on
 * the threat ladder, urgency, whether it was reported to the police. These are the fields retention keeps when it
 * anonymises a closed case (issue 11), so anonymised cases still count. Never a name, a text or a user id.
 */
export interface StatisticsRecord {
  districtId: string;
  createdAt: string;
  /** When a contact took the case, or null. */
  takenAt: string | null;
  /** When the first follow-up conversation (seed 004: within two weeks) was ticked as done, or null. */
  followupAt: string | null;
  categories: readonly Category[];
  hateCrime: boolean;
  channels: readonly Channel[];
  ladderStep: LadderStep | null;
  urgent: boolean;
  policeReported: boolean;
}

/** The statistics fields of a case. */
export function statisticsRecordOf(c: Case): StatisticsRecord {
  const followup = c.checklist.find((item) => item.id === 'initial_followup');
  return {
    districtId: c.districtId,
    createdAt: c.createdAt,
    // The first take, not a later hand-over (which moves takenAt); retention may drop the timeline, then takenAt.
    takenAt: c.timeline.find((e) => e.kind === 'taken')?.at ?? c.takenAt,
    followupAt: followup?.doneAt ?? null,
    categories: c.report.categories,
    hateCrime: c.report.hateCrimeMotive === 'yes',
    channels: c.report.channels,
    ladderStep: c.report.ladderStep,
    urgent: c.urgent,
    policeReported: c.report.police.status === 'reported' || !!c.report.police.caseNumber,
  };
}
