import type { DialogEmit } from '../../src/engine/dialog';
import type { Answer, Answers } from '../../src/engine/session';
import { URGENT_EFFECT } from '../../src/cases/report-intake';
import type { Prompt } from '../../src/engine/prompt';
import { tx } from '../../src/engine/prompt';
import { choices, onBehalf, sendsFirst, textInput, type ReportStep } from './inputs';

/** Rule 1: after a yes, "call 112" is the very next message, before any other question. */
function callEmergency(answer: Answer): Prompt[] {
  return answer === 'yes' ? [{ kind: 'message', text: tx('report.emergency.call_112'), tone: 'urgent' }] : [];
}

/**
 * Urgent first, details after (DOMAIN rule 14): after a yes to the emergency question, or "send now, tell more
 * later", the district hears of it as soon as the district is known (the district question, when asked, comes before
 * this one), at most two answers later. Only a yes flags it urgent. The service makes the case and hands its number
 * back into the context; once there, no second alert.
 */
function urgentAlert(answer: Answer, answers: Answers, context: Record<string, string>): DialogEmit[] {
  if (!sendsFirst(answers) || context.caseNumber !== undefined) return [];
  const district = answers.district;
  return [
    {
      name: URGENT_EFFECT,
      payload: {
        onBehalf: answer === 'on_behalf',
        urgent: answers.emergency === 'yes',
        ...(typeof district === 'string' ? { districtId: district } : {}),
      },
    },
  ];
}

/** The emergency question (always first) and VEM: who reports, for whom. */
export const whoSteps: ReportStep[] = [
  {
    id: 'emergency',
    text: 'report.emergency.question',
    hint: 'report.emergency.hint',
    help: 'report.emergency.help',
    summaryLabel: 'report.emergency.label',
    // A third way beside yes and no: nobody in danger, but the member wants help now rather than a form first.
    input: { type: 'single', choices: choices('report.emergency.choice', ['yes', 'no', 'send_now']) },
    // "Send now" is how the member wants to go on, not a fact of the report: the summary has no line for it.
    steeringChoices: ['send_now'],
    optional: false,
    after: callEmergency,
  },
  {
    id: 'on_behalf',
    text: 'report.on_behalf.question',
    hint: 'report.on_behalf.hint',
    summaryLabel: 'report.on_behalf.label',
    input: { type: 'single', choices: choices('report.on_behalf.choice', ['self', 'on_behalf']) },
    optional: false,
    emit: urgentAlert,
  },
  {
    id: 'relation',
    text: 'report.relation.question',
    hint: 'report.relation.hint',
    summaryLabel: 'report.relation.label',
    input: textInput(),
    optional: false,
    when: onBehalf,
  },
  {
    id: 'reporter_name_role',
    text: 'report.reporter_name_role.question',
    hint: 'report.reporter_name_role.hint',
    summaryLabel: 'report.reporter_name_role.label',
    input: textInput(),
    optional: true,
    when: onBehalf,
  },
  {
    id: 'target_name',
    text: 'report.target_name.question',
    hint: 'report.target_name.hint',
    summaryLabel: 'report.target_name.label',
    input: textInput(),
    optional: false,
    when: onBehalf,
  },
];
