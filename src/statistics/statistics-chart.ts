import { escapeHtml } from '../export/render-html';
import { SMALL } from './display-statistics';

/** One bar: its label, the number it stands for, and the text shown on it ("12", or "< 5"). */
export interface Bar {
  label: string;
  value: number;
  shown: string;
}

const WIDTH = 640;
const LABEL_WIDTH = 170;
const ROW = 26;

/**
 * A plain horizontal SVG bar chart. A bar whose number is hidden ("< 5") is drawn as an outline of a fixed small
 * length, so its true size cannot be read off the picture.
 */
export function barChartSvg(title: string, bars: Bar[]): string {
  const max = Math.max(5, ...bars.filter((b) => b.shown !== SMALL).map((b) => b.value));
  const height = 30 + bars.length * ROW;
  const scale = (WIDTH - LABEL_WIDTH - 60) / max;
  const rows = bars
    .map((bar, i) => {
      const y = 30 + i * ROW;
      const hidden = bar.shown === SMALL;
      const length = hidden ? 5 * scale : bar.value * scale;
      const rect = hidden
        ? `<rect x="${LABEL_WIDTH}" y="${y}" width="${length.toFixed(1)}" height="18" fill="none" stroke="#555" stroke-dasharray="4 3"/>`
        : `<rect x="${LABEL_WIDTH}" y="${y}" width="${length.toFixed(1)}" height="18" fill="#2d5f8b"/>`;
      return [
        `<text x="${LABEL_WIDTH - 8}" y="${y + 14}" text-anchor="end">${escapeHtml(bar.label)}</text>`,
        rect,
        `<text x="${(LABEL_WIDTH + length + 6).toFixed(1)}" y="${y + 14}">${escapeHtml(bar.shown)}</text>`,
      ].join('');
    })
    .join('\n');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" role="img" aria-label="${escapeHtml(title)}" font-family="DejaVu Sans, Arial, sans-serif" font-size="12">
<text x="0" y="16" font-weight="bold" font-size="14">${escapeHtml(title)}</text>
${rows}
</svg>`;
}
