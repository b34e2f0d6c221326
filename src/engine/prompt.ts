import type { AttachmentRef, Language } from '../domain/report';

/**
 * A piece of text by i18n key with parameters, or text a person wrote (`raw`), shown as given. Renderers translate
 * keys with `translate()` and hold no wording of their own.
 */
export type Text =
  | { key: string; params?: Record<string, TextParam> }
  | { raw: string }
  /** Several texts joined, e.g. a list of categories: "Hot, Trakasserier". */
  | { join: Text[]; separator?: string }
  /**
   * A moment, shown in the reader's language in Stockholm time: an ISO instant, or a wall time as the dialog stores it
   * (`2026-03-09T21:15`). Never shown raw, so no reader sees `2026-12-01T08:42:13.033Z`.
   */
  | { time: string; style?: 'datetime' | 'date' | 'clock' };

/** A parameter: plain text or a number as given, or a text that is itself translated (e.g. a status name). */
export type TextParam = string | number | Text;

/** Builds a keyed text. */
export function tx(key: string, params?: Record<string, TextParam>): Text {
  return params === undefined ? { key } : { key, params };
}

/** Joins several texts with ", " (or the separator). */
export function join(parts: Text[], separator?: string): Text {
  return separator === undefined ? { join: parts } : { join: parts, separator };
}

/** A moment shown in the reader's language and Stockholm time (see `Text`). */
export function time(at: string, style?: 'datetime' | 'date' | 'clock'): Text {
  return style === undefined ? { time: at } : { time: at, style };
}

/** Marks text a person wrote: never translated, always escaped by the renderer. */
export function raw(value: string): Text {
  return { raw: value };
}

export interface Choice {
  /** The value sent back when chosen. */
  value: string;
  label: Text;
}

/** What kind of answer a question takes; each platform renders it as buttons, a picker or a text field. */
export type InputSpec =
  | { type: 'yesno' }
  | { type: 'single'; choices: Choice[] }
  | { type: 'multi'; choices: Choice[] }
  | { type: 'text'; maxLength: number; multiline: boolean }
  | { type: 'datetime' }
  | { type: 'attachments' };

/** Dialog controls offered beside a question. */
export type Control = 'back' | 'skip' | 'pause' | 'cancel' | 'help' | 'done';

/** A button on a card. `id` names the operation (e.g. `case:take`), `value` its argument (opaque to renderers). */
export interface CardAction {
  id: string;
  label: Text;
  value: string;
  style?: 'primary' | 'danger';
  /** The action needs a typed or chosen input first (a note, a reason, a successor). */
  input?: { label: Text; required: boolean; choices?: Choice[]; maxLength?: number };
}

export interface CardField {
  label: Text;
  value: Text;
}

export interface CardSection {
  heading?: Text;
  fields?: CardField[];
  lines?: Text[];
  /** Buttons that belong to this section (e.g. "Edit" beside one answer of the summary). */
  actions?: CardAction[];
}

/** A neutral card: the summary, alerts, the owner's case view, lists and digests are all cards. */
export interface Card {
  title: Text;
  tone: 'urgent' | 'normal' | 'done';
  lines?: Text[];
  fields?: CardField[];
  sections?: CardSection[];
  actions?: CardAction[];
}

/** A plain message: a line of the bot's own, a receipt, the 112 guidance (`urgent`). */
export interface MessagePrompt {
  kind: 'message';
  text: Text;
  tone?: 'urgent' | 'normal';
}

/** What the core asks an adapter to show. */
export type Prompt =
  | MessagePrompt
  | {
      kind: 'question';
      /**
       * What the bot says before the question in the same message ("Tack, det är sparat."), each rendered as its own
       * message would be (urgent words stay urgent): a turn answers with one message wherever one can carry it.
       */
      lead?: MessagePrompt[];
      /** Buttons carry the step id, so a press on an old question is recognised as such. */
      stepId: string;
      text: Text;
      hint?: Text;
      input: InputSpec;
      controls: Control[];
      /**
       * Where the member is within the current part of the dialog ("Fråga 3 av 7", "Fler uppgifter: fråga 2 of 24").
       * `part` is the words before the numbers; renderers pass all three to the key `engine.progress`.
       */
      progress?: { current: number; total: number; part: Text };
    }
  | { kind: 'card'; card: Card }
  /**
   * An evidence file copied to the case's owner: the platform sends the file itself (Slack) or a short-lived link to
   * Vaktpost's copy (Teams), with `text` (case number, name, SHA-256) beside it; elsewhere only `text` is shown.
   */
  | { kind: 'file'; caseId: string; file: AttachmentRef; text: Text };

/** A prompt on its way to one address, in the recipient's language. */
export interface OutgoingMessage {
  language: Language;
  prompt: Prompt;
  /**
   * When set, a later message with the same key replaces this one where the platform allows (the alert that turns
   * into "Taken by X" for everyone). Adapters keep the platform's message id per key.
   */
  updateKey?: string;
}
