import type { Language } from '../domain/report';

const options = (timeZone: string): Intl.DateTimeFormatOptions => ({ timeZone, dateStyle: 'full', timeStyle: 'short' });
const LOCALE: Record<Language, string> = { sv: 'sv-SE', en: 'en-GB' };
/** A time the member typed ("2026-03-08T21:15"): already Swedish wall-clock time, with no zone. */
const WALL_CLOCK = /^(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d)(?::(\d\d))?$/;

/**
 * "söndag 8 mars 2026 kl. 21:15" in Swedish local time: how a person says a moment aloud to the police, never an ISO
 * stamp. A stamp with a zone (the bot's own, UTC) is shown in Stockholm time; a time the member typed carries no zone
 * and is shown as typed. Returns null for a value that is not a time, so an oddity never becomes "Invalid Date".
 */
export function spokenDateTime(iso: string, language: Language): string | null {
  const wall = WALL_CLOCK.exec(iso);
  if (wall) {
    const [, y, mo, d, h, mi, s] = wall.map(Number) as [number, number, number, number, number, number, number];
    const at = new Date(Date.UTC(y, mo - 1, d, h, mi, Number.isNaN(s) ? 0 : s));
    return Number.isNaN(at.getTime()) ? null : new Intl.DateTimeFormat(LOCALE[language], options('UTC')).format(at);
  }
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return null;
  return new Intl.DateTimeFormat(LOCALE[language], options('Europe/Stockholm')).format(at);
}
