import type { Language } from '../../src/domain/report';
import type { Card, CardAction, OutgoingMessage, Prompt, Text } from '../../src/engine/prompt';
import { tx } from '../../src/engine/prompt';
import { translate } from '../../src/i18n/translate';

/** A message as terminal lines, with the buttons in the order of their numbers (button 1 is `actions[0]`). */
export interface ConsoleRendering {
  lines: string[];
  actions: CardAction[];
}

/**
 * Renders a neutral message as plain text: questions with numbered choices ("1) Ja  2) Nej"), cards with their fields
 * and numbered buttons ("[3] Avsluta"). Every word comes from the i18n catalogs; text people wrote is shown as given.
 */
export function renderForConsole(message: OutgoingMessage): ConsoleRendering {
  return renderPrompt(message.language, message.prompt);
}

function renderPrompt(language: Language, prompt: Prompt): ConsoleRendering {
  const t = (text: Text): string => translate(language, text);
  switch (prompt.kind) {
    case 'message':
      return { lines: indent(t(prompt.text), prompt.tone === 'urgent' ? '!! ' : ''), actions: [] };
    case 'file':
      return { lines: indent(t(prompt.text)), actions: [] };
    case 'question': {
      const lines: string[] = [];
      for (const lead of prompt.lead ?? [])
        lines.push(...indent(t(lead.text), lead.tone === 'urgent' ? '!! ' : ''), '');
      if (prompt.progress) lines.push(`(${t(tx('engine.progress', prompt.progress))})`);
      lines.push(...indent(t(prompt.text)));
      if (prompt.hint) lines.push(...indent(t(prompt.hint), '   '));
      const input = prompt.input;
      if (input.type === 'yesno') lines.push(`   1) ${t(tx('common.yes'))}  2) ${t(tx('common.no'))}`);
      if (input.type === 'single' || input.type === 'multi') {
        input.choices.forEach((choice, i) => lines.push(`   ${i + 1}) ${t(choice.label)}`));
      }
      lines.push(`   [${prompt.controls.map((c) => t(tx(`control.${c}`))).join('] [')}]`);
      return { lines, actions: [] };
    }
    case 'card':
      return renderCard(language, prompt.card);
  }
}

function renderCard(language: Language, card: Card): ConsoleRendering {
  const t = (text: Text): string => translate(language, text);
  const actions: CardAction[] = [];
  const button = (action: CardAction): string => {
    actions.push(action);
    return `   [${actions.length}] ${t(action.label)}`;
  };
  const marker = card.tone === 'urgent' ? '!! ' : card.tone === 'done' ? '✓ ' : '';
  const lines = [`${marker}${t(card.title)}`];
  for (const line of card.lines ?? []) lines.push(...indent(t(line), '   '));
  for (const field of card.fields ?? []) lines.push(...indent(`${t(field.label)}: ${t(field.value)}`, '   '));
  for (const section of card.sections ?? []) {
    if (section.heading) lines.push(` ${t(section.heading)}`);
    for (const field of section.fields ?? []) lines.push(...indent(`${t(field.label)}: ${t(field.value)}`, '   '));
    for (const line of section.lines ?? []) lines.push(...indent(t(line), '   '));
    for (const action of section.actions ?? []) lines.push(button(action));
  }
  for (const action of card.actions ?? []) lines.push(button(action));
  return { lines, actions };
}

/** Splits multi-line text and prefixes each line, so what a member wrote over several lines stays readable. */
function indent(text: string, prefix = ''): string[] {
  return text.split('\n').map((line) => `${prefix}${line}`);
}
