import { parseTypedAnswer } from '../../src/engine/parse-answer';
import { formatTime } from '../../src/i18n/format-time';

const when = (typed: string, now: string): unknown =>
  parseTypedAnswer({ type: 'datetime' }, typed, 'sv', new Date(now));

describe('relative dates are counted in Stockholm calendar days', () => {
  it.each([
    // 00:30 on the day the clocks go forward (29 March 2026, 02:00 → 03:00) and the day after.
    ['2026-03-28T23:30:00Z', 'igår', '2026-03-28'],
    ['2026-03-29T22:30:00Z', 'igår', '2026-03-29'],
    ['2026-03-29T22:30:00Z', 'i förrgår', '2026-03-28'],
    // 00:30 on the day the clocks go back (25 October 2026) and the day after.
    ['2026-10-24T22:30:00Z', 'yesterday', '2026-10-24'],
    ['2026-10-25T23:30:00Z', 'i går', '2026-10-25'],
    // 23:30 on New Year's Eve in Stockholm is still 31 December; ten past one is already the new year.
    ['2026-12-31T22:30:00Z', 'idag', '2026-12-31'],
    ['2027-01-01T00:10:00Z', 'igår', '2026-12-31'],
  ])('at %s, "%s" is %s', (now, typed, date) => {
    expect(when(typed, now)).toEqual({ ok: true, answer: date });
  });

  it('keeps the words of a part of the day beside the date', () => {
    expect(when('i morse', '2026-03-29T22:30:00Z')).toEqual({ ok: true, answer: '2026-03-30 (i morse)' });
    expect(when('igår kväll', '2026-03-29T22:30:00Z')).toEqual({ ok: true, answer: '2026-03-29 (igår kväll)' });
    expect(when('yesterday evening', '2026-03-29T22:30:00Z')).toEqual({
      ok: true,
      answer: '2026-03-29 (yesterday evening)',
    });
  });

  it('stores "nu" as the Stockholm wall time, summer time included', () => {
    expect(when('nu', '2026-03-29T22:30:00Z')).toEqual({ ok: true, answer: '2026-03-30T00:30' });
    expect(when('now', '2026-12-01T08:42:13.033Z')).toEqual({ ok: true, answer: '2026-12-01T09:42' });
  });
});

describe("times are shown in Stockholm time in the reader's language", () => {
  it('shows an instant in Stockholm time, in Swedish and English', () => {
    expect(formatTime('sv', '2026-12-01T08:42:13.033Z')).toBe('1 dec. 2026 kl. 09:42');
    expect(formatTime('en', '2026-12-01T08:42:13.033Z')).toBe('1 Dec 2026, 09:42');
    expect(formatTime('sv', '2026-07-01T08:42:00Z', 'clock')).toBe('10:42');
    expect(formatTime('en', '2026-07-01T23:42:00Z', 'date')).toBe('2 Jul 2026');
  });

  it('shows a stored wall time as it is, without shifting it', () => {
    expect(formatTime('sv', '2026-03-09T21:15')).toBe('9 mars 2026 kl. 21:15');
    expect(formatTime('en', '2026-03-09')).toBe('9 Mar 2026');
  });

  it("returns a person's own words untouched", () => {
    expect(formatTime('sv', 'förra veckan')).toBe('förra veckan');
  });
});
