import type { Language } from '../domain/report';
import type { Prompt } from '../engine/prompt';
import type { Session } from '../engine/session';
import type { IncomingTurn } from '../engine/turn';

/** One effect of a dialog for its service: the submitted result, or a step's effect (see StepDef.emit). */
export interface DialogEffectCall {
  dialogId: string;
  /** `submit` for the dialog's result; otherwise the name the step gave. */
  name: string;
  /** The dialog's result or the step's payload: the service validates it. */
  payload: unknown;
  /** The session as it stood when the effect was made (who, where, language, context). */
  session: Session;
  /** The turn that caused it (where the member is now). */
  turn: IncomingTurn;
  /**
   * The id of the turn's scope: case changes the effect makes carry it (`CaseService.forTurn`), so a turn replayed
   * after a crash does not make them twice.
   */
  turnId: string;
}

/** What a service answers: prompts for the member, and facts for the session's context (e.g. the case id). */
export interface DialogServiceOutcome {
  prompts: Prompt[];
  /** Merged into the session context, so later effects of the same session carry them (not after submit). */
  context?: Record<string, string>;
}

/**
 * Carries out what a dialog produces (store a case, remember a district, send an inventory to a contact). Named
 * in main.ts; a dialog plugin names the service it needs. Must be idempotent per session: a retried turn may hand
 * the same effect again.
 */
export interface DialogService {
  handle(call: DialogEffectCall): Promise<DialogServiceOutcome>;
  /**
   * Button action ids this service owns, by prefix (e.g. `inventory:` for taking a sent risk inventory): what a
   * dialog produced may carry buttons of its own, and the bot hands their presses here without knowing them.
   */
  readonly actionPrefixes?: readonly string[];
  /** Handles a press of one of its buttons; the prompts are the presser's answer (others are told by the service). */
  act?(turn: IncomingTurn, language: Language): Promise<Prompt[]>;
}
