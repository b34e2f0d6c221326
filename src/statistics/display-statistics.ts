import type { Language } from '../domain/report';
import {
  COUNT_COLUMNS,
  DERIVED_COLUMNS,
  type CountColumn,
  type DerivedColumn,
  type StatisticsRow,
} from './compute-statistics';

/** Every column of the displayed table, in order. */
export const COLUMNS = [...COUNT_COLUMNS, ...DERIVED_COLUMNS] as const;
export type Column = CountColumn | DerivedColumn;

/** What a cell of 1–4 cases shows, so that no one can be recognised. */
export const SMALL = '< 5';
/**
 * What a cell shows that is withheld only so that a small number cannot be worked out from the total of all districts
 * (secondary suppression): when a single district's cell in a period is under 5, one more is hidden.
 */
export const WITHHELD = '..';

/** A row as people read it: the period, the district's name (or "all districts"), each cell as text. */
export interface DisplayRow {
  period: string;
  district: string;
  /** The raw district id, or null for all districts (for the chart). */
  districtId: string | null;
  cells: Record<Column, string>;
}

const small = (n: number): boolean => n > 0 && n < 5;
const LOCALE: Record<Language, string> = { sv: 'sv-SE', en: 'en-GB' };

/**
 * Formats rows for people: counts of 1–4 read "< 5"; a share is shown only when neither the reported nor the
 * unreported cases behind it are 1–4; a median only when it rests on at least five cases; and in each period, when
 * exactly one district has a count of 1–4 in a column, the next smallest district's count there is withheld too, so
 * the small one cannot be worked out from the total. Zero is shown as 0: it says nothing about anyone.
 */
export function displayRows(
  rows: StatisticsRow[],
  districtName: (districtId: string) => string,
  allDistricts: string,
  language: Language,
): DisplayRow[] {
  const number = new Intl.NumberFormat(LOCALE[language], { maximumFractionDigits: 1 });
  const percent = new Intl.NumberFormat(LOCALE[language], { style: 'percent', maximumFractionDigits: 0 });
  const withheld = secondarySuppression(rows);
  return rows.map((row, index) => {
    const cells = {} as Record<Column, string>;
    for (const column of COUNT_COLUMNS) {
      const n = row.counts[column];
      cells[column] = small(n) ? SMALL : withheld.has(`${index}:${column}`) ? WITHHELD : String(n);
    }
    const reported = row.counts.police_reported;
    const share = row.derived.police_share;
    cells.police_share =
      share === null ? '' : small(reported) || small(row.counts.cases - reported) ? SMALL : percent.format(share);
    const take = row.derived.take_median_hours;
    cells.take_median_hours = take === null ? '' : row.medianBase.take < 5 ? SMALL : number.format(take);
    const followup = row.derived.followup_median_days;
    cells.followup_median_days = followup === null ? '' : row.medianBase.followup < 5 ? SMALL : number.format(followup);
    return {
      period: row.period,
      district: row.districtId === null ? allDistricts : districtName(row.districtId),
      districtId: row.districtId,
      cells,
    };
  });
}

/** `row:column` of the district cells to withhold beside a lone small cell of the same period and column. */
function secondarySuppression(rows: StatisticsRow[]): Set<string> {
  const withheld = new Set<string>();
  const byPeriod = new Map<string, number[]>();
  rows.forEach((row, index) => {
    if (row.districtId === null) return;
    byPeriod.set(row.period, [...(byPeriod.get(row.period) ?? []), index]);
  });
  for (const indexes of byPeriod.values()) {
    for (const column of COUNT_COLUMNS) {
      const smallOnes = indexes.filter((i) => small(rows[i]?.counts[column] ?? 0));
      if (smallOnes.length !== 1) continue;
      const others = indexes
        .filter((i) => (rows[i]?.counts[column] ?? 0) >= 5)
        .sort((a, b) => (rows[a]?.counts[column] ?? 0) - (rows[b]?.counts[column] ?? 0));
      const next = others[0];
      if (next !== undefined) withheld.add(`${next}:${column}`);
    }
  }
  return withheld;
}
