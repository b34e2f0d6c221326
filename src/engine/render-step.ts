import type { AttachmentRef } from '../domain/report';
import { ACTION, encodeControl } from './actions';
import type { DialogDef, StepDef } from './dialog';
import type { Card, Control, Prompt, Text } from './prompt';
import { raw, tx } from './prompt';
import { whenText } from './when-text';
import { SUMMARY_STEP, type Answer, type Session } from './session';

/** The steps that apply to the answers so far, in order. */
export function applicableSteps(dialog: DialogDef, session: Pick<Session, 'answers' | 'context'>): StepDef[] {
  return dialog.steps.filter((step) => !step.when || step.when(session.answers, session.context));
}

/** The question prompt for a step, with the controls that make sense there. */
export function questionPrompt(dialog: DialogDef, session: Session, step: StepDef): Prompt {
  const steps = applicableSteps(dialog, session).filter((s) => s.part === step.part);
  const index = steps.findIndex((s) => s.id === step.id);
  const controls: Control[] = [];
  if (step.input.type === 'attachments') controls.push('done');
  if (session.trail.length > 0 || session.returnToSummary) controls.push('back');
  if (step.optional && step.input.type !== 'attachments') controls.push('skip');
  controls.push('help', 'pause', 'cancel');
  return {
    kind: 'question',
    stepId: step.id,
    text: tx(step.text),
    ...(step.hint ? { hint: tx(step.hint) } : {}),
    input: step.input,
    controls,
    progress: { current: index + 1, total: steps.length, part: tx(step.part ?? 'engine.part.questions') },
  };
}

/** How an answer reads in the summary. */
export function answerText(step: StepDef, answer: Answer): Text {
  const input = step.input;
  if (input.type === 'yesno') return tx(answer === 'yes' ? 'common.yes' : 'common.no');
  if (input.type === 'single' || input.type === 'multi') {
    const values = Array.isArray(answer) ? (answer as string[]) : [answer];
    const labels = values.map((v) => input.choices.find((c) => c.value === v)?.label ?? raw(String(v)));
    return labels.length === 1 ? (labels[0] as Text) : tx('common.several', { count: labels.length });
  }
  if (input.type === 'attachments') {
    const files = answer as AttachmentRef[];
    return raw(files.map((f) => f.name).join(', '));
  }
  if (input.type === 'datetime') return whenText(String(answer));
  return raw(String(answer));
}

/** The summary card: every answer with an edit button, then send and cancel. */
export function summaryCard(dialog: DialogDef, session: Session): Prompt {
  const applicable = applicableSteps(dialog, session);
  // Steps that steer the dialog ("send now or tell more") are not part of the report: a button instead of a line.
  const steps = applicable.filter((s) => {
    const answer = session.answers[s.id];
    if (answer === undefined || s.summaryAction) return false;
    return !(typeof answer === 'string' && s.steeringChoices?.includes(answer));
  });
  const steering = applicable.filter((s) => s.summaryAction);
  const sections = steps.map((step) => {
    const answer = session.answers[step.id] as Answer;
    const lines = multiLabels(step, answer);
    return {
      fields: [{ label: tx(step.summaryLabel), value: answerText(step, answer) }],
      ...(lines ? { lines } : {}),
      actions: [{ id: ACTION.edit, label: tx('summary.edit'), value: step.id }],
    };
  });
  const card: Card = {
    title: tx(dialog.summaryTitle),
    tone: dialog.summaryTone?.(session.answers) ?? 'normal',
    lines: [tx('summary.intro')],
    sections,
    actions: [
      { id: ACTION.submit, label: tx('summary.submit'), value: 'submit', style: 'primary' },
      ...steering.map((s) => ({ id: ACTION.edit, label: tx(s.summaryAction as string), value: s.id })),
      {
        id: ACTION.control,
        label: tx('control.cancel'),
        value: encodeControl('cancel', SUMMARY_STEP),
        style: 'danger',
      },
    ],
  };
  return { kind: 'card', card };
}

function multiLabels(step: StepDef, answer: Answer): Text[] | undefined {
  if (step.input.type !== 'multi' || !Array.isArray(answer) || answer.length < 2) return undefined;
  const input = step.input;
  return (answer as string[]).map((v) => input.choices.find((c) => c.value === v)?.label ?? raw(v));
}
