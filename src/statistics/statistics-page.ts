import type { Language } from '../domain/report';
import { escapeHtml } from '../export/render-html';
import { t } from '../i18n/translate';
import { PTU_GROUPS } from './compute-statistics';
import { COLUMNS, SMALL, WITHHELD } from './display-statistics';
import type { StatisticsView } from './statistics-service';
import { barChartSvg, type Bar } from './statistics-chart';

const STYLE = `
body { font-family: "DejaVu Sans", "Noto Sans", Arial, sans-serif; font-size: 11pt; color: #111; margin: 1.5rem; }
h1 { font-size: 17pt; margin: 0 0 0.3rem; }
.note { color: #444; max-width: 50rem; }
figure { margin: 1rem 0; }
table { border-collapse: collapse; font-size: 9pt; margin-top: 1rem; }
th, td { border: 1px solid #bbb; padding: 2px 5px; text-align: right; white-space: nowrap; }
th:nth-child(-n+2), td:nth-child(-n+2) { text-align: left; }
thead th { background: #eef2f6; vertical-align: bottom; white-space: normal; }
tr.all td { font-weight: bold; background: #f6f6f6; }
`;

const count = (shown: string): number => (shown === SMALL || shown === WITHHELD || shown === '' ? 0 : Number(shown));

/** The statistics as one page: two plain SVG bar charts and the whole table, small numbers already hidden. */
export function statisticsPage(view: StatisticsView, language: Language): string {
  const say = (key: string, params?: Record<string, string>): string => t(language, key, params);
  const totals = view.rows.filter((r) => r.districtId === null);
  const perPeriod: Bar[] = totals.map((r) => ({ label: r.period, value: count(r.cells.cases), shown: r.cells.cases }));
  const byGroup: Bar[] = [...PTU_GROUPS.map((g) => `ptu.${g}` as const), 'hate_crime' as const].map((column) => ({
    label: say(`stats.column.${column}`),
    value: count(view.total.cells[column]),
    shown: view.total.cells[column],
  }));
  const head = [
    say('stats.column.period'),
    say('stats.column.district'),
    ...COLUMNS.map((c) => say(`stats.column.${c}`)),
  ];
  const body = view.rows
    .map((r) => {
      const cells = [r.period, r.district, ...COLUMNS.map((c) => r.cells[c])].map((v) => `<td>${escapeHtml(v)}</td>`);
      return `<tr${r.districtId === null ? ' class="all"' : ''}>${cells.join('')}</tr>`;
    })
    .join('\n');
  const title = say('stats.page.title', { scope: view.scope });
  return `<!doctype html>
<html lang="${language}">
<head><meta charset="utf-8"><meta name="robots" content="noindex"><title>${escapeHtml(title)}</title>
<style>${STYLE}</style></head>
<body>
<h1>${escapeHtml(title)}</h1>
<p class="note">${escapeHtml(say('stats.card.range', { from: view.query.fromPeriod, to: view.query.toPeriod }))}
${escapeHtml(say('stats.page.legend', { small: SMALL, withheld: WITHHELD }))}</p>
<figure>${barChartSvg(say('stats.chart.per_period'), perPeriod)}</figure>
<figure>${barChartSvg(say('stats.chart.by_group'), byGroup)}</figure>
<table>
<thead><tr>${head.map((h) => `<th>${escapeHtml(h)}</th>`).join('')}</tr></thead>
<tbody>
${body}
</tbody>
</table>
</body>
</html>
`;
}
