import type { Language } from '../domain/report';

/** How a moment is shown: date and clock time, the date alone, or the clock time alone. */
export type TimeStyle = 'datetime' | 'date' | 'clock';

const LOCALE: Record<Language, string> = { sv: 'sv-SE', en: 'en-GB' };
const ZONE = 'Europe/Stockholm';

/** An instant carries its zone (`Z` or an offset); anything else is a wall time already in Stockholm. */
const INSTANT = /(Z|[+-]\d{2}:?\d{2})$/;
const WALL = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?)?$/;

const cache = new Map<string, Intl.DateTimeFormat>();
function formatter(language: Language, zone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${language}|${zone}|${JSON.stringify(options)}`;
  let found = cache.get(key);
  if (!found) {
    found = new Intl.DateTimeFormat(LOCALE[language], { ...options, timeZone: zone });
    cache.set(key, found);
  }
  return found;
}

const DATE: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'short', year: 'numeric' };
const CLOCK: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' };

/**
 * A time as a person reads it, in their language and in Stockholm time: "1 dec. 2026 kl. 09:42" / "1 Dec 2026,
 * 09:42". Instants (ISO with `Z` or an offset) are converted to Stockholm time; wall times as the dialog stores them
 * (`2026-03-09`, `2026-03-09T21:15`, already Stockholm time) are shown as they are. Anything else is returned as
 * given, so a person's own words ("förra veckan") are never lost.
 */
export function formatTime(language: Language, value: string, style: TimeStyle = 'datetime'): string {
  let date: Date;
  let zone = ZONE;
  if (INSTANT.test(value)) date = new Date(value);
  else if (WALL.test(value)) {
    // A wall time is read as UTC and shown in UTC, so no zone shifts it.
    date = new Date(`${value.length === 10 ? `${value}T00:00` : value}Z`);
    zone = 'UTC';
    if (value.length === 10 && style === 'datetime') style = 'date';
  } else return value;
  if (Number.isNaN(date.getTime())) return value;
  const day = formatter(language, zone, DATE).format(date);
  const clock = formatter(language, zone, CLOCK).format(date);
  if (style === 'date') return day;
  if (style === 'clock') return clock;
  return language === 'sv' ? `${day} kl. ${clock}` : `${day}, ${clock}`;
}
