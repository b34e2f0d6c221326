import { ACTION, decodeStepValue } from '../engine/actions';
import type { EngineInput } from '../engine/input';
import type { Control } from '../engine/prompt';
import { SUMMARY_STEP } from '../engine/session';
import type { IncomingTurn } from '../engine/turn';

const CONTROLS = new Set<Control>(['back', 'skip', 'pause', 'cancel', 'help', 'done']);

/** True for the buttons of a dialog's questions and summary. */
export function isDialogAction(actionId: string): boolean {
  return (
    actionId === ACTION.answer || actionId === ACTION.control || actionId === ACTION.edit || actionId === ACTION.submit
  );
}

/**
 * A question's or summary's button as engine input, with the step it belongs to (to find the session it is for).
 * Unknown values become a plain `resume`, which shows where the dialog stands.
 */
export function dialogInputOf(action: NonNullable<IncomingTurn['action']>): { input: EngineInput; stepId: string } {
  if (action.id === ACTION.submit) return { input: { kind: 'submit' }, stepId: SUMMARY_STEP };
  if (action.id === ACTION.edit) return { input: { kind: 'edit', stepId: action.value }, stepId: SUMMARY_STEP };
  const decoded = decodeStepValue(action.value);
  if (decoded && action.id === ACTION.answer) {
    const value = action.values && action.values.length > 0 ? action.values : (decoded.value ?? action.input ?? '');
    return { input: { kind: 'answer', stepId: decoded.stepId, value }, stepId: decoded.stepId };
  }
  if (decoded?.control && CONTROLS.has(decoded.control as Control)) {
    const input: EngineInput = { kind: 'control', control: decoded.control as Control, stepId: decoded.stepId };
    return { input, stepId: decoded.stepId };
  }
  return { input: { kind: 'resume' }, stepId: decoded?.stepId ?? SUMMARY_STEP };
}
