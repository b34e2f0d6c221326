import type { Report } from '../domain/report';
import type { DialogDef, StepDef } from '../engine/dialog';
import { raw } from '../engine/prompt';
import type { Directory } from '../directory/directory';

/** The report as submitted, with the district the member chose when the directory did not know it. */
export interface ReportSubmission {
  report: Report;
  districtId?: string;
}

function districtStep(directory: Directory): StepDef {
  return {
    id: 'district',
    text: 'bot.district.question',
    hint: 'bot.district.hint',
    summaryLabel: 'bot.district.label',
    input: {
      type: 'single',
      choices: directory.districts().map((d) => ({ value: d.id, label: raw(d.name) })),
    },
    optional: false,
    when: (_answers, context) => context.districtKnown !== 'yes',
  };
}

/**
 * The report dialog with one more question, asked only when neither the directory nor the member's profile knows
 * their district: right after the emergency question, so 112 still comes first.
 */
export function withDistrictQuestion(dialog: DialogDef<Report>, directory: Directory): DialogDef<ReportSubmission> {
  const step = districtStep(directory);
  const steps = [...dialog.steps];
  steps.splice(1, 0, step);
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
export function districtDialog(directory: Directory): DialogDef<{ districtId: string }> {
  return {
    id: 'district',
    version: 1,
    steps: [{ ...districtStep(directory), when: undefined }],
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
}
