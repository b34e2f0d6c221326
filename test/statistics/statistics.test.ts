import { renderPrompt as renderSlack } from '../../adapters/slack/render';
import { renderAdaptiveCard } from '../../adapters/teams/render';
import { CATEGORIES, CHANNELS, ladderStepOf, type Category, type Channel } from '../../src/domain/categories';
import {
  COUNT_COLUMNS,
  computeStatistics,
  periodOf,
  type StatisticsQuery,
} from '../../src/statistics/compute-statistics';
import { displayRows, SMALL, WITHHELD } from '../../src/statistics/display-statistics';
import { statisticsCsv } from '../../src/statistics/statistics-csv';
import type { StatisticsRecord } from '../../src/statistics/statistics-record';
import { startTestApp, type TestApp } from '../support/app-harness';
import { makeReport } from '../support/fixtures';

/** A small seeded generator (mulberry32), so the 200 cases are the same on every run. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let x = Math.imul(a ^ (a >>> 15), 1 | a);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

const DISTRICTS = ['norrby', 'sjodal', 'vastby'];
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

function generate(count: number): StatisticsRecord[] {
  const next = random(14);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  return Array.from({ length: count }, () => {
    const created =
      Date.parse('2026-01-01T00:00:00.000Z') + Math.floor(next() * 180) * DAY + Math.floor(next() * 24) * HOUR;
    const categories = [...new Set<Category>([pick(CATEGORIES), ...(next() < 0.3 ? [pick(CATEGORIES)] : [])])];
    const channels = [...new Set<Channel>([pick(CHANNELS), ...(next() < 0.2 ? [pick(CHANNELS)] : [])])];
    const taken = next() < 0.8;
    const followup = taken && next() < 0.6;
    return {
      districtId: pick(DISTRICTS),
      createdAt: new Date(created).toISOString(),
      takenAt: taken ? new Date(created + Math.floor(next() * 48) * HOUR).toISOString() : null,
      followupAt: followup ? new Date(created + Math.floor(1 + next() * 25) * DAY).toISOString() : null,
      categories,
      hateCrime: next() < 0.15,
      channels,
      ladderStep: ladderStepOf(channels, categories),
      urgent: next() < 0.1,
      policeReported: next() < 0.4,
    };
  });
}

/** Counts one cell by hand: the plainest filter over the records, independent of the code under test. */
function handCount(records: StatisticsRecord[], period: string, districtId: string | null, column: string): number {
  const inCell = records.filter(
    (r) => periodOf(r.createdAt, 'month') === period && (districtId === null || r.districtId === districtId),
  );
  const has = (r: StatisticsRecord, ...categories: Category[]): boolean =>
    r.categories.some((c) => categories.includes(c));
  switch (column) {
    case 'cases':
      return inCell.length;
    case 'ptu.threats':
      return inCell.filter((r) => has(r, 'threat')).length;
    case 'ptu.harassment':
      return inCell.filter((r) => has(r, 'harassment', 'improper_influence')).length;
    case 'ptu.violence':
      return inCell.filter((r) => has(r, 'violence_person')).length;
    case 'ptu.vandalism':
      return inCell.filter((r) => has(r, 'violence_property', 'vandalism', 'theft')).length;
    case 'hate_crime':
      return inCell.filter((r) => r.hateCrime).length;
    case 'ladder.none':
      return inCell.filter((r) => r.ladderStep === null).length;
    case 'police_reported':
      return inCell.filter((r) => r.policeReported).length;
    case 'taken':
      return inCell.filter((r) => r.takenAt !== null).length;
    case 'followup_done':
      return inCell.filter((r) => r.followupAt !== null).length;
    case 'followup_within_14':
      return inCell.filter(
        (r) => r.followupAt !== null && Date.parse(r.followupAt) - Date.parse(r.createdAt) <= 14 * DAY,
      ).length;
    default:
      if (column.startsWith('ladder.')) return inCell.filter((r) => `ladder.${r.ladderStep}` === column).length;
      throw new Error(`no hand count for ${column}`);
  }
}

const ALL_2026: StatisticsQuery = {
  districtIds: DISTRICTS,
  period: 'month',
  fromPeriod: '2026-01',
  toPeriod: '2026-12',
};

