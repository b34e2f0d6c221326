import type { Language } from '../domain/report';
import { translate } from '../i18n/translate';
import type { Choice, InputSpec, Text } from './prompt';
import { tx } from './prompt';
import { foldForMatch, sanitizeText } from './sanitize';
import type { Answer } from './session';

export type ParseResult = { ok: true; answer: Answer } | { ok: false; error: Text };

const YES = new Set(['ja', 'j', 'yes', 'y', 'japp', 'jo']);
const NO = new Set(['nej', 'n', 'no', 'nope']);

/** Turns typed text into an answer for the input, or says plainly what is expected. */
export function parseTypedAnswer(input: InputSpec, typed: string, language: Language, now: Date): ParseResult {
  const text = sanitizeText(typed);
  if (text.length === 0) return { ok: false, error: tx('engine.invalid.empty') };
  switch (input.type) {
    case 'yesno':
      return parseYesNo(text);
    case 'single':
      return parseSingle(input.choices, text, language);
    case 'multi':
      return parseMulti(input.choices, text, language);
    case 'text':
      if (text.length > input.maxLength) {
        return { ok: false, error: tx('engine.invalid.too_long', { max: input.maxLength, length: text.length }) };
      }
      return { ok: true, answer: text };
    case 'datetime':
      return parseDateTime(text, now);
    case 'attachments':
      return { ok: false, error: tx('engine.invalid.attachments') };
  }
}

/** Checks a button or picker answer against the input; the value must be one the question offered. */
export function checkButtonAnswer(input: InputSpec, value: string | string[], now: Date): ParseResult {
  const values = Array.isArray(value) ? value : [value];
  switch (input.type) {
    case 'yesno':
      return values.length === 1 && (values[0] === 'yes' || values[0] === 'no')
        ? { ok: true, answer: values[0] }
        : { ok: false, error: tx('engine.invalid.yesno') };
    case 'single':
      return values.length === 1 && input.choices.some((c) => c.value === values[0])
        ? { ok: true, answer: values[0] as string }
        : { ok: false, error: tx('engine.invalid.choice') };
    case 'multi': {
      const unique = [...new Set(values)];
      if (unique.length === 0) return { ok: false, error: tx('engine.invalid.multi') };
      return unique.every((v) => input.choices.some((c) => c.value === v))
        ? { ok: true, answer: unique }
        : { ok: false, error: tx('engine.invalid.choice') };
    }
    case 'datetime':
      return values.length === 1 ? parseDateTime(sanitizeText(values[0] as string), now) : invalidDate();
    case 'text':
    case 'attachments':
      return { ok: false, error: tx('engine.invalid.choice') };
  }
}

function parseYesNo(text: string): ParseResult {
  const folded = foldForMatch(text);
  if (YES.has(folded) || folded === '1') return { ok: true, answer: 'yes' };
  if (NO.has(folded) || folded === '2') return { ok: true, answer: 'no' };
  return { ok: false, error: tx('engine.invalid.yesno') };
}

function matchChoice(choices: Choice[], token: string, language: Language): Choice | undefined {
  const folded = foldForMatch(token);
  if (/^\d+$/.test(folded)) return choices[Number(folded) - 1];
  return choices.find((choice) => {
    if (foldForMatch(choice.value.replace(/_/g, ' ')) === folded) return true;
    const labels = (['sv', 'en'] as const).map((lang) => foldForMatch(translate(lang, choice.label)));
    // The member's own language first, but a word from the other language is understood too.
    return labels.includes(folded) || foldForMatch(translate(language, choice.label)).startsWith(folded + ' ');
  });
}

function parseSingle(choices: Choice[], text: string, language: Language): ParseResult {
  const choice = matchChoice(choices, text, language);
  return choice ? { ok: true, answer: choice.value } : { ok: false, error: tx('engine.invalid.choice') };
}

function parseMulti(choices: Choice[], text: string, language: Language): ParseResult {
  const whole = matchChoice(choices, text, language);
  if (whole) return { ok: true, answer: [whole.value] };
  // Parts first, so labels of several words ("sociala medier, sms") are matched whole; then words ("1 3", "hot sms").
  const parts = text
    .split(/,|;|\s+och\s+|\s+and\s+/i)
    .map((s) => s.trim())
    .filter(Boolean);
  const values: string[] = [];
  for (const part of parts) {
    const whole = matchChoice(choices, part, language);
    const found = whole ? [whole] : part.split(/\s+/).map((token) => matchChoice(choices, token, language));
    for (const choice of found) {
      if (!choice) return { ok: false, error: tx('engine.invalid.multi') };
      if (!values.includes(choice.value)) values.push(choice.value);
    }
  }
  return values.length > 0 ? { ok: true, answer: values } : { ok: false, error: tx('engine.invalid.multi') };
}

const STOCKHOLM_DATE = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Europe/Stockholm',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The calendar date in Stockholm, as YYYY-MM-DD. */
export function stockholmDate(at: Date): string {
  return STOCKHOLM_DATE.format(at);
}

function invalidDate(): ParseResult {
  return { ok: false, error: tx('engine.invalid.datetime') };
}

/**
 * A date-time answer is stored as `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM` (Stockholm time) when exact, or as the member's
 * own words when approximate ("förra veckan"). "idag/today", "igår/yesterday" and "nu/now" become dates, because the
 * words lose their meaning once the report is read on another day.
 */
function parseDateTime(text: string, now: Date): ParseResult {
  const folded = foldForMatch(text);
  if (folded === 'nu' || folded === 'just nu' || folded === 'now' || folded === 'right now') {
    return { ok: true, answer: now.toISOString() };
  }
  if (folded === 'idag' || folded === 'i dag' || folded === 'today') return { ok: true, answer: stockholmDate(now) };
  if (folded === 'igar' || folded === 'i gar' || folded === 'yesterday') {
    return { ok: true, answer: stockholmDate(new Date(now.getTime() - 24 * 3600 * 1000)) };
  }
  const exact = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2}))?$/.exec(text);
  if (exact) {
    const [, y, m, d, hh, mm] = exact;
    const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d), Number(hh ?? 0), Number(mm ?? 0)));
    const valid =
      date.getUTCFullYear() === Number(y) &&
      date.getUTCMonth() === Number(m) - 1 &&
      date.getUTCDate() === Number(d) &&
      Number(hh ?? 0) < 24 &&
      Number(mm ?? 0) < 60;
    if (!valid) return invalidDate();
    if (date.getTime() > now.getTime() + 48 * 3600 * 1000) return { ok: false, error: tx('engine.invalid.future') };
    return { ok: true, answer: hh === undefined ? `${y}-${m}-${d}` : `${y}-${m}-${d}T${hh}:${mm}` };
  }
  if (text.length > 500) return { ok: false, error: tx('engine.invalid.too_long', { max: 500, length: text.length }) };
  return { ok: true, answer: text };
}
