const TIME = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', hour: '2-digit', minute: '2-digit' });
const DATE_TIME = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Europe/Stockholm',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
});
const DATE = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Europe/Stockholm',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** "14:02" in Stockholm time: how the alert says when a case was taken. */
export function clockTime(iso: string): string {
  return TIME.format(new Date(iso));
}

/** "2026-11-23 14:02" in Stockholm time. */
export function dateTime(iso: string): string {
  return DATE_TIME.format(new Date(iso));
}

/** "2026-11-23" in Stockholm time. */
export function dateOnly(iso: string): string {
  return DATE.format(new Date(iso));
}
