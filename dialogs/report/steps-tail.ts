import type { Answers } from '../../src/engine/session';
import { sendsFirst, tellsMore, type ReportStep } from './inputs';

/** The case went to the district first, and the member chose to send the rest now rather than tell more. */
const quickAfterSendingFirst = (answers: Answers): boolean => sendsFirst(answers) && !tellsMore(answers);

/**
 * The end of the report. On the fast path the details (with their own consent question) are skipped, so consent to
 * share with the municipality is asked here, once; telling more asks it among the details instead, never both.
 */
export const tailSteps: ReportStep[] = [
  {
    id: 'consent_now',
    text: 'report.consent_municipality.question',
    hint: 'report.consent_municipality.hint',
    help: 'report.consent_municipality.help',
    summaryLabel: 'report.consent_municipality.label',
    input: { type: 'yesno' },
    optional: true,
    when: quickAfterSendingFirst,
  },
];
