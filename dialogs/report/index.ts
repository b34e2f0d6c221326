import type { Report } from '../../src/domain/report';
import type { DialogDef } from '../../src/engine/dialog';
import { finishReport, migrateReport } from './finish';
import { reportAfterSubmit, reportIntro } from './guidance';
import { detailSteps } from './steps-details';
import { essentialSteps } from './steps-essentials';
import { moreDetailSteps } from './steps-more-details';
import { whoSteps } from './steps-who';

export { REPORT_STEP_IDS, type ReportStepId } from './ids';

/**
 * The incident report (seed 003 Bilaga 4) as a dialog: the emergency question first, then who, what, how and when;
 * then the member may send at once or tell more, every further question optional.
 */
export const reportDialog: DialogDef<Report> = {
  id: 'report',
  // Version 2 renamed step `what` to `description`; see migrateReport.
  version: 2,
  steps: [
    ...whoSteps,
    ...essentialSteps,
    // The details are their own part: the progress line counts them afresh, under their own name.
    ...[...detailSteps, ...moreDetailSteps].map((step) => ({ ...step, part: 'report.part.details' })),
  ],
  intro: reportIntro,
  summaryTitle: 'report.summary_title',
  migrate: migrateReport,
  finish: finishReport,
  afterSubmit: reportAfterSubmit,
};
