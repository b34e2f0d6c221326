import { ACTION, encodeAnswer, encodeControl } from '../../src/engine/actions';
import type { Card, CardAction, CardField, CardSection, Choice, Prompt, Text } from '../../src/engine/prompt';
import { tx } from '../../src/engine/prompt';
import type { Language } from '../../src/domain/report';
import { translate } from '../../src/i18n/translate';
import type { InboxEntry } from './notifier';

/** A choice as the page shows it. */
export interface WebOption {
  value: string;
  label: string;
}

/** A button: `id` and `value` go back to the core untouched; `input` asks for a note, reason or successor first. */
export interface WebButton {
  id: string;
  value: string;
  label: string;
  style?: 'primary' | 'danger';
  input?: { label: string; required: boolean; choices?: WebOption[]; maxLength?: number };
}

export interface WebField {
  label: string;
  value: string;
}

export interface WebSection {
  heading?: string;
  fields: WebField[];
  lines: string[];
  buttons: WebButton[];
}

/** How a question wants its answer, beyond its buttons. */
export interface WebQuestion {
  stepId: string;
  input: 'yesno' | 'single' | 'multi' | 'text' | 'datetime' | 'attachments';
  /** Checkboxes of a multiple choice. */
  options: WebOption[];
  /** Sends the ticked boxes or the chosen date as `values`. */
  ok?: WebButton;
  /** Back, skip, pause, cancel, help, done: shown apart from the answers. */
  controls: WebButton[];
  multiline?: boolean;
  maxLength?: number;
  hint?: string;
  progress?: string;
}

/**
 * One message, already in words: the browser only shows these strings (with textContent) and sends buttons back.
 * `kind` 'echo' is what the person wrote or pressed themselves.
 */
export interface WebMessage {
  id: number;
  rev: number;
  at: string;
  kind: 'message' | 'question' | 'card' | 'echo';
  tone: 'urgent' | 'normal' | 'done';
  title?: string;
  lines: string[];
  fields: WebField[];
  sections: WebSection[];
  buttons: WebButton[];
  question?: WebQuestion;
}

/** Renders a stored entry in the language given (the message's own, or the reader's for a channel). */
export function renderEntry(entry: InboxEntry, language: Language): WebMessage {
  const base = { id: entry.id, rev: entry.rev, at: entry.at, fields: [], sections: [], buttons: [] };
  if ('echo' in entry) return { ...base, kind: 'echo', tone: 'normal', lines: [entry.echo] };
  return { ...base, ...renderPrompt(entry.message.prompt, language) };
}

type Rendered = Omit<WebMessage, 'id' | 'rev' | 'at'>;

function renderPrompt(prompt: Prompt, language: Language): Rendered {
  const t = (text: Text): string => translate(language, text);
  switch (prompt.kind) {
    case 'file':
      // The demo keeps no files: the owner sees which file it is and its SHA-256.
      return { kind: 'message', tone: 'normal', lines: [t(prompt.text)], fields: [], sections: [], buttons: [] };
    case 'message':
      return {
        kind: 'message',
        tone: prompt.tone ?? 'normal',
        lines: [t(prompt.text)],
        fields: [],
        sections: [],
        buttons: [],
      };
    case 'card':
      return renderCard(prompt.card, t);
    case 'question': {
      const { stepId, input } = prompt;
      const answer = (choice: Choice): WebButton => ({
        id: ACTION.answer,
        value: encodeAnswer(stepId, choice.value),
        label: t(choice.label),
      });
      const yesNo: Choice[] = [
        { value: 'yes', label: tx('common.yes') },
        { value: 'no', label: tx('common.no') },
      ];
      const buttons =
        input.type === 'yesno' ? yesNo.map(answer) : input.type === 'single' ? input.choices.map(answer) : [];
      const controls = prompt.controls.map((control): WebButton => ({
        id: ACTION.control,
        value: encodeControl(control, stepId),
        label: t(tx(`control.${control}`)),
      }));
      // The ticked boxes or the date travel in `values`; the core reads them instead of the button's own value.
      const ok: WebButton | undefined =
        input.type === 'multi' || input.type === 'datetime'
          ? { id: ACTION.answer, value: encodeAnswer(stepId, ''), label: t(tx('web.ok')), style: 'primary' }
          : undefined;
      const question: WebQuestion = {
        stepId,
        input: input.type,
        options: input.type === 'multi' ? input.choices.map((c) => ({ value: c.value, label: t(c.label) })) : [],
        ...(ok ? { ok } : {}),
        controls,
        ...(input.type === 'text' ? { multiline: input.multiline, maxLength: input.maxLength } : {}),
        ...(prompt.hint ? { hint: t(prompt.hint) } : {}),
        ...(prompt.progress ? { progress: t(tx('engine.progress', prompt.progress)) } : {}),
      };
      const lead = prompt.lead ?? [];
      return {
        kind: 'question',
        // The 112 guidance keeps its colour when it leads a question.
        tone: lead.some((m) => m.tone === 'urgent') ? 'urgent' : 'normal',
        lines: [...lead.map((m) => t(m.text)), t(prompt.text)],
        fields: [],
        sections: [],
        buttons,
        question,
      };
    }
  }
}

function renderCard(card: Card, t: (text: Text) => string): Rendered {
  return {
    kind: 'card',
    tone: card.tone,
    title: t(card.title),
    lines: (card.lines ?? []).map(t),
    fields: renderFields(card.fields, t),
    sections: (card.sections ?? []).map((section) => renderSection(section, t)),
    buttons: (card.actions ?? []).map((action) => renderAction(action, t)),
  };
}

function renderSection(section: CardSection, t: (text: Text) => string): WebSection {
  return {
    ...(section.heading ? { heading: t(section.heading) } : {}),
    fields: renderFields(section.fields, t),
    lines: (section.lines ?? []).map(t),
    buttons: (section.actions ?? []).map((action) => renderAction(action, t)),
  };
}

function renderFields(fields: CardField[] | undefined, t: (text: Text) => string): WebField[] {
  return (fields ?? []).map((field) => ({ label: t(field.label), value: t(field.value) }));
}

function renderAction(action: CardAction, t: (text: Text) => string): WebButton {
  const input = action.input;
  return {
    id: action.id,
    value: action.value,
    label: t(action.label),
    ...(action.style ? { style: action.style } : {}),
    ...(input
      ? {
          input: {
            label: t(input.label),
            required: input.required,
            ...(input.choices ? { choices: input.choices.map((c) => ({ value: c.value, label: t(c.label) })) } : {}),
            ...(input.maxLength !== undefined ? { maxLength: input.maxLength } : {}),
          },
        }
      : {}),
  };
}
