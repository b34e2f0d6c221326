import { reportDialog } from '../../dialogs/report';
import type { Language, Report } from '../../src/domain/report';
import { createEngine, type AdvanceResult, type Engine, type SessionSeed } from '../../src/engine/advance';
import type { DialogDef } from '../../src/engine/dialog';
import type { EngineInput } from '../../src/engine/input';
import type { Card, Choice, Control, InputSpec, Prompt, Text } from '../../src/engine/prompt';
import { sessionSchema, type Session } from '../../src/engine/session';
import { t, translate } from '../../src/i18n/translate';

/** The fixed clock of every transcript: a Tuesday morning in Stockholm. */
export const TRANSCRIPT_NOW = new Date('2026-03-10T09:30:00.000Z');

/** One thing the member does: typed text, or any engine input (a button press, an edit, files...). */
export type Move = string | EngineInput;

/**
 * Runs a dialog through the real engine and writes what the member would see as readable lines ("bot: ...",
 * "[buttons: Ja | Nej]"), so a test reads like the conversation it checks. A submitted result is followed by the
 * dialog's after-submit prompts, as the bot service shows them.
 */
export class Transcript {
  /** Every line so far, the member's moves included ("user: ..."). */
  readonly lines: string[] = [];
  /** The lines the bot wrote in answer to the latest move. */
  last: string[] = [];
  /** The stored session after the latest move; null once the dialog ended. */
  session: Session | null = null;
  /** Results of submit effects, in order. */
  readonly submitted: Report[] = [];
  /** Reasons of ended effects, in order. */
  readonly ended: string[] = [];
  /** Step effects for the dialog's service (e.g. "send the case now"), in order, as `name` and payload. */
  readonly emitted: Array<{ name: string; payload: unknown }> = [];
  private readonly engine: Engine;

  constructor(
    private language: Language,
    private readonly dialog: DialogDef<Report> = reportDialog,
    private readonly now: Date = TRANSCRIPT_NOW,
  ) {
    this.engine = createEngine([dialog as DialogDef]);
  }

  /** Starts the dialog, as "rapportera" would. */
  start(context: Record<string, string> = {}): this {
    const seed: SessionSeed = {
      key: 'slack:U1',
      userId: 'slack:U1',
      displayName: 'Testperson',
      address: 'slack:T1:D1',
      language: this.language,
      context,
    };
    this.lines.push(`user: (starts ${this.dialog.id})`);
    return this.apply(this.engine.start(this.dialog.id, seed, this.now));
  }

  /** Continues from a session as it was stored (e.g. one written by an older version of the bot). */
  resumeFrom(session: Session): this {
    this.session = session;
    return this;
  }

  /** The member types each text, or does each input, in turn. */
  say(...moves: Move[]): this {
    for (const move of moves) {
      const input: EngineInput = typeof move === 'string' ? { kind: 'text', text: move } : move;
      const session = this.session;
      if (!session) throw new Error(`transcript: no session for ${JSON.stringify(input)}`);
      this.lines.push(`user: ${describe(input)}`);
      this.apply(this.engine.advance(session, input, this.now));
    }
    return this;
  }

  /** The member presses an answer button of the question shown now. */
  press(value: string | string[]): this {
    return this.say({ kind: 'answer', stepId: this.stepId, value });
  }

  /** The session store is restarted: the session is written as JSON and read back through its schema. */
  restartStore(): this {
    if (!this.session) throw new Error('transcript: no session to store');
    this.session = sessionSchema.parse(JSON.parse(JSON.stringify(this.session)));
    this.lines.push('(the session store restarts)');
    return this;
  }

  /** The step the member is on now. */
  get stepId(): string {
    if (!this.session) throw new Error('transcript: the dialog has ended');
    return this.session.stepId;
  }

  /** The latest bot lines as one text, for `toContain`. */
  get lastText(): string {
    return this.last.join('\n');
  }

  /** The whole conversation as one text. */
  get text(): string {
    return this.lines.join('\n');
  }

  /** The one submitted report. */
  get report(): Report {
    const [report, ...more] = this.submitted;
    if (!report || more.length > 0) throw new Error(`transcript: ${this.submitted.length} reports were submitted`);
    return report;
  }

