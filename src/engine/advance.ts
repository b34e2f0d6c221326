import type { AttachmentRef, Language } from '../domain/report';
import { controlFromText, isCommand, isResumeWord, isSubmitWord, languageFromText } from './command-words';
import { isDangerQuestion } from './danger-question';
import type { DialogDef, StepDef } from './dialog';
import type { EngineInput } from './input';
import { checkButtonAnswer, parseTypedAnswer } from './parse-answer';
import type { Control, Prompt, Text } from './prompt';
import { tx } from './prompt';
import { applicableSteps, questionPrompt, summaryCard } from './render-step';
import { CANCEL_STEP, SUMMARY_STEP, type Answer, type Session } from './session';

/** What the services must do after a turn. */
export type Effect =
  | { type: 'send'; prompt: Prompt }
  | { type: 'submit'; dialogId: string; result: unknown }
  /** A step's effect for the dialog's service (see StepDef.emit), in order with the prompts around it. */
  | { type: 'emit'; dialogId: string; name: string; payload: unknown }
  | { type: 'ended'; reason: 'submitted' | 'cancelled' | 'restarted' };

/** The new session (null when the dialog ended) and the effects, in order. */
export interface AdvanceResult {
  session: Session | null;
  effects: Effect[];
}

/** Who a new session belongs to and where it talks. */
export interface SessionSeed {
  key: string;
  userId: string;
  displayName: string;
  address: string;
  language: Language;
  context: Record<string, string>;
}

/** The pure dialog engine: no I/O, no clock, no randomness; `now` comes in as an argument. */
export interface Engine {
  start(dialogId: string, seed: SessionSeed, now: Date): AdvanceResult;
  advance(session: Session, input: EngineInput, now: Date): AdvanceResult;
}

const send = (prompt: Prompt): Effect => ({ type: 'send', prompt });
const say = (text: Text, tone?: 'urgent'): Effect => send({ kind: 'message', text, ...(tone ? { tone } : {}) });

