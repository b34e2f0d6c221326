import type { Report } from '../../src/domain/report';
import type { DialogDef } from '../../src/engine/dialog';
import type { DialogPlugin } from '../../src/engine/registry';
import { withDistrictQuestion, type DistrictOptions } from '../district';
import { finishReport, migrateReport } from './finish';
import { reportAfterSubmit, reportIntro } from './guidance';
import { detailSteps } from './steps-details';
import { essentialSteps } from './steps-essentials';
import { moreDetailSteps } from './steps-more-details';
import { tailSteps } from './steps-tail';
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
    ...[...detailSteps, ...moreDetailSteps, ...tailSteps].map((step) => ({ ...step, part: 'report.part.details' })),
  ],
  intro: reportIntro,
  summaryTitle: 'report.summary_title',
  summaryTone: (answers) => (answers.emergency === 'yes' ? 'urgent' : 'normal'),
  migrate: migrateReport,
  finish: finishReport,
  afterSubmit: reportAfterSubmit,
};

/** The service that stores a submitted report as a case (main.ts registers it under this name). */
export const REPORT_SERVICE = 'cases.report';

/**
 * The report as a plugin: the primary dialog (a member who just writes is most likely here to report), started by
 * "rapportera" or the platform's report shortcut, and the highest priority: it always wins over an open dialog.
 */
export function reportPlugin(districts: DistrictOptions): DialogPlugin {
  return {
    dialog: withDistrictQuestion(reportDialog, districts),
    service: REPORT_SERVICE,
    name: 'report.name',
    start: {
      words: { sv: ['rapportera', 'rapport', 'ny rapport'], en: ['report', 'new report'] },
      menu: { label: 'bot.home.report', order: 0 },
      primary: true,
    },
    priority: 100,
  };
}
