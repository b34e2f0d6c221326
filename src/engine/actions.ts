import type { Control } from './prompt';

/**
 * Action ids the core puts on buttons. Renderers copy them onto platform buttons untouched, and adapters hand them
 * back in `IncomingTurn.action`, so the core alone decides what a press means.
 */
export const ACTION = {
  answer: 'dlg:answer',
  control: 'dlg:control',
  edit: 'dlg:edit',
  submit: 'dlg:submit',
  /** Starts the dialog named by the value (an empty value: the registry's primary dialog). */
  start: 'dlg:start',
  /** Continues the open dialog named by the value (offered when another dialog ended while it waited). */
  resume: 'dlg:resume',
  /** Starts the primary dialog (the report): the platforms' report shortcuts and buttons posted before `dlg:start`. */
  startReport: 'bot:report',
  /** Shows App Home / the menu. */
  home: 'bot:home',
  listCases: 'bot:cases',
  language: 'bot:language',
  caseTake: 'case:take',
  caseView: 'case:view',
  caseTick: 'case:tick',
  caseNote: 'case:note',
  caseHandover: 'case:handover',
  caseAccept: 'case:accept',
  caseDecline: 'case:decline',
  caseShare: 'case:share',
  caseClose: 'case:close',
  caseReopen: 'case:reopen',
} as const;

/** The value of an answer button: which step it answers and with what. */
export function encodeAnswer(stepId: string, value: string): string {
  return JSON.stringify({ s: stepId, v: value });
}

/** The value of a control button beside a question. */
export function encodeControl(control: Control, stepId: string): string {
  return JSON.stringify({ s: stepId, c: control });
}

/** Reads a button value back; null when it is not one of ours (then the press is treated as unknown input). */
export function decodeStepValue(value: string): { stepId: string; value?: string; control?: string } | null {
  try {
    const parsed: unknown = JSON.parse(value);
    if (typeof parsed !== 'object' || parsed === null) return null;
    const { s, v, c } = parsed as Record<string, unknown>;
    if (typeof s !== 'string') return null;
    return {
      stepId: s,
      ...(typeof v === 'string' ? { value: v } : {}),
      ...(typeof c === 'string' ? { control: c } : {}),
    };
  } catch {
    return null;
  }
}
