import { foldForMatch } from './sanitize';

/**
 * Ways of asking whether it is dangerous. The bot cannot judge that (DOMAIN rule 5), so these get a calm answer
 * instead of being stored as an answer or refused as a wrong one.
 */
const DANGER_PHRASES = [
  'ar det farligt',
  'ar detta farligt',
  'ar det har farligt',
  'ar det allvarligt',
  'ar jag i fara',
  'ar vi i fara',
  'ska jag vara radd',
  'bor jag vara radd',
  'behover jag vara radd',
  'maste jag vara radd',
  'ska jag vara orolig',
  'behover jag vara orolig',
  'is it dangerous',
  'is this dangerous',
  'is that dangerous',
  'is it serious',
  'am i in danger',
  'are we in danger',
  'should i be afraid',
  'should i be scared',
  'should i be worried',
  'do i need to be afraid',
  'do i need to worry',
];

/**
 * True when the message asks whether it is dangerous: the whole message is such a question, or a short question
 * that contains one ("Hej, är det farligt?"). A longer description that merely uses the word stays an answer.
 */
export function isDangerQuestion(text: string): boolean {
  const folded = foldForMatch(text);
  if (DANGER_PHRASES.includes(folded)) return true;
  const trimmed = text.trim();
  if (trimmed.length > 80 || !trimmed.endsWith('?')) return false;
  return DANGER_PHRASES.some((phrase) => ` ${folded} `.includes(` ${phrase} `));
}
