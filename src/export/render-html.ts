import type { IncidentReport } from './incident-report';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML: everything a person wrote is text, never markup. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (ch) => ESCAPES[ch] ?? ch);
}

const STYLE = `
@page { size: A4; margin: 18mm 16mm; }
body { font-family: "DejaVu Sans", "Noto Sans", Arial, sans-serif; font-size: 11pt; line-height: 1.4; color: #111;
  max-width: 46rem; margin: 1.5rem auto; padding: 0 1rem; }
h1 { font-size: 18pt; margin: 0 0 0.2rem; }
.subtitle { color: #444; margin: 0 0 1.2rem; }
ol.questions { padding-left: 1.4rem; }
ol.questions > li { margin: 0 0 0.9rem; break-inside: avoid; }
.question { font-weight: bold; }
.answer { margin: 0.2rem 0 0; white-space: pre-wrap; }
.blank { color: #777; border-bottom: 1px solid #999; display: inline-block; min-width: 12rem; }
h2 { font-size: 13pt; margin: 1.5rem 0 0.5rem; break-after: avoid; }
ul.timeline { padding-left: 1.2rem; }
footer { margin-top: 2rem; font-size: 9pt; color: #444; border-top: 1px solid #ccc; padding-top: 0.5rem; }
@media print { body { margin: 0; max-width: none; } }
`;

/** The incident report as one print-ready HTML page with no scripts and nothing loaded from elsewhere. */
export function renderIncidentHtml(report: IncidentReport): string {
  const items = report.answers
    .map((a) => {
      const answer =
        a.answer.length > 0
          ? a.answer.map((line) => `<p class="answer">${escapeHtml(line)}</p>`).join('')
          : '<p class="answer"><span class="blank">&nbsp;</span></p>';
      return `<li><p class="question">${escapeHtml(a.question)}</p>${answer}</li>`;
    })
    .join('\n');
  const timeline = report.timeline.map((line) => `<li>${escapeHtml(line)}</li>`).join('\n');
  return `<!doctype html>
<html lang="${report.language}">
<head>
<meta charset="utf-8">
<meta name="robots" content="noindex">
<title>${escapeHtml(report.title)} – ${escapeHtml(report.subtitle)}</title>
<style>${STYLE}</style>
</head>
<body>
<h1>${escapeHtml(report.title)}</h1>
<p class="subtitle">${escapeHtml(report.subtitle)}</p>
<ol class="questions">
${items}
</ol>
<h2>${escapeHtml(report.timelineHeading)}</h2>
<ul class="timeline">
${timeline}
</ul>
<footer>${escapeHtml(report.footer)}</footer>
</body>
</html>
`;
}
