import type { StepDef } from '../../src/engine/dialog';
import type { Answers } from '../../src/engine/session';
import type { Choice, InputSpec } from '../../src/engine/prompt';
import { tx } from '../../src/engine/prompt';
import { MAX_TEXT_LENGTH } from '../../src/domain/report';
import type { ReportStepId } from './ids';

/** A step of the report dialog; the id is checked against the known ids. */
export type ReportStep = StepDef & { id: ReportStepId };

/** Free text of up to MAX_TEXT_LENGTH characters. */
export function textInput(multiline = false, maxLength = MAX_TEXT_LENGTH): InputSpec {
  return { type: 'text', maxLength, multiline };
}

/** Choices whose labels are the keys `<prefix>.<value>`. */
export function choices(prefix: string, values: readonly string[]): Choice[] {
  return values.map((value) => ({ value, label: tx(`${prefix}.${value}`) }));
}

/** Yes / no / don't know, for the questions of Bilaga 4 a reporter may not know the answer to. */
export const YES_NO_DONT_KNOW: InputSpec = {
  type: 'single',
  choices: [
    { value: 'yes', label: tx('common.yes') },
    { value: 'no', label: tx('common.no') },
    { value: 'dont_know', label: tx('common.dont_know') },
  ],
};

/** The member chose to tell more than the essentials. */
export function tellsMore(answers: Answers): boolean {
  return answers.more === 'tell_more';
}

/**
 * The case goes to the district before the details: someone is in danger now, or the member chose "send now, tell
 * more later" at the start.
 */
export function sendsFirst(answers: Answers): boolean {
  return answers.emergency === 'yes' || answers.emergency === 'send_now';
}

/** The report is made on someone else's behalf. */
export function onBehalf(answers: Answers): boolean {
  return answers.on_behalf === 'on_behalf';
}

/**
 * The condition of a detail step: asked only when the member chose to tell more, and when its own condition holds.
 * Every detail is optional, so a member in a hurry submits with the essentials.
 */
export function detail(condition?: (answers: Answers) => boolean): NonNullable<StepDef['when']> {
  return (answers) => tellsMore(answers) && (condition ? condition(answers) : true);
}

/**
 * The question whether the case may be shared with the municipality. It stands in two places (at the end of the fast
 * path, and among the details), under two ids, and `when` makes sure a report asks it once.
 */
export function consentStep(
  id: 'consent_now' | 'consent_municipality',
  when: NonNullable<StepDef['when']>,
): ReportStep {
  return {
    id,
    text: 'report.consent_municipality.question',
    hint: 'report.consent_municipality.hint',
    help: 'report.consent_municipality.help',
    summaryLabel: 'report.consent_municipality.label',
    input: { type: 'yesno' },
    optional: true,
    when,
  };
}
