import type { Category } from '../domain/categories';
import { LADDER_STEPS, type LadderStep } from '../domain/categories';
import { dateOnly } from '../cases/format-time';
import type { StatisticsRecord } from './statistics-record';

/** The groups of Brå's politicians' survey (PTU) that the statistics count by, plus the hate-crime motive. */
export const PTU_GROUPS = ['threats', 'harassment', 'violence', 'vandalism'] as const;
export type PtuGroup = (typeof PTU_GROUPS)[number];

const PTU_OF: Record<Category, PtuGroup> = {
  threat: 'threats',
  harassment: 'harassment',
  improper_influence: 'harassment',
  violence_person: 'violence',
  violence_property: 'vandalism',
  vandalism: 'vandalism',
  theft: 'vandalism',
};

/** Brå's PTU group of a category (violence against property counts with vandalism, theft with it too). */
export function ptuGroupOf(category: Category): PtuGroup {
  return PTU_OF[category];
}

export type Period = 'month' | 'quarter' | 'year';

/** The columns of the table, in order: counts, then derived values. */
export const COUNT_COLUMNS = [
  'cases',
  ...PTU_GROUPS.map((g) => `ptu.${g}` as const),
  'hate_crime',
  ...LADDER_STEPS.map((s) => `ladder.${s}` as const),
  'ladder.none',
  'police_reported',
  'taken',
  'followup_done',
  'followup_within_14',
] as const;
export type CountColumn = (typeof COUNT_COLUMNS)[number];
export const DERIVED_COLUMNS = ['police_share', 'take_median_hours', 'followup_median_days'] as const;
export type DerivedColumn = (typeof DERIVED_COLUMNS)[number];

/** One row: a period and a district (or all districts in scope), with its raw counts and derived values. */
export interface StatisticsRow {
  period: string;
  /** The district, or null for the row of all districts in scope. */
  districtId: string | null;
  counts: Record<CountColumn, number>;
  /** Share reported to the police (0–1), median hours to take, median days to the first follow-up; null when none. */
  derived: Record<DerivedColumn, number | null>;
  /** How many values each median rests on. */
  medianBase: { take: number; followup: number };
}

export interface StatisticsQuery {
  /** The districts the viewer may see (all for the central contact). */
  districtIds: readonly string[];
  period: Period;
  /** The first and last period shown (inclusive), e.g. "2025-04" and "2026-03"; cases outside are left out. */
  fromPeriod: string;
  toPeriod: string;
}

/** The periods from the one `now` falls in back over `count` periods: 12 months, 8 quarters or 5 years. */
export function recentRange(now: Date, period: Period): { fromPeriod: string; toPeriod: string } {
  const toPeriod = periodOf(now.toISOString(), period);
  const year = Number(toPeriod.slice(0, 4));
  if (period === 'year') return { fromPeriod: String(year - 4), toPeriod };
  if (period === 'quarter') {
    const q = Number(toPeriod.slice(6)) - 1 + year * 4 - 7;
    return { fromPeriod: `${Math.floor(q / 4)}-Q${(q % 4) + 1}`, toPeriod };
  }
  const m = Number(toPeriod.slice(5, 7)) - 1 + year * 12 - 11;
  return { fromPeriod: `${Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`, toPeriod };
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const FOURTEEN_DAYS = 14 * DAY;

/** The period a moment falls in, by the Stockholm calendar: "2026-03", "2026-K1" / "2026-Q1", "2026". */
export function periodOf(iso: string, period: Period): string {
  const day = dateOnly(iso);
  const year = day.slice(0, 4);
  const month = Number(day.slice(5, 7));
  if (period === 'year') return year;
  if (period === 'quarter') return `${year}-Q${Math.floor((month - 1) / 3) + 1}`;
  return day.slice(0, 7);
}

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

function emptyCounts(): Record<CountColumn, number> {
  return Object.fromEntries(COUNT_COLUMNS.map((c) => [c, 0])) as Record<CountColumn, number>;
}

function rowOf(period: string, districtId: string | null, records: StatisticsRecord[]): StatisticsRow {
  const counts = emptyCounts();
  const takeHours: number[] = [];
  const followupDays: number[] = [];
  for (const r of records) {
    counts.cases += 1;
    // A case counts once per group however many of its categories fall in it.
    for (const group of new Set(r.categories.map(ptuGroupOf))) counts[`ptu.${group}`] += 1;
    if (r.hateCrime) counts.hate_crime += 1;
    counts[r.ladderStep ? (`ladder.${r.ladderStep}` as `ladder.${LadderStep}`) : 'ladder.none'] += 1;
    if (r.policeReported) counts.police_reported += 1;
    const created = Date.parse(r.createdAt);
    if (r.takenAt) {
      counts.taken += 1;
      takeHours.push((Date.parse(r.takenAt) - created) / HOUR);
    }
    if (r.followupAt) {
      counts.followup_done += 1;
      const ms = Date.parse(r.followupAt) - created;
      followupDays.push(ms / DAY);
      if (ms <= FOURTEEN_DAYS) counts.followup_within_14 += 1;
    }
  }
  return {
    period,
    districtId,
    counts,
    derived: {
      police_share: counts.cases > 0 ? counts.police_reported / counts.cases : null,
      take_median_hours: median(takeHours),
      followup_median_days: median(followupDays),
    },
    medianBase: { take: takeHours.length, followup: followupDays.length },
  };
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * Counts cases per period and district (and over all districts in scope) by Brå's PTU groups, the hate-crime motive,
 * the step on the threat ladder, police reports, and the times to take and to the first follow-up. Only counts and
 * aggregates come out, never a case or a person; hiding small numbers is left to the display ({@link displayTable}).
 */
export function computeStatistics(records: Iterable<StatisticsRecord>, query: StatisticsQuery): StatisticsRow[] {
  const allowed = new Set(query.districtIds);
  const groups = new Map<string, StatisticsRecord[]>();
  const periods = new Map<string, StatisticsRecord[]>();
  for (const r of records) {
    const period = periodOf(r.createdAt, query.period);
    if (!allowed.has(r.districtId) || period < query.fromPeriod || period > query.toPeriod) continue;
    const key = `${period}\u0000${r.districtId}`;
    push(groups, key, r);
    push(periods, period, r);
  }
  const rows: StatisticsRow[] = [];
  for (const period of [...periods.keys()].sort()) {
    rows.push(rowOf(period, null, periods.get(period) ?? []));
    for (const districtId of [...query.districtIds].sort()) {
      const inGroup = groups.get(`${period}\u0000${districtId}`);
      if (inGroup) rows.push(rowOf(period, districtId, inGroup));
    }
  }
  return rows;
}

/** The row over the whole range and every district in scope (the chat summary). */
export function totalRow(records: Iterable<StatisticsRecord>, query: StatisticsQuery, label: string): StatisticsRow {
  const allowed = new Set(query.districtIds);
  const inRange = [...records].filter((r) => {
    const period = periodOf(r.createdAt, query.period);
    return allowed.has(r.districtId) && period >= query.fromPeriod && period <= query.toPeriod;
  });
  return rowOf(label, null, inRange);
}
