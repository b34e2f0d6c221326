import type { Report } from '../../src/domain/report';
import type { ReportSubmission } from '../../src/cases/report-intake';
import type { DialogDef, StepDef } from '../../src/engine/dialog';
import { raw } from '../../src/engine/prompt';
import type { DialogPlugin } from '../../src/engine/registry';

/** A district the member can choose: the directory's id and name. */
export interface DistrictOption {
  id: string;
  name: string;
}

/**
 * The districts on offer: a list, or a function read each time the question is shown, so a district added to the
 * directory file (picked up without a restart) is offered at once.
 */
export type DistrictOptions = DistrictOption[] | (() => DistrictOption[]);

/** The service that remembers a chosen district (main.ts registers it under this name). */
export const DISTRICT_SERVICE = 'profile.district';

/**
 * The district question as a reusable step: asked only when neither the directory nor the member's profile knows
 * the district (the bot sets the session fact `districtKnown`).
 */
export function districtStep(districts: DistrictOptions): StepDef {
  const current = typeof districts === 'function' ? districts : () => districts;
  return {
    id: 'district',
    text: 'bot.district.question',
    hint: 'bot.district.hint',
    summaryLabel: 'bot.district.label',
    input: {
      type: 'single',
      // A getter: the choices (shown and accepted) are the directory's districts at the moment of asking.
      get choices() {
        return current().map((d) => ({ value: d.id, label: raw(d.name) }));
      },
    },
    optional: false,
    when: (_answers, context) => context.districtKnown !== 'yes',
  };
}

/**
 * The report dialog with the district question right after the emergency question, so 112 still comes first; the
 * result carries the chosen district beside the report.
 */
export function withDistrictQuestion(
  dialog: DialogDef<Report>,
  districts: DistrictOptions,
): DialogDef<ReportSubmission> {
  const steps = [...dialog.steps];
  steps.splice(1, 0, districtStep(districts));
  return {
    ...dialog,
    steps,
    finish(answers, context, language) {
      const { district, ...rest } = answers;
      const inner = dialog.finish(rest, context, language);
      if (!inner.ok) return inner;
      if (context.districtKnown !== 'yes' && typeof district !== 'string')
        return { ok: false, missingStepIds: ['district'] };
      return {
        ok: true,
        result: { report: inner.result, ...(typeof district === 'string' ? { districtId: district } : {}) },
      };
    },
    afterSubmit: (submission) => dialog.afterSubmit(submission.report),
  };
}

/** A one-question dialog to change the remembered district ("distrikt" / "district"). */
export function districtPlugin(districts: DistrictOptions): DialogPlugin {
  const dialog: DialogDef<{ districtId: string }> = {
    id: 'district',
    version: 1,
    steps: [{ ...districtStep(districts), when: undefined }],
    intro: [],
    skipSummary: true,
    summaryTitle: 'bot.district.label',
    migrate: () => null,
    finish: (answers) =>
      typeof answers.district === 'string'
        ? { ok: true, result: { districtId: answers.district } }
        : { ok: false, missingStepIds: ['district'] },
    afterSubmit: () => [],
  };
  return {
    dialog,
    service: DISTRICT_SERVICE,
    name: 'bot.district.name',
    start: { words: { sv: ['distrikt', 'byt distrikt'], en: ['district', 'change district'] } },
    priority: 10,
  };
}