/** Builds the engine over a set of dialogs. */
export function createEngine(dialogs: DialogDef[]): Engine {
  const byId = new Map(dialogs.map((d) => [d.id, d]));
  const dialogOf = (id: string): DialogDef => {
    const dialog = byId.get(id);
    if (!dialog) throw new Error(`engine: unknown dialog "${id}"`);
    return dialog;
  };

  function start(dialogId: string, seed: SessionSeed, now: Date): AdvanceResult {
    const dialog = dialogOf(dialogId);
    const stamp = now.toISOString();
    const base: Session = {
      ...seed,
      dialogId,
      dialogVersion: dialog.version,
      stepId: SUMMARY_STEP,
      answers: {},
      trail: [],
      returnToSummary: false,
      paused: false,
      startedAt: stamp,
      updatedAt: stamp,
      revision: 0,
    };
    const first = applicableSteps(dialog, base)[0];
    if (!first) throw new Error(`engine: dialog "${dialogId}" has no steps`);
    const session = { ...base, stepId: first.id };
    return { session, effects: [...dialog.intro.map(send), send(questionPrompt(dialog, session, first))] };
  }

  function advance(input0: Session, input: EngineInput, now: Date): AdvanceResult {
    const dialog = byId.get(input0.dialogId);
    if (!dialog)
      return { session: null, effects: [say(tx('engine.dialog_gone')), { type: 'ended', reason: 'cancelled' }] };
    const session: Session = { ...input0, updatedAt: now.toISOString() };

    if (session.dialogVersion !== dialog.version) return migrate(dialog, session, now);
    if (session.paused) {
      // Any message resumes a paused report; an answer or a control in that message is not lost.
      session.paused = false;
      if (input.kind === 'resume' || input.kind === 'start' || (input.kind === 'text' && isResumeWord(input.text))) {
        return { session, effects: [say(tx('engine.resumed')), send(current(dialog, session))] };
      }
    }
    if (session.confirmingCancel) return answerCancel(dialog, session, input, now);
    return handle(dialog, session, input, now);
  }

  /** The member was asked whether to throw the report away: only a clear yes does; anything else keeps it. */
  function answerCancel(dialog: DialogDef, session: Session, input: EngineInput, now: Date): AdvanceResult {
    const { confirmingCancel: _asked, ...kept } = session;
    const typed = input.kind === 'text' ? parseTypedAnswer({ type: 'yesno' }, input.text, session.language, now) : null;
    const yes =
      (input.kind === 'answer' && input.stepId === CANCEL_STEP && input.value === 'yes') ||
      (input.kind === 'control' && input.control === 'cancel') ||
      (input.kind === 'text' && isCommand(input.text, 'cancel')) ||
      (typed?.ok === true && typed.answer === 'yes');
    // An urgent case alerted before the details stays: the contacts already know someone is in danger.
    const keptCase = session.context.caseNumber;
    const words = keptCase ? tx('engine.cancelled_case_kept', { number: keptCase }) : tx('engine.cancelled');
    if (yes) return { session: null, effects: [say(words), { type: 'ended', reason: 'cancelled' }] };
    const no =
      (input.kind === 'answer' && input.stepId === CANCEL_STEP) ||
      (input.kind === 'text' && isCommand(input.text, 'resume')) ||
      (typed?.ok === true && typed.answer === 'no');
    if (no) return { session: kept, effects: [say(tx('engine.cancel_kept')), send(current(dialog, kept))] };
    // Something else (an answer, a button on the question): the report is kept and the input is not lost.
    return handle(dialog, kept, input, now);
  }

  /** Asks once before a report is thrown away. */
  function askCancel(session: Session): AdvanceResult {
    const question: Prompt = {
      kind: 'question',
      stepId: CANCEL_STEP,
      text: tx('engine.cancel_confirm.question'),
      input: {
        type: 'single',
        choices: [
          { value: 'yes', label: tx('engine.cancel_confirm.yes') },
          { value: 'no', label: tx('engine.cancel_confirm.no') },
        ],
      },
      controls: [],
    };
    return { session: { ...session, confirmingCancel: true }, effects: [send(question)] };
  }

  /**
   * "Är det farligt?" gets a calm, honest answer wherever it is asked: the bot cannot judge that, the police can
   * (DOMAIN rule 5); then the question the member was on, unchanged.
   */
  function calm(dialog: DialogDef, session: Session): AdvanceResult {
    return { session, effects: [say(tx('engine.danger_answer')), send(current(dialog, session))] };
  }

  function handle(dialog: DialogDef, session: Session, input: EngineInput, now: Date): AdvanceResult {
    switch (input.kind) {
      case 'start':
        return { session, effects: [say(tx('engine.already_started')), send(current(dialog, session))] };
      case 'resume':
        return { session, effects: [say(tx('engine.resumed')), send(current(dialog, session))] };
      case 'language':
        return switchLanguage(dialog, session, input.language);
      case 'text':
        return handleText(dialog, session, input.text, now);
      case 'answer': {
        if (input.stepId !== session.stepId) return stale(dialog, session);
        const step = stepOf(dialog, session.stepId);
        if (!step) return stale(dialog, session);
        const parsed = checkButtonAnswer(step.input, input.value, now);
        return parsed.ok ? accept(dialog, session, step, parsed.answer) : invalid(dialog, session, parsed.error);
      }
      case 'control':
        if (input.stepId !== undefined && input.stepId !== session.stepId) return stale(dialog, session);
        return control(dialog, session, input.control);
      case 'edit':
        return edit(dialog, session, input.stepId);
      case 'submit':
        if (session.stepId !== SUMMARY_STEP) return stale(dialog, session);
        return finish(dialog, session);
      case 'attachments':
        return attachments(dialog, session, input.files);
    }
  }

  function handleText(dialog: DialogDef, session: Session, text: string, now: Date): AdvanceResult {
    const language = languageFromText(text);
    if (language) return switchLanguage(dialog, session, language);
    const word = controlFromText(text);
    if (word) return control(dialog, session, word);
    if (isDangerQuestion(text)) return calm(dialog, session);
    if (session.stepId === SUMMARY_STEP) {
      if (isSubmitWord(text)) return finish(dialog, session);
      return { session, effects: [say(tx('engine.at_summary')), send(summaryCard(dialog, session))] };
    }
    const step = stepOf(dialog, session.stepId);
    if (!step) return stale(dialog, session);
    // "skicka" at an optional question goes to the summary: a member who has said enough need not skip the rest.
    if (step.optional && isSubmitWord(text)) return toSummary(dialog, session);
    const parsed = parseTypedAnswer(step.input, text, session.language, now);
    return parsed.ok ? accept(dialog, session, step, parsed.answer) : invalid(dialog, session, parsed.error);
  }

  function accept(dialog: DialogDef, session: Session, step: StepDef, answer: Answer): AdvanceResult {
    const problem = step.check?.(answer);
    if (problem) return invalid(dialog, session, problem);
    const answers = { ...session.answers, [step.id]: answer };
    const trail = session.trail[session.trail.length - 1] === step.id ? session.trail : [...session.trail, step.id];
    const next: Session = { ...session, answers, trail };
    const effects: Effect[] = [
      ...(step.after?.(answer, answers) ?? []).map(send),
      ...(step.emit?.(answer, answers, session.context) ?? []).map((e): Effect => ({
        type: 'emit',
        dialogId: dialog.id,
        name: e.name,
        payload: e.payload,
      })),
    ];
    return moveOn(dialog, next, step, effects, session);
  }

  /** `before` is the session as it was before this turn, to see which questions the turn opened. */
  function moveOn(
    dialog: DialogDef,
    session: Session,
    from: StepDef,
    effects: Effect[],
    before: Session,
  ): AdvanceResult {
    const steps = applicableSteps(dialog, session);
    let target: StepDef | undefined;
    if (session.returnToSummary) {
      // After an edit, questions that became necessary are asked before the summary, and so are the optional ones
      // the edit opened (e.g. "tell more"): the run of unanswered questions right after the edited one.
      const wasApplicable = new Set(applicableSteps(dialog, before).map((s) => s.id));
      const opened = before.answers[from.id] === undefined || steps.some((s) => !wasApplicable.has(s.id));
      const next = steps.find((s) => dialog.steps.indexOf(s) > dialog.steps.indexOf(from));
      target =
        (opened && next && session.answers[next.id] === undefined ? next : undefined) ??
        steps.find((s) => !s.optional && session.answers[s.id] === undefined);
    } else {
      const index = dialog.steps.findIndex((s) => s.id === from.id);
      target = steps.find((s) => dialog.steps.indexOf(s) > index);
    }
    if (!target && dialog.skipSummary) return withEffects(finish(dialog, session), effects);
    if (!target) {
      const atSummary = { ...session, stepId: SUMMARY_STEP, returnToSummary: false };
      return { session: atSummary, effects: [...effects, send(summaryCard(dialog, atSummary))] };
    }
    const moved = { ...session, stepId: target.id };
    return { session: moved, effects: [...effects, send(questionPrompt(dialog, moved, target))] };
  }

  function control(dialog: DialogDef, session: Session, which: Control): AdvanceResult {
    const step = stepOf(dialog, session.stepId);
    switch (which) {
      case 'cancel':
        return askCancel(session);
      case 'pause':
        return { session: { ...session, paused: true }, effects: [say(tx('engine.paused'))] };
      case 'help': {
        const help = step?.help ? [say(tx(step.help))] : [];
        return { session, effects: [...help, say(tx('engine.help')), send(current(dialog, session))] };
      }
      case 'back':
        return back(dialog, session);
      case 'skip':
        if (!step) return { session, effects: [say(tx('engine.at_summary')), send(summaryCard(dialog, session))] };
        if (!step.optional) return invalid(dialog, session, tx('engine.cannot_skip'));
        return moveOn(dialog, withoutAnswer(session, step.id), step, [], session);
      case 'done':
        if (!step || step.input.type !== 'attachments') return invalid(dialog, session, tx('engine.invalid.unknown'));
        return moveOn(dialog, session, step, [], session);
    }
  }

  function back(dialog: DialogDef, session: Session): AdvanceResult {
    if (session.returnToSummary) {
      const atSummary = { ...session, stepId: SUMMARY_STEP, returnToSummary: false };
      return { session: atSummary, effects: [send(summaryCard(dialog, atSummary))] };
    }
    const trail = [...session.trail];
    let previous = trail.pop();
    if (previous === session.stepId) previous = trail.pop();
    const step = previous === undefined ? undefined : stepOf(dialog, previous);
    if (!step) return { session, effects: [say(tx('engine.no_back')), send(current(dialog, session))] };
    const moved = { ...session, stepId: step.id, trail };
    return { session: moved, effects: [send(questionPrompt(dialog, moved, step))] };
  }

  function edit(dialog: DialogDef, session: Session, stepId: string): AdvanceResult {
    const step = applicableSteps(dialog, session).find((s) => s.id === stepId);
    if (!step || session.stepId !== SUMMARY_STEP) return stale(dialog, session);
    const moved = { ...session, stepId: step.id, returnToSummary: true };
    return { session: moved, effects: [send(questionPrompt(dialog, moved, step))] };
  }

  function attachments(dialog: DialogDef, session: Session, files: AttachmentRef[]): AdvanceResult {
    const evidenceStep = dialog.steps.find((s) => s.input.type === 'attachments');
    if (!evidenceStep || files.length === 0) return invalid(dialog, session, tx('engine.invalid.unknown'));
    const previous = (session.answers[evidenceStep.id] as AttachmentRef[] | undefined) ?? [];
    const known = new Set(previous.map((f) => f.id));
    const merged = [...previous, ...files.filter((f) => !known.has(f.id))].slice(0, 50);
    const next = { ...session, answers: { ...session.answers, [evidenceStep.id]: merged } };
    const ack = say(tx('engine.files_received', { count: merged.length }));
    if (session.stepId === evidenceStep.id) return { session: next, effects: [ack] };
    return { session: next, effects: [ack, send(current(dialog, next))] };
  }

  function finish(dialog: DialogDef, session: Session): AdvanceResult {
    const steps = applicableSteps(dialog, session);
    const answers = Object.fromEntries(
      steps.filter((s) => session.answers[s.id] !== undefined).map((s) => [s.id, session.answers[s.id] as Answer]),
    );
    const result = dialog.finish(answers, session.context, session.language);
    if (result.ok) return { session: null, effects: [{ type: 'submit', dialogId: dialog.id, result: result.result }] };
    const missing = steps.find((s) => result.missingStepIds.includes(s.id));
    if (!missing) throw new Error(`engine: dialog "${dialog.id}" reports missing steps it does not ask`);
    const moved = { ...session, stepId: missing.id, returnToSummary: true };
    return { session: moved, effects: [say(tx('engine.missing')), send(questionPrompt(dialog, moved, missing))] };
  }

  function migrate(dialog: DialogDef, session: Session, now: Date): AdvanceResult {
    const kept = dialog.migrate(session.dialogVersion, session.answers);
    if (kept === null) {
      const restarted = start(dialog.id, seedOf(session), now);
      return { session: restarted.session, effects: [say(tx('engine.version_restart')), ...restarted.effects] };
    }
    const known = new Set(dialog.steps.map((s) => s.id));
    const answers = Object.fromEntries(Object.entries(kept).filter(([id]) => known.has(id)));
    const base: Session = {
      ...session,
      answers,
      dialogVersion: dialog.version,
      trail: session.trail.filter((id) => known.has(id) && answers[id] !== undefined),
      paused: false,
    };
    const steps = applicableSteps(dialog, base);
    const target = steps.find((s) => answers[s.id] === undefined && (!s.optional || s.id === session.stepId));
    const moved = { ...base, stepId: target?.id ?? SUMMARY_STEP, returnToSummary: false };
    return { session: moved, effects: [say(tx('engine.version_migrated')), send(current(dialog, moved))] };
  }

  function seedOf(session: Session): SessionSeed {
    const { key, userId, displayName, address, language, context } = session;
    return { key, userId, displayName, address, language, context };
  }

  function switchLanguage(dialog: DialogDef, session: Session, language: Language): AdvanceResult {
    const next = { ...session, language };
    return { session: next, effects: [say(tx('engine.language_changed')), send(current(dialog, next))] };
  }

  function toSummary(dialog: DialogDef, session: Session): AdvanceResult {
    const missing = applicableSteps(dialog, session).find((s) => !s.optional && session.answers[s.id] === undefined);
    if (missing) return finish(dialog, session);
    const atSummary = { ...session, stepId: SUMMARY_STEP, returnToSummary: false };
    return { session: atSummary, effects: [send(summaryCard(dialog, atSummary))] };
  }

  function stale(dialog: DialogDef, session: Session): AdvanceResult {
    return { session, effects: [say(tx('engine.stale')), send(current(dialog, session))] };
  }

  function invalid(dialog: DialogDef, session: Session, error: Text): AdvanceResult {
    return { session, effects: [say(error), send(current(dialog, session))] };
  }

  function current(dialog: DialogDef, session: Session): Prompt {
    const step = stepOf(dialog, session.stepId);
    return step ? questionPrompt(dialog, session, step) : summaryCard(dialog, session);
  }

  function stepOf(dialog: DialogDef, stepId: string): StepDef | undefined {
    return dialog.steps.find((s) => s.id === stepId);
  }

  return { start, advance };
}

function withEffects(result: AdvanceResult, before: Effect[]): AdvanceResult {
  return { ...result, effects: [...before, ...result.effects] };
}

function withoutAnswer(session: Session, stepId: string): Session {
  const answers = { ...session.answers };
  delete answers[stepId];
  return { ...session, answers };
}
