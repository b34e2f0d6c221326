import { emailAddress, phoneNumber, REACH_VIA } from '../../src/domain/reach';
import { tx } from '../../src/engine/prompt';
import type { Answers } from '../../src/engine/session';
import { choices, consentStep, sendsFirst, tellsMore, textInput, type ReportStep } from './inputs';

/** The case went to the district first, and the member chose to send the rest now rather than tell more. */
const quickAfterSendingFirst = (answers: Answers): boolean => sendsFirst(answers) && !tellsMore(answers);

/**
 * Asked of a member who sent first (the owner will most want to call them) or tells more; a member on the quick path
 * leaves it from their case card, where anyone can change it later.
 */
const asksReach = (answers: Answers): boolean => sendsFirst(answers) || tellsMore(answers);

/**
 * The end of the report. On the fast path the details (with their own consent question) are skipped, so consent to
 * share with the municipality is asked here, once; telling more asks it among the details instead, never both. Then
 * how the member wants to be reached (issue 12): only the owner sees it.
 */
export const tailSteps: ReportStep[] = [
  consentStep('consent_now', quickAfterSendingFirst),
  {
    id: 'reach',
    text: 'report.reach.question',
    hint: 'report.reach.hint',
    summaryLabel: 'report.reach.label',
    input: { type: 'single', choices: choices('report.reach.choice', REACH_VIA) },
    optional: true,
    when: asksReach,
  },
  {
    id: 'reach_phone',
    text: 'report.reach_phone.question',
    hint: 'report.reach_phone.hint',
    summaryLabel: 'report.reach_phone.label',
    input: textInput(false, 40),
    optional: true,
    when: (answers) => asksReach(answers) && answers.reach === 'phone',
    check: (answer) => (phoneNumber(String(answer)) === null ? tx('report.reach_phone.invalid') : null),
  },
  {
    id: 'reach_email',
    text: 'report.reach_email.question',
    hint: 'report.reach_email.hint',
    summaryLabel: 'report.reach_email.label',
    input: textInput(false, 254),
    optional: true,
    when: (answers) => asksReach(answers) && answers.reach === 'email',
    check: (answer) => (emailAddress(String(answer)) === null ? tx('report.reach_email.invalid') : null),
  },
];