describe('statistics', () => {
  it('counts 200 generated cases exactly as a hand count does, cell by cell', () => {
    const records = generate(200);
    const rows = computeStatistics(records, ALL_2026);
    const months = [...new Set(records.map((r) => periodOf(r.createdAt, 'month')))].sort();
    expect(months.length).toBeGreaterThanOrEqual(6);
    expect(rows.filter((r) => r.districtId === null).map((r) => r.period)).toEqual(months);
    expect(rows.filter((r) => r.districtId === null).reduce((sum, r) => sum + r.counts.cases, 0)).toBe(200);
    let cells = 0;
    for (const row of rows) {
      for (const column of COUNT_COLUMNS) {
        expect({ row: `${row.period} ${row.districtId}`, column, n: row.counts[column] }).toEqual({
          row: `${row.period} ${row.districtId}`,
          column,
          n: handCount(records, row.period, row.districtId, column),
        });
        cells += 1;
      }
    }
    expect(cells).toBeGreaterThan(400);
    // Medians by hand for one row.
    const row = rows.find((r) => r.districtId === 'norrby' && r.counts.taken >= 3);
    const hours = records
      .filter((r) => r.districtId === 'norrby' && periodOf(r.createdAt, 'month') === row?.period && r.takenAt)
      .map((r) => (Date.parse(r.takenAt as string) - Date.parse(r.createdAt)) / HOUR)
      .sort((a, b) => a - b);
    const mid = Math.floor(hours.length / 2);
    const expected = hours.length % 2 ? hours[mid] : ((hours[mid - 1] as number) + (hours[mid] as number)) / 2;
    expect(row?.derived.take_median_hours).toBe(expected);
    // A district contact's scope leaves other districts out entirely.
    const own = computeStatistics(records, { ...ALL_2026, districtIds: ['vastby'] });
    expect(new Set(own.map((r) => r.districtId))).toEqual(new Set([null, 'vastby']));
    expect(own.filter((r) => r.districtId === null).reduce((s, r) => s + r.counts.cases, 0)).toBe(
      records.filter((r) => r.districtId === 'vastby').length,
    );
  });

  it('shows a cell of 3 as "< 5", withholds the one beside it that would give it away, and keeps 0 and the total', () => {
    const base = generate(1)[0] as StatisticsRecord;
    const threat = (districtId: string, day: number): StatisticsRecord => ({
      ...base,
      districtId,
      createdAt: `2026-03-${String(day).padStart(2, '0')}T10:00:00.000Z`,
      categories: ['threat'],
      hateCrime: false,
      policeReported: false,
    });
    const records = [
      ...[1, 2, 3].map((d) => threat('vastby', d)),
      ...[1, 2, 3, 4, 5, 6, 7].map((d) => threat('norrby', d)),
      ...[8, 9, 10, 11, 12, 13, 14, 15, 16].map((d) => threat('sjodal', d)),
    ];
    const rows = displayRows(computeStatistics(records, ALL_2026), (id) => id, 'Alla distrikt', 'sv');
    const cell = (district: string, column: 'ptu.threats' | 'hate_crime' | 'police_share'): string | undefined =>
      rows.find((r) => r.district === district)?.cells[column];
    expect(cell('vastby', 'ptu.threats')).toBe(SMALL);
    expect(cell('vastby', 'ptu.threats')).toBe('< 5');
    expect(cell('norrby', 'ptu.threats')).toBe(WITHHELD);
    expect(cell('sjodal', 'ptu.threats')).toBe('9');
    expect(cell('Alla distrikt', 'ptu.threats')).toBe('19');
    expect(cell('vastby', 'hate_crime')).toBe('0');
    expect(cell('Alla distrikt', 'police_share')).toBe('0\u00a0%');
  });

  it('writes a CSV a spreadsheet opens: BOM, semicolons, every field quoted, CRLF, names with ; and " intact', () => {
    const records = generate(40);
    const rows = displayRows(
      computeStatistics(records, ALL_2026),
      (id) => (id === 'norrby' ? 'Norrby; "Övre"' : id),
      'Alla distrikt',
      'sv',
    );
    const csv = statisticsCsv(rows, 'sv');
    expect(csv.startsWith('\uFEFF"Period";"Distrikt";"Ärenden";"Hot"')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    const parsed = parseCsv(csv.slice(1));
    expect(parsed[0]?.length).toBe(2 + COUNT_COLUMNS.length + 3);
    expect(parsed.slice(1)).toEqual(rows.map((r) => [r.period, r.district, ...Object.values(r.cells)]));
    expect(parsed.some((line) => line[1] === 'Norrby; "Övre"')).toBe(true);
    expect(parsed.flat()).toContain('< 5');
  });
});

/** An RFC 4180 reader (with ; as separator), as a spreadsheet reads the file. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ';') {
      row.push(field);
      field = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i += 1;
    } else field += ch;
  }
  return rows;
}

describe('statistics in the chat', () => {
  let app: TestApp;
  const clock = { now: () => new Date('2026-03-20T09:00:00.000Z') };
  beforeEach(async () => {
    app = await startTestApp({ clock, listen: true });
    let n = 0;
    const submit = async (districtId: string, categories: Category[]) => {
      n += 1;
      await app.vaktpost.cases.submit(
        {
          id: `stats-${n}`,
          reporter: { userId: app.userId('mira'), displayName: 'Mira Medlem', address: app.dm('mira'), language: 'sv' },
          districtId,
          report: makeReport({ categories, police: { status: n % 2 ? 'reported' : 'not_contacted' } }),
          exposedUserId: app.userId('mira'),
        },
        new Date(`2026-03-${String(n).padStart(2, '0')}T08:00:00.000Z`),
      );
    };
    for (let i = 0; i < 6; i += 1) await submit('norrby', ['threat']);
    for (let i = 0; i < 3; i += 1) await submit('vastby', ['harassment']);
    await app.flush();
  });
  afterEach(() => app.close());

  it('gives a district contact their district, the central contact all, and a member nothing', async () => {
    await app.say('kim', 'statistik');
    const kim = app.notifier.lastTextOf(app.dm('kim'));
    expect(kim).toContain('Statistik – Norrby');
    expect(kim).toContain('Ärenden: 6');
    expect(kim).toContain('Hot: 6');
    expect(kim).toContain('Trakasserier: 0');
    expect(kim).not.toContain('Mira');

    await app.say('cecilia', 'statistik');
    const central = app.notifier.lastTextOf(app.dm('cecilia'));
    expect(central).toContain('Statistik – Alla distrikt');
    expect(central).toContain('Ärenden: 9');
    expect(central).toContain('Trakasserier: < 5');

    await app.say('mira', 'statistik');
    expect(app.notifier.lastTextOf(app.dm('mira'))).toContain('Statistiken är till för säkerhetsansvariga.');
    await app.say('kim', 'statistik vecka');
    expect(app.notifier.lastTextOf(app.dm('kim'))).toContain('statistik kvartal');
  });

  it('links a chart page with an SVG bar chart and a CSV, and renders as a Slack and a Teams card', async () => {
    await app.say('cecilia', 'statistik');
    const text = app.notifier.lastTextOf(app.dm('cecilia'));
    const chart = /Diagram och tabell: (\S+)/.exec(text)?.[1] ?? '';
    const csvUrl = /CSV för kalkylblad: (\S+)/.exec(text)?.[1] ?? '';
    const page = await fetch(chart);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('<svg');
    expect(html).toContain('Ärenden per period');
    expect(html).toContain('&lt; 5');
    const csv = await fetch(csvUrl);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const body = Buffer.from(await csv.arrayBuffer());
    expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(body.toString('utf8')).toContain('"2026-03";"Västby"');

    const card = app.notifier.to(app.dm('cecilia')).at(-1)?.message.prompt;
    if (!card) throw new Error('no card');
    expect(JSON.stringify(renderSlack(card, 'sv'))).toContain('Trakasserier');
    expect(JSON.stringify(renderAdaptiveCard(card, 'sv'))).toContain('< 5');
  });
});

describe('statistics asked for in a channel', () => {
  it("answers in the asker's direct messages, never in the channel", async () => {
    const app = await startTestApp();
    try {
      await app.bind('norrby');
      await app.turn({
        eventId: 'channel-stats-1',
        platform: 'console',
        address: 'console:channel:norrby',
        channelAddress: 'console:channel:norrby',
        isDirect: false,
        user: { id: app.userId('kim'), displayName: 'Kim Kontakt', locale: 'sv-SE' },
        text: 'statistik',
      });
      expect(app.notifier.lastTextOf(app.dm('kim'))).toContain('Statistik – Norrby');
      expect(app.notifier.textOf('console:channel:norrby')).not.toContain('Statistik');
    } finally {
      await app.close();
    }
  });
});
