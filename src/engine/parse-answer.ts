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

/** A choice's value and labels folded for matching; choices are the dialogs' own constants, so kept per choice. */
interface FoldedChoice {
  value: string;
  sv: string;
  en: string;
}
const foldedChoices = new WeakMap<Choice, FoldedChoice>();
function foldedChoice(choice: Choice): FoldedChoice {
  let found = foldedChoices.get(choice);
  if (!found) {
    found = {
      value: foldForMatch(choice.value.replace(/_/g, ' ')),
      sv: foldForMatch(translate('sv', choice.label)),
      en: foldForMatch(translate('en', choice.label)),
    };
    foldedChoices.set(choice, found);
  }
  return found;
}

function matchChoice(choices: Choice[], token: string, language: Language): Choice | undefined {
  const folded = foldForMatch(token);
  if (/^\d+$/.test(folded)) return choices[Number(folded) - 1];
  return choices.find((choice) => {
    const known = foldedChoice(choice);
    if (known.value === folded) return true;
    // The member's own language first, but a word from the other language is understood too.
    return known.sv === folded || known.en === folded || known[language].startsWith(folded + ' ');
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

const STOCKHOLM_PARTS = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Europe/Stockholm',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

function stockholmParts(at: Date): Record<'year' | 'month' | 'day' | 'hour' | 'minute', string> {
  const parts = Object.fromEntries(STOCKHOLM_PARTS.formatToParts(at).map((p) => [p.type, p.value]));
  return {
    year: parts.year ?? '',
    month: parts.month ?? '',
    day: parts.day ?? '',
    hour: parts.hour ?? '',
    minute: parts.minute ?? '',
  };
}

/** The calendar date in Stockholm, as YYYY-MM-DD. */
export function stockholmDate(at: Date): string {
  const { year, month, day } = stockholmParts(at);
  return `${year}-${month}-${day}`;
}

/**
 * The Stockholm calendar date `days` calendar days before `at`. Counted on the calendar, not in 24-hour steps, so
 * "igår" at 00:30 the day after the clocks were put forward is still yesterday's date.
 */
export function stockholmDaysBefore(at: Date, days: number): string {
  const { year, month, day } = stockholmParts(at);
  return new Date(Date.UTC(Number(year), Number(month) - 1, Number(day) - days)).toISOString().slice(0, 10);
}

/** The Stockholm wall time of `at` as the dialog stores exact times: YYYY-MM-DDTHH:MM. */
export function stockholmWallTime(at: Date): string {
  const { year, month, day, hour, minute } = stockholmParts(at);
  return `${year}-${month}-${day}T${hour}:${minute}`;
}

function invalidDate(): ParseResult {
  return { ok: false, error: tx('engine.invalid.datetime') };
}

/** Words for a day, as calendar days before today. */
const DAY_WORDS: Record<string, number> = {
  idag: 0,
  'i dag': 0,
  today: 0,
  igar: 1,
  'i gar': 1,
  yesterday: 1,
  forrgar: 2,
  'i forrgar': 2,
  'day before yesterday': 2,
  'the day before yesterday': 2,
};

/** Words for a part of a day: the date is fixed, the member's words are kept beside it. */
const PART_OF_DAY_WORDS: Record<string, number> = {
  'i morse': 0,
  'i formiddags': 0,
  'i eftermiddags': 0,
  'i kvall': 0,
  ikvall: 0,
  'i natt': 0,
  inatt: 0,
  'this morning': 0,
  'this afternoon': 0,
  'this evening': 0,
  tonight: 0,
  'last night': 1,
  'igar kvall': 1,
  'i gar kvall': 1,
  'igar morse': 1,
  'igar morgon': 1,
  'i gar morgon': 1,
  'yesterday morning': 1,
  'yesterday evening': 1,
  'yesterday afternoon': 1,
  'i forrgar kvall': 2,
};

/**
 * A date-time answer is stored as `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM` (Stockholm time) when exact, or as the member's
 * own words when approximate ("förra veckan"). "idag", "igår", "i förrgår", "nu" and their English words become dates,
 * because the words lose their meaning once the report is read on another day; "i morse" keeps its words beside the
 * date ("2026-03-10 (i morse)").
 */
function parseDateTime(text: string, now: Date): ParseResult {
  const folded = foldForMatch(text);
  if (folded === 'nu' || folded === 'just nu' || folded === 'now' || folded === 'right now') {
    return { ok: true, answer: stockholmWallTime(now) };
  }
  const days = DAY_WORDS[folded];
  if (days !== undefined) return { ok: true, answer: stockholmDaysBefore(now, days) };
  const partDays = PART_OF_DAY_WORDS[folded];
  if (partDays !== undefined) return { ok: true, answer: `${stockholmDaysBefore(now, partDays)} (${text})` };
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
