import type { DialogRegistry } from '../engine/registry';
import type { Session } from '../engine/session';

/**
 * Which of a member's open sessions a turn is for. The foreground is the newest session that is not waiting behind
 * another; a waiting one comes forward only when nothing else is open, so nothing started is ever lost.
 */
export function foreground(open: Session[]): Session | null {
  const newest = (sessions: Session[]): Session | null =>
    [...sessions].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))[0] ?? null;
  return newest(open.filter((s) => !s.suspended)) ?? newest(open);
}

/**
 * The session a button press is for: the foreground when it stands at the button's step, else another open session
 * standing there (a press in an older message of the other dialog), else the foreground, whose engine then says
 * the button is old. A waiting session is not advanced by an old button while another dialog is in front.
 */
export function sessionAtStep(open: Session[], stepId: string): Session | null {
  const front = foreground(open);
  if (front?.stepId === stepId) return front;
  return open.find((s) => s.stepId === stepId && !s.suspended) ?? front;
}

/** The rank of an open session's dialog (a dialog no longer registered ranks lowest and gives way). */
export function priorityOf(registry: DialogRegistry, session: Session): number {
  return registry.get(session.dialogId)?.priority ?? Number.NEGATIVE_INFINITY;
}
