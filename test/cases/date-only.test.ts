import { dateOnly } from '../../src/cases/format-time';

/**
 * `dateOnly` keeps the Stockholm date of each UTC hour (src/cases/format-time.ts). A digest's date and "due soon"
 * compare by it, so a wrong date around midnight or a change to or from summer time would send a reminder a day
 * early or late.
 */
const stockholm = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Europe/Stockholm',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

describe('the Stockholm date of a time', () => {
  it('is the calendar date in Stockholm every 7 minutes across both changes of summer time', () => {
    for (const [from, to] of [
      ['2026-03-28T18:00:00Z', '2026-03-30T06:00:00Z'],
      ['2026-10-24T18:00:00Z', '2026-10-26T06:00:00Z'],
      ['2026-12-31T20:00:00Z', '2027-01-01T04:00:00Z'],
    ] as const) {
      for (let ms = Date.parse(from); ms <= Date.parse(to); ms += 7 * 60_000) {
        const iso = new Date(ms).toISOString();
        expect([iso, dateOnly(iso)]).toEqual([iso, stockholm.format(new Date(ms))]);
      }
    }
  });

  it('reads times written with another offset as the moment they name', () => {
    expect(dateOnly('2026-11-23T23:30:00Z')).toBe('2026-11-24');
    expect(dateOnly('2026-11-24T04:15:00+05:30')).toBe('2026-11-23');
    expect(dateOnly('2026-11-24T05:15:00+05:30')).toBe('2026-11-24');
    expect(dateOnly('2026-06-30T22:30:00.000Z')).toBe('2026-07-01');
    expect(dateOnly('2026-06-30T21:59:59.999Z')).toBe('2026-06-30');
  });
});
