import type { Language } from '../domain/report';
import { commandsEn } from '../i18n/en/commands';
import { commandsSv } from '../i18n/sv/commands';
import type { Control } from './prompt';
import { foldForMatch } from './sanitize';

/** Everything a member or contact can ask for with a word instead of a button. */
export type Command =
  | Control
  | 'submit'
  /** Only greets or asks to go on: after a pause it resumes the dialog instead of becoming an answer. */
  | 'resume'
  | 'cases'
  /** "hur går det med mitt ärende?": the member's open cases and where each stands (issue 12). */
  | 'status'
  /** App Home's choices as a card: the dialogs and guidance on offer. */
  | 'menu'
  /** `bind <district>` in a channel: the channel receives the district's alerts. */
  | 'bind'
  /** `statistik [kvartal|år]`: the statistics summary for security contacts (issue 14). */
  | 'statistics'
  /** `läsare <ärendenummer>`: who read a case (the central contact, issue 11). */
  | 'readers'
  /** `radera <användar-id>`: erase a person's data on request (the central contact, issue 11). */
  | 'erase'
  | 'language.sv'
  | 'language.en';

/** The words of one language for each command, written as people write them (accents included). */
export type CommandTable = Record<Command, readonly string[]>;

/** One table per language; every adapter and the bot read words through the functions below. */
export const COMMAND_TABLES: Record<Language, CommandTable> = { sv: commandsSv, en: commandsEn };

const CONTROLS: readonly Control[] = ['back', 'skip', 'pause', 'cancel', 'help', 'done'];

// Words are matched in either language: a Swedish member may well write "help" or "cancel".
const byWord = new Map<string, Set<Command>>();
for (const table of Object.values(COMMAND_TABLES)) {
  for (const [command, words] of Object.entries(table) as Array<[Command, readonly string[]]>) {
    for (const word of words) {
      const folded = foldForMatch(word);
      byWord.set(folded, (byWord.get(folded) ?? new Set()).add(command));
    }
  }
}

/**
 * The last message folded: one turn asks about the same text a dozen times in a row (cancel? resume? back? help?),
 * and folding (normalising, three regular expressions) was the engine's largest cost per turn.
 */
let last: { text: string; folded: string } = { text: '', folded: '' };
function folded(text: string): string {
  if (last.text !== text) last = { text, folded: foldForMatch(text) };
  return last.folded;
}

/** True when the whole message is a word of the command (in Swedish or English). */
export function isCommand(text: string, command: Command): boolean {
  return byWord.get(folded(text))?.has(command) ?? false;
}

/** The control a whole message stands for, or null. */
export function controlFromText(text: string): Control | null {
  return CONTROLS.find((control) => isCommand(text, control)) ?? null;
}

/** The language a whole message asks for ("english", "svenska"), or null. */
export function languageFromText(text: string): Language | null {
  if (isCommand(text, 'language.en')) return 'en';
  if (isCommand(text, 'language.sv')) return 'sv';
  return null;
}

/** True when the whole message just asks to go on (after a pause). */
export function isResumeWord(text: string): boolean {
  return isCommand(text, 'resume');
}

/** True when the whole message asks to submit. */
export function isSubmitWord(text: string): boolean {
  return isCommand(text, 'submit');
}

/**
 * A command with an argument, such as `bind norra-skane`: the first word is matched as a command word, and the
 * argument is the rest of the text exactly as written, because ids hold `-` and `_` that matching folds away.
 */
export function leadingCommand(text: string, command: Command): string | null {
  const match = /^\s*(\S+)\s*([\s\S]*)$/.exec(text);
  if (!match?.[1] || !isCommand(match[1], command)) return null;
  return (match[2] ?? '').trim();
}
