import { VaktpostError } from '../domain/errors';
import type { Language } from '../domain/report';
import type { Directory } from '../directory/directory';
import type { Card, CardField } from '../engine/prompt';
import { raw, tx } from '../engine/prompt';
import type { ExportLinks } from '../export/export-links';
import type { ExportFile } from '../export/incident-export';
import { t } from '../i18n/translate';
import type { CaseRepository } from '../ports/case-repository';
import {
  computeStatistics,
  PTU_GROUPS,
  recentRange,
  totalRow,
  type Period,
  type StatisticsQuery,
} from './compute-statistics';
import { displayRows, SMALL, type DisplayRow } from './display-statistics';
import { statisticsCsv } from './statistics-csv';
import { statisticsPage } from './statistics-page';
import { statisticsRecordOf } from './statistics-record';

export interface StatisticsDeps {
  cases: CaseRepository;
  directory: Directory;
  links: ExportLinks;
}

/** Everything one viewer's statistics show: the scope, the range, the table and the total over the range. */
export interface StatisticsView {
  scope: string;
  query: StatisticsQuery;
  rows: DisplayRow[];
  total: DisplayRow;
}

/**
 * Statistics for the security contacts: the central contact sees all districts, a district's contact their own.
 * Only counts leave this class, with small numbers hidden (see `displayRows`); never a case, a name or a person.
 */
export class Statistics {
  constructor(private readonly deps: StatisticsDeps) {}

  /** The districts this user may count: all for the central contact, their own for a district contact. */
  scopeOf(userId: string): { districtIds: string[]; label: string } {
    const districts = this.deps.directory.districtsOfContact(userId);
    if (districts.length === 0) throw new VaktpostError('case.not_allowed', 'statistics are for security contacts');
    const central = this.deps.directory.isCentral(userId);
    return {
      districtIds: districts.map((d) => d.id),
      label: central ? '' : districts.map((d) => d.name).join(', '),
    };
  }

  /** The table for this user, over the recent periods of the given length. */
  async view(userId: string, period: Period, now: Date, language: Language): Promise<StatisticsView> {
    const scope = this.scopeOf(userId);
    const query: StatisticsQuery = { districtIds: scope.districtIds, period, ...recentRange(now, period) };
    const cases = await this.deps.cases.list({ districtIds: scope.districtIds });
    const records = cases.map(statisticsRecordOf);
    const name = (id: string): string => this.deps.directory.district(id)?.name ?? id;
    const all = t(language, 'stats.all_districts');
    const rows = displayRows(computeStatistics(records, query), name, all, language);
    const range = `${query.fromPeriod} – ${query.toPeriod}`;
    const [total] = displayRows([totalRow(records, query, range)], name, all, language);
    if (!total) throw new Error('statistics: no total row (a bug)');
    return { scope: scope.label || all, query, rows, total };
  }

  /** The chat summary: the range's totals by PTU group, ladder step and police report, with links to CSV and chart. */
  async summaryCard(userId: string, period: Period, now: Date, language: Language): Promise<Card> {
    const view = await this.view(userId, period, now, language);
    const cell = (column: keyof DisplayRow['cells']): CardField => ({
      label: tx(`stats.column.${column}`),
      value: raw(view.total.cells[column] || '–'),
    });
    const links = this.deps.links;
    const subject = period;
    return {
      title: tx('stats.card.title', { scope: view.scope }),
      tone: 'normal',
      lines: [
        tx('stats.card.range', { from: view.query.fromPeriod, to: view.query.toPeriod }),
        tx('stats.card.privacy', { small: SMALL }),
      ],
      fields: [cell('cases')],
      sections: [
        { heading: tx('stats.heading.ptu'), fields: [...PTU_GROUPS.map((g) => cell(`ptu.${g}`)), cell('hate_crime')] },
        {
          heading: tx('stats.heading.ladder'),
          fields: [
            cell('ladder.written_online'),
            cell('ladder.text_message'),
            cell('ladder.phone_call'),
            cell('ladder.letter_or_parcel'),
            cell('ladder.direct_contact'),
            cell('ladder.physical'),
            cell('ladder.none'),
          ],
        },
        {
          heading: tx('stats.heading.follow_up'),
          fields: [
            cell('police_reported'),
            cell('police_share'),
            cell('take_median_hours'),
            cell('followup_median_days'),
            cell('followup_within_14'),
          ],
        },
        {
          heading: tx('stats.heading.links'),
          lines: [
            tx('stats.links.chart', {
              url: raw(links.url(links.token('stats.html', userId, subject, now))),
            }),
            tx('stats.links.csv', { url: raw(links.url(links.token('stats.csv', userId, subject, now))) }),
            tx('stats.links.note', { minutes: links.minutes }),
          ],
        },
      ],
    };
  }

  /** The CSV or the chart page a verified link names; the scope is worked out again for the user now. */
  async open(kind: string, userId: string, subject: string, now: Date, language: Language): Promise<ExportFile> {
    const period = parsePeriod(subject);
    if (!period) throw new VaktpostError('export.link_invalid', 'not a statistics period');
    const view = await this.view(userId, period, now, language);
    const stamp = now.toISOString().slice(0, 10);
    if (kind === 'stats.csv') {
      return {
        contentType: 'text/csv; charset=utf-8',
        fileName: `vaktpost-statistik-${period}-${stamp}.csv`,
        body: Buffer.from(statisticsCsv(view.rows, language), 'utf8'),
      };
    }
    if (kind === 'stats.html') {
      return {
        contentType: 'text/html; charset=utf-8',
        fileName: `vaktpost-statistik-${period}-${stamp}.html`,
        body: Buffer.from(statisticsPage(view, language), 'utf8'),
      };
    }
    throw new VaktpostError('export.link_invalid', 'not a statistics link');
  }
}

/** "månad" / "kvartal" / "år" (or English, or the period ids) as a period; month when nothing is given, else null. */
export function parsePeriod(word: string | null | undefined): Period | null {
  const w = (word ?? '').trim().toLowerCase();
  if (['', 'month', 'månad', 'manad', 'm'].includes(w)) return 'month';
  if (['quarter', 'kvartal', 'q', 'k'].includes(w)) return 'quarter';
  if (['year', 'år', 'ar', 'y'].includes(w)) return 'year';
  return null;
}
