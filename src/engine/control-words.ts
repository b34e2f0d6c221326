import type { Language } from '../domain/report';
import type { Control } from './prompt';
import { foldForMatch } from './sanitize';

/**
 * Words that act as controls when they are the whole message. Only these exact words count, so a description that
 * merely contains "avbryt" is kept as an answer.
 */
const CONTROL_WORDS: Record<string, Control> = {
  tillbaka: 'back',
  back: 'back',
  'hoppa over': 'skip',
  hoppa: 'skip',
  skip: 'skip',
  paus: 'pause',
  pausa: 'pause',
  pause: 'pause',
  avbryt: 'cancel',
  cancel: 'cancel',
  hjalp: 'help',
  help: 'help',
  klar: 'done',
  done: 'done',
};

const LANGUAGE_WORDS: Record<string, Language> = {
  english: 'en',
  engelska: 'en',
  svenska: 'sv',
  swedish: 'sv',
};

/** Words that only greet or ask to go on; after a pause they resume the report instead of becoming an answer. */
const RESUME_WORDS = new Set(['hej', 'halla', 'fortsatt', 'rapportera', 'hi', 'hello', 'continue', 'resume', 'report']);

/** True when the whole message just asks to go on (after a pause). */
export function isResumeWord(text: string): boolean {
  return RESUME_WORDS.has(foldForMatch(text));
}

const SUBMIT_WORDS = new Set(['skicka', 'skicka in', 'send', 'submit']);

/** The control a whole message stands for, or null. */
export function controlFromText(text: string): Control | null {
  return CONTROL_WORDS[foldForMatch(text)] ?? null;
}

/** The language a whole message asks for ("english", "svenska"), or null. */
export function languageFromText(text: string): Language | null {
  return LANGUAGE_WORDS[foldForMatch(text)] ?? null;
}

/** True when the whole message asks to submit. */
export function isSubmitWord(text: string): boolean {
  return SUBMIT_WORDS.has(foldForMatch(text));
}
