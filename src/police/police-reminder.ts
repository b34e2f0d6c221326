import type { CaseSummary } from '../domain/case';

/** How long after the report a missing police case number is worth a word in the owner's digest. */
export const POLICE_NUMBER_GRACE_MS = 7 * 24 * 60 * 60_000;

/**
 * True when the member said the event is to be reported to the police ("wants help to report", or "reported" without
 * a number) and, a week after the case came in, no police case number is recorded. The owner then hears it in the
 * digest, so the report is neither forgotten nor left without the number the follow-up needs.
 */
export function policeNumberMissing(c: CaseSummary, now: Date): boolean {
  if (c.status === 'closed' || c.report.police.caseNumber) return false;
  const status = c.report.police.status;
  if (status !== 'wants_help' && status !== 'reported') return false;
  return now.getTime() - Date.parse(c.createdAt) >= POLICE_NUMBER_GRACE_MS;
}
