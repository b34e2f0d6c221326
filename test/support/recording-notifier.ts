import type { Language } from '../../src/domain/report';
import type { Card, CardAction, OutgoingMessage, Prompt } from '../../src/engine/prompt';
import { translate } from '../../src/i18n/translate';
import { DeliveryError, type DeliveryFailure, type Notifier, type SendOptions } from '../../src/ports/notifier';

/** One message a recording notifier received, with its text as a member would read it. */
export interface RecordedMessage {
  address: string;
  message: OutgoingMessage;
  /** The message rendered to plain lines through `translate()` (see `renderMessageText`). */
  text: string;
  /** The outbox notification it was sent for, when the dispatcher sent it. */
  notificationId?: string;
}

/** A button as it was offered in a recorded card: its action id, value and translated label. */
export interface RecordedAction {
  address: string;
  id: string;
  value: string;
  label: string;
  action: CardAction;
}

/**
 * A fake platform: handles addresses with the given prefixes (e.g. `console:`), records every message it is asked to
 * send and renders it to text, so a test asserts what a person would read rather than the prompt's data shape.
 */
export class RecordingNotifier implements Notifier {
  /** Every message in the order it was sent. */
  readonly sent: RecordedMessage[] = [];
  private readonly failures = new Map<string, DeliveryFailure>();

  constructor(private readonly prefixes: string[] = ['console:']) {}

  handles(address: string): boolean {
    return this.prefixes.some((prefix) => address.startsWith(prefix));
  }

  async send(address: string, message: OutgoingMessage, options?: SendOptions): Promise<void> {
    const failure = this.failures.get(address);
    if (failure) throw new DeliveryError(failure);
    const id = options?.notificationId;
    this.sent.push({ address, message, text: renderMessageText(message), ...(id ? { notificationId: id } : {}) });
    return Promise.resolve();
  }

  /** From now on, sending to `address` fails like a platform would (e.g. `{ kind: 'blocked', reason: '...' }`). */
  failFor(address: string, failure: DeliveryFailure): void {
    this.failures.set(address, failure);
  }

  /** Sending to `address` works again (the platform recovered). */
  recoverFor(address: string): void {
    this.failures.delete(address);
  }

  /** The messages sent to one address, in order. */
  to(address: string): RecordedMessage[] {
    return this.sent.filter((m) => m.address === address);
  }

  /** Everything sent to one address as one text (messages separated by blank lines). */
  textOf(address: string): string {
    return this.to(address)
      .map((m) => m.text)
      .join('\n\n');
  }

  /** The text of the latest message sent to the address ('' when none). */
  lastTextOf(address: string): string {
    return this.to(address).at(-1)?.text ?? '';
  }

  /**
   * What the address shows now for each update key: a later message with the same `updateKey` replaces the earlier
   * one, as the platforms that can edit messages do.
   */
  current(address: string, updateKey: string): RecordedMessage | undefined {
    return this.to(address)
      .filter((m) => m.message.updateKey === updateKey)
      .at(-1);
  }

  /** Every button offered to the address, newest first, optionally only those with the action id. */
  actions(address: string, actionId?: string): RecordedAction[] {
    const found: RecordedAction[] = [];
    for (const m of [...this.to(address)].reverse()) {
      if (m.message.prompt.kind !== 'card') continue;
      for (const action of cardActions(m.message.prompt.card)) {
        if (actionId !== undefined && action.id !== actionId) continue;
        found.push({
          address,
          id: action.id,
          value: action.value,
          label: translate(m.message.language, action.label),
          action,
        });
      }
    }
    return found;
  }

  /** Forgets what was recorded (failures stay). */
  clear(): void {
    this.sent.length = 0;
  }
}

/** The actions of a card in reading order: those of its sections first, then those at the bottom. */
export function cardActions(card: Card): CardAction[] {
  return [...(card.sections ?? []).flatMap((s) => s.actions ?? []), ...(card.actions ?? [])];
}

/** A message as readable lines: titles, lines, "label: value" fields, "[button]" labels and numbered choices. */
export function renderMessageText(message: OutgoingMessage): string {
  return renderPrompt(message.language, message.prompt).join('\n');
}

function renderPrompt(language: Language, prompt: Prompt): string[] {
  const t = (text: Parameters<typeof translate>[1]): string => translate(language, text);
  switch (prompt.kind) {
    case 'message':
    case 'file':
      return [t(prompt.text)];
    case 'question': {
      const lines = [...(prompt.lead ?? []).map((m) => t(m.text)), t(prompt.text)];
      if (prompt.hint) lines.push(t(prompt.hint));
      const input = prompt.input;
      if (input.type === 'yesno') lines.push(`1) ${t({ key: 'common.yes' })} 2) ${t({ key: 'common.no' })}`);
      if (input.type === 'single' || input.type === 'multi') {
        lines.push(input.choices.map((c, i) => `${i + 1}) ${t(c.label)}`).join(' '));
      }
      lines.push(`[${prompt.controls.map((c) => t({ key: `control.${c}` })).join('] [')}]`);
      return lines;
    }
    case 'card':
      return renderCard(language, prompt.card);
  }
}

function renderCard(language: Language, card: Card): string[] {
  const t = (text: Parameters<typeof translate>[1]): string => translate(language, text);
  const button = (a: CardAction): string => `[${t(a.label)}]`;
  const lines = [t(card.title)];
  for (const line of card.lines ?? []) lines.push(t(line));
  for (const field of card.fields ?? []) lines.push(`${t(field.label)}: ${t(field.value)}`);
  for (const section of card.sections ?? []) {
    if (section.heading) lines.push(`# ${t(section.heading)}`);
    for (const field of section.fields ?? []) lines.push(`${t(field.label)}: ${t(field.value)}`);
    for (const line of section.lines ?? []) lines.push(t(line));
    if (section.actions && section.actions.length > 0) lines.push(section.actions.map(button).join(' '));
  }
  if (card.actions && card.actions.length > 0) lines.push(card.actions.map(button).join(' '));
  return lines;
}
