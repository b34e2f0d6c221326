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

/** "2026-11-23", the Stockholm calendar date: a key (digest ids, due dates compared by day), not text to show. */
export function dateOnly(iso: string): string {
  return DATE.format(new Date(iso));
}
