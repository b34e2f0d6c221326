import type { Text } from './prompt';
import { join, raw, time } from './prompt';

const EXACT = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?Z)?)?$/;
const DATE_WITH_WORDS = /^(\d{4}-\d{2}-\d{2}) (\(.+\))$/;

/**
 * How a "when" answer reads: an exact time in the reader's language and Stockholm time ("9 mars 2026 kl. 21:15"),
 * a date with the member's words ("10 mars 2026 (i morse)"), or the member's own words as written.
 */
export function whenText(value: string): Text {
  if (EXACT.test(value)) return time(value);
  const withWords = DATE_WITH_WORDS.exec(value);
  if (withWords) return join([time(withWords[1] as string, 'date'), raw(withWords[2] as string)], ' ');
  return raw(value);
}
