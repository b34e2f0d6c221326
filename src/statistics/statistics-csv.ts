import type { Language } from '../domain/report';
import { t } from '../i18n/translate';
import { COLUMNS, type DisplayRow } from './display-statistics';

/** Quotes one CSV field: always in double quotes, inner quotes doubled (RFC 4180), so ; , and line breaks are safe. */
export function csvField(value: string): string {
  // A leading = + - @ would make a spreadsheet run it as a formula; a quote mark in front keeps it text.
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return `"${safe.replace(/"/g, '""')}"`;
}

/**
 * The displayed table as CSV for a spreadsheet: UTF-8 with a byte-order mark (so Excel reads å ä ö right), fields
 * separated by semicolons (what Excel expects with Swedish regional settings; LibreOffice asks or detects it), every
 * field quoted, CRLF line ends. The cells are the displayed ones, small numbers already shown as "< 5".
 */
export function statisticsCsv(rows: DisplayRow[], language: Language): string {
  const header = [t(language, 'stats.column.period'), t(language, 'stats.column.district')].concat(
    COLUMNS.map((c) => t(language, `stats.column.${c}`)),
  );
  const lines = [header, ...rows.map((r) => [r.period, r.district, ...COLUMNS.map((c) => r.cells[c])])];
  return `\uFEFF${lines.map((fields) => fields.map(csvField).join(';')).join('\r\n')}\r\n`;
}
