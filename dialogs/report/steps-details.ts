import { policeStatusSchema } from '../../src/domain/report';
import { choices, consentStep, detail, tellsMore, textInput, YES_NO_DONT_KNOW, type ReportStep } from './inputs';

/**
 * The first details, asked only after "tell more" and all optional: where, evidence, the police, consent and support
 * come before the less urgent questions of Bilaga 4, so a member who stops early has given what helps most.
 */
export const detailSteps: ReportStep[] = [
  {
    id: 'ongoing',
    text: 'report.ongoing.question',
    summaryLabel: 'report.ongoing.label',
    input: { type: 'yesno' },
    optional: true,
    // After a yes to the emergency question the case is already marked ongoing.
    when: detail((answers) => answers.emergency !== 'yes'),
  },
  {
    id: 'where_place',
    text: 'report.where_place.question',
    hint: 'report.where_place.hint',
    summaryLabel: 'report.where_place.label',
    input: textInput(),
    optional: true,
    when: detail(),
  },
  {
    id: 'where_link',
    text: 'report.where_link.question',
    hint: 'report.where_link.hint',
    summaryLabel: 'report.where_link.label',
    input: textInput(),
    optional: true,
    when: detail(),
  },
  {
    id: 'evidence',
    text: 'report.evidence.question',
    hint: 'report.evidence.hint',
    help: 'report.evidence.help',
    summaryLabel: 'report.evidence.label',
    input: { type: 'attachments' },
    optional: true,
    // Files shared at any point are kept even on the fast path: the step then applies, so they reach the report.
    when: (answers) => tellsMore(answers) || answers.evidence !== undefined,
  },
  {
    id: 'evidence_note',
    text: 'report.evidence_note.question',
    hint: 'report.evidence_note.hint',
    summaryLabel: 'report.evidence_note.label',
    input: textInput(true),
    optional: true,
    when: detail(),
  },
  {
    id: 'police',
    text: 'report.police.question',
    hint: 'report.police.hint',
    help: 'report.police.help',
    summaryLabel: 'report.police.label',
    input: { type: 'single', choices: choices('report.police.choice', policeStatusSchema.options) },
    optional: true,
    when: detail(),
  },
  {
    id: 'police_when',
    text: 'report.police_when.question',
    summaryLabel: 'report.police_when.label',
    input: textInput(),
    optional: true,
    when: detail((answers) => answers.police === 'contacted' || answers.police === 'reported'),
  },
  {
    id: 'police_case_number',
    text: 'report.police_case_number.question',
    hint: 'report.police_case_number.hint',
    summaryLabel: 'report.police_case_number.label',
    input: textInput(false, 100),
    optional: true,
    when: detail((answers) => answers.police === 'reported'),
  },
  consentStep('consent_municipality', detail()),
  {
    id: 'support_needed',
    text: 'report.support_needed.question',
    summaryLabel: 'report.support_needed.label',
    input: YES_NO_DONT_KNOW,
    optional: true,
    when: detail(),
  },
  {
    id: 'support_needs',
    text: 'report.support_needs.question',
    hint: 'report.support_needs.hint',
    summaryLabel: 'report.support_needs.label',
    input: textInput(true),
    optional: true,
    when: detail((answers) => answers.support_needed === 'yes'),
  },
  {
    id: 'support_person',
    text: 'report.support_person.question',
    hint: 'report.support_person.hint',
    summaryLabel: 'report.support_person.label',
    input: textInput(),
    optional: true,
    when: detail(),
  },
];