  private apply(result: AdvanceResult): this {
    // A session that ends (cancel, submit) speaks the language it was in last.
    this.language = result.session?.language ?? this.session?.language ?? this.language;
    this.session = result.session;
    const shown: string[] = [];
    for (const effect of result.effects) {
      if (effect.type === 'send') shown.push(...render(this.language, effect.prompt));
      if (effect.type === 'ended') {
        this.ended.push(effect.reason);
        shown.push(`(ended: ${effect.reason})`);
      }
      if (effect.type === 'emit') this.emitted.push({ name: effect.name, payload: effect.payload });
      if (effect.type === 'submit') {
        const report = effect.result as Report;
        this.submitted.push(report);
        shown.push('(submitted)');
        for (const prompt of this.dialog.afterSubmit(report)) shown.push(...render(report.language, prompt));
      }
    }
    this.last = shown;
    this.lines.push(...shown);
    return this;
  }
}

function describe(input: EngineInput): string {
  switch (input.kind) {
    case 'text':
      return input.text.length > 80 ? `${input.text.slice(0, 80)}… (${input.text.length} characters)` : input.text;
    case 'answer':
      return `presses ${JSON.stringify(input.value)} on ${input.stepId}`;
    case 'control':
      return `presses ${input.control}${input.stepId ? ` on ${input.stepId}` : ''}`;
    case 'edit':
      return `edits ${input.stepId}`;
    case 'attachments':
      return `sends ${input.files.map((f) => f.name).join(', ')}`;
    default:
      return input.kind;
  }
}

/** Renders one prompt as a member would read it, in the given language. */
export function render(language: Language, prompt: Prompt): string[] {
  const say = (text: Text): string => translate(language, text);
  switch (prompt.kind) {
    case 'message':
      return [`bot${prompt.tone === 'urgent' ? ' (urgent)' : ''}: ${say(prompt.text)}`];
    case 'file':
      return [`bot (file ${prompt.file.name}): ${say(prompt.text)}`];
    case 'question':
      return [
        `bot: ${say(prompt.text)}`,
        ...(prompt.hint ? [`  (${say(prompt.hint)})`] : []),
        ...inputLines(prompt.input, say),
        `[controls: ${prompt.controls.map((c: Control) => say({ key: `control.${c}` })).join(' | ')}]`,
      ];
    case 'card':
      return cardLines(prompt.card, say);
  }
}

function inputLines(input: InputSpec, say: (text: Text) => string): string[] {
  const labels = (choices: Choice[]): string => choices.map((c) => say(c.label)).join(' | ');
  switch (input.type) {
    case 'yesno':
      return [`[buttons: ${say({ key: 'common.yes' })} | ${say({ key: 'common.no' })}]`];
    case 'single':
      return [`[buttons: ${labels(input.choices)}]`];
    case 'multi':
      return [`[choose one or more: ${labels(input.choices)}]`];
    case 'text':
      return [`[text, at most ${input.maxLength} characters]`];
    case 'datetime':
      return ['[date and time, or own words]'];
    case 'attachments':
      return ['[files]'];
  }
}

function cardLines(card: Card, say: (text: Text) => string): string[] {
  const lines = [`card${card.tone === 'urgent' ? ' (urgent)' : ''}: ${say(card.title)}`];
  for (const line of card.lines ?? []) lines.push(`  ${say(line)}`);
  for (const field of card.fields ?? []) lines.push(`  ${say(field.label)}: ${say(field.value)}`);
  for (const section of card.sections ?? []) {
    if (section.heading) lines.push(`  ## ${say(section.heading)}`);
    for (const field of section.fields ?? []) lines.push(`  ${say(field.label)}: ${say(field.value)}`);
    for (const line of section.lines ?? []) lines.push(`    - ${say(line)}`);
  }
  if (card.actions?.length) lines.push(`[buttons: ${card.actions.map((a) => say(a.label)).join(' | ')}]`);
  return lines;
}

/** Shorthand for tests: a translated key. */
export const words = (language: Language, key: string, params?: Record<string, string | number>): string =>
  t(language, key, params);
