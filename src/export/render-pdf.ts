import PDFDocument from 'pdfkit';
import type { IncidentReport } from './incident-report';

/**
 * DejaVu Sans from the `dejavu-fonts-ttf` package, embedded in every PDF: it has å, ä, ö (and every other letter a
 * Swedish name may hold), and nothing has to be downloaded or installed on the server.
 */
const FONT = {
  regular: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'),
  bold: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf'),
};

/** The incident report as an A4 PDF with the font embedded; resolves when the document is complete. */
export function renderIncidentPdf(report: IncidentReport): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 50, bottom: 50, left: 50, right: 50 },
    info: { Title: `${report.title} – ${report.subtitle}`, Author: 'Vaktpost', Creator: 'Vaktpost' },
    lang: report.language === 'sv' ? 'sv-SE' : 'en-GB',
    bufferPages: true,
  });
  doc.registerFont('regular', FONT.regular);
  doc.registerFont('bold', FONT.bold);
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  doc.font('bold').fontSize(18).text(report.title);
  doc.font('regular').fontSize(10).fillColor('#444444').text(report.subtitle).moveDown(1);
  doc.fillColor('#111111');
  report.answers.forEach((a, index) => {
    doc
      .font('bold')
      .fontSize(10.5)
      .text(`${index + 1}. ${a.question}`);
    doc.font('regular').fontSize(10.5);
    if (a.answer.length === 0) doc.fillColor('#777777').text('______________________________').fillColor('#111111');
    for (const line of a.answer) doc.text(line, { indent: 14 });
    doc.moveDown(0.6);
  });
  doc.moveDown(0.6).font('bold').fontSize(13).text(report.timelineHeading).moveDown(0.3);
  doc.font('regular').fontSize(9.5);
  for (const line of report.timeline) doc.text(`• ${line}`);

  // The footer on every page: who it was made for, and that it holds personal data.
  const range = doc.bufferedPageRange();
  for (let page = range.start; page < range.start + range.count; page += 1) {
    doc.switchToPage(page);
    // Below the bottom margin pdfkit would start a new page; the margin is lifted while the footer is written.
    const margin = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    const bottom = doc.page.height - margin + 14;
    doc
      .font('regular')
      .fontSize(8)
      .fillColor('#444444')
      .text(`${report.footer} · ${page + 1}/${range.count}`, doc.page.margins.left, bottom, {
        width: doc.page.width - doc.page.margins.left - doc.page.margins.right,
        lineBreak: false,
      });
    doc.page.margins.bottom = margin;
  }
  doc.end();
  return done;
}
