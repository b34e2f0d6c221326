import type { Answer, Answers } from './session';
import type { InputSpec, Prompt, Text } from './prompt';

/** One question of a dialog, as data. */
export interface StepDef {
  /** Stable id; stored in sessions, so renaming one is a dialog version change. */
  id: string;
  /** i18n key of the question. */
  text: string;
  /** i18n key of a short hint under the question. */
  hint?: string;
  /** i18n key of the longer help shown when the member asks for help on this step. */
  help?: string;
  /** i18n key of the label in the summary. */
  summaryLabel: string;
  /** Choice labels in `input` are i18n keys (`{ key }`). */
  input: InputSpec;
  /**
   * i18n key of the part of the dialog the step belongs to (e.g. the optional details); the progress line counts
   * within a part, so choosing to tell more starts a new, named count instead of making the total jump.
   */
  part?: string;
  /** The member may skip it (and submit without it). */
  optional: boolean;
  /** Asked only when this holds for the answers so far (and the session context); default: always. */
  when?: (answers: Answers, context: Record<string, string>) => boolean;
  /**
   * The step steers the dialog (e.g. "send now or tell more") rather than being part of the report: the summary does
   * not list it as an answer but offers a button with this i18n key that asks it again.
   */
  summaryAction?: string;
  /**
   * Answers to this step that only steer the dialog, not facts of the report (e.g. "send now, tell more later" at the
   * emergency question): the summary leaves the line out for them, as it does for `summaryAction` steps.
   */
  steeringChoices?: readonly string[];
  /**
   * A check beyond the input type (a phone number's form): the i18n text saying what to fix, or null when the answer
   * is fine. A refused answer is not kept, and the member is asked the same question again.
   */
  check?: (answer: Answer) => Text | null;
  /** Prompts shown right after this step is answered, before the next question (e.g. "call 112"). */
  after?: (answer: Answer, answers: Answers) => Prompt[];
  /**
   * Effects for the dialog's service right after this step is answered, before the next question: e.g. "create the
   * case now" when the member said someone is in danger, and "add this to the open case" on later steps. The service
   * may hand facts back into the session context (the case id), which later steps' effects then carry.
   */
  emit?: (answer: Answer, answers: Answers, context: Record<string, string>) => DialogEmit[];
}

/** An effect a step hands to the dialog's service: a name the service knows and a payload it validates. */
export interface DialogEmit {
  name: string;
  payload: unknown;
}

/** The outcome of finishing a dialog: the validated result, or the steps still missing. */
export type FinishResult<R> = { ok: true; result: R } | { ok: false; missingStepIds: string[] };

/** A dialog: ordered steps plus what to do with older sessions and with the answers at the end. */
export interface DialogDef<R = unknown> {
  id: string;
  /** Bumped whenever steps change in a way stored sessions would notice. */
  version: number;
  steps: StepDef[];
  /** Prompts shown before the first question. */
  intro: Prompt[];
  /** Submit right after the last question, without a summary (for one-question dialogs). */
  skipSummary?: boolean;
  /** i18n key of the summary card's title. */
  summaryTitle: string;
  /** The summary card's tone for these answers (default normal), e.g. urgent when someone is in danger. */
  summaryTone?: (answers: Answers) => 'urgent' | 'normal';
  /**
   * Carries a session of an older version over: the answers to keep (unknown step ids are dropped by the engine), or
   * null when they cannot be kept and the member must start again (they are told so plainly).
   */
  migrate(fromVersion: number, answers: Answers): Answers | null;
  /** Validates the answers into the result (e.g. a Report). */
  finish(answers: Answers, context: Record<string, string>, language: 'sv' | 'en'): FinishResult<R>;
  /** Prompts shown after the result was stored (police guidance, evidence advice, what help is on offer). */
  afterSubmit(result: R): Prompt[];
}
