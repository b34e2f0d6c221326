// How times read in text is decided by the reader's language at render time (`time()` in engine/prompt.ts, formatted
// by i18n/format-time.ts). What stays here are the language-free forms the core computes with.

const TIME = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', hour: '2-digit', minute: '2-digit' });
const DATE = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Europe/Stockholm',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** "14:02" in Stockholm time: the same in Swedish and English, so it may travel in an error's details. */
export function clockTime(iso: string): string {
  return TIME.format(new Date(iso));
}

const HOUR_MS = 3_600_000;
/** Stockholm dates by UTC hour: Stockholm is a whole number of hours from UTC, so the hour decides the date. */
const datesByHour = new Map<number, string>();

/**
 * "2026-11-23", the Stockholm calendar date: a key (digest ids, due dates compared by day), not text to show. The
 * sweep asks it for every checklist item of every open case, and `Intl` formatting cost a tenth of a sweep; so the
 * date of each hour is formatted once (a bounded memo: an hour is one number).
 */
export function dateOnly(iso: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return DATE.format(new Date(iso));
  const hour = Math.floor(ms / HOUR_MS);
  let date = datesByHour.get(hour);
  if (date === undefined) {
    if (datesByHour.size >= 50_000) datesByHour.clear();
    date = DATE.format(new Date(hour * HOUR_MS));
    datesByHour.set(hour, date);
  }
  return date;
}
