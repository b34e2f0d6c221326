import type { Notification } from '../domain/notification';
import type { MessagePrompt, OutgoingMessage, Text } from '../engine/prompt';
import { replyStream } from './outbox-notifier';

/**
 * The dialog's own lines that may lead a question: its opening words, "we continue where you were", a hint about
 * an answer it did not understand. Read twice, they change nothing and promise nothing. Not here, so never
 * repeatable: receipts ("Din rapport är mottagen"), the 112 guidance for someone in danger (`engine.danger_answer`,
 * the urgent "Ring 112 nu"), the check-in offer's lead, and anything else a turn says before a question.
 */
const DIALOG_LINES: ReadonlySet<string> = new Set([
  'report.intro',
  'engine.already_started',
  'engine.resumed',
  'engine.cancel_kept',
  'engine.help',
  'engine.no_back',
  'engine.cannot_skip',
  'engine.at_summary',
  'engine.stale',
  'engine.missing',
  'engine.files_received',
  'engine.version_migrated',
  'engine.language_changed',
]);

/** The summary card's first line: the card the dialog shows before "Skicka rapporten". */
const SUMMARY_LINE = 'summary.intro';

/** True when the text is only keys of `keys` (a line, or lines joined into one paragraph each). */
function onlyKeys(text: Text, keys: (key: string) => boolean): boolean {
  if ('key' in text) return keys(text.key);
  if ('join' in text) return text.join.every((part) => onlyKeys(part, keys));
  return false;
}

const isDialogLine = (line: MessagePrompt): boolean =>
  line.tone !== 'urgent' && onlyKeys(line.text, (key) => DIALOG_LINES.has(key) || key.startsWith('engine.invalid.'));

/**
 * True when sending this notification twice would do no harm: the next question of a dialog (led at most by the
 * dialog's own lines, `DIALOG_LINES`) or the report's summary card, sent to the member as a reply, not about a
 * case, never updated in place. A member who sees such a question twice after a crash answers it once. Everything
 * else (alerts, receipts, 112 guidance, anything about a case, digests) is not repeatable: the dispatcher keeps at
 * most one of those in doubt on a platform that cannot tell whether a send went through.
 */
export function repeatsHarmlessly(n: Notification, message: OutgoingMessage): boolean {
  if (n.caseId !== null || n.render || message.updateKey !== undefined) return false;
  if (n.stream !== replyStream(n.address)) return false;
  const { prompt } = message;
  if (prompt.kind === 'question') return (prompt.lead ?? []).every(isDialogLine);
  if (prompt.kind === 'card') {
    const first = prompt.card.lines?.[0];
    return first !== undefined && 'key' in first && first.key === SUMMARY_LINE;
  }
  return false;
}
