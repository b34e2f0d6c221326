import type { DialogDef, StepDef } from '../../src/engine/dialog';
import type { Prompt } from '../../src/engine/prompt';
import { tx } from '../../src/engine/prompt';
import type { DialogPlugin } from '../../src/engine/registry';
import type { Answer, Answers } from '../../src/engine/session';
import type { RiskInventoryResult } from '../../src/inventory/inventory-record';
import { districtStep, type DistrictOptions } from '../district';
import { adviceNeeded, countRatings, RATED_STEP_IDS, RATINGS, type RatedStepId, type Rating } from './rule';

/** The service that sends an inventory to the district's security contacts (main.ts registers it by this name). */
export const INVENTORY_SERVICE = 'inventory';

const ratingStep = (id: RatedStepId): StepDef => ({
  id,
  text: `risk.q.${id}`,
  hint: 'risk.rating.hint',
  summaryLabel: `risk.label.${id}`,
  input: { type: 'single', choices: RATINGS.map((value) => ({ value, label: tx(`risk.rating.${value}`) })) },
  optional: false,
});

/** After the last rating: the seed's advice when the ratings call for it. Never "low risk, nothing to worry about". */
function adviceAfterLast(_answer: Answer, answers: Answers): Prompt[] {
  if (!adviceNeeded(answers)) return [];
  const { moderate, high } = countRatings(answers);
  return [
    {
      kind: 'card',
      card: {
        title: tx('risk.advice.title'),
        tone: 'normal',
        lines: [tx('risk.advice.counts', { moderate, high }), tx('risk.advice.measures'), tx('risk.advice.emergency')],
      },
    },
  ];
}

function steps(districts: DistrictOptions): StepDef[] {
  const rated = RATED_STEP_IDS.map(ratingStep);
  const last = rated[rated.length - 1];
  if (last) last.after = adviceAfterLast;
  const district = districtStep(districts);
  return [
    {
      id: 'activity',
      text: 'risk.q.activity',
      hint: 'risk.q.activity_hint',
      summaryLabel: 'risk.label.activity',
      input: { type: 'text', maxLength: 300, multiline: false },
      optional: false,
    },
    ...rated,
    {
      id: 'send',
      text: 'risk.q.send',
      hint: 'risk.q.send_hint',
      summaryLabel: 'risk.label.send',
      input: { type: 'yesno' },
      optional: false,
      when: (answers) => adviceNeeded(answers),
    },
    // The reusable district question, only when the inventory is to be sent and the district is not known.
    { ...district, when: (answers, context) => answers.send === 'yes' && context.districtKnown !== 'yes' },
  ];
}

/** The risk inventory before a meeting or public activity (seed 001 Riskinventering). */
export function riskInventoryDialog(districts: DistrictOptions): DialogDef<RiskInventoryResult> {
  return {
    id: 'risk-inventory',
    version: 1,
    steps: steps(districts),
    intro: [{ kind: 'message', text: tx('risk.intro') }],
    skipSummary: true,
    summaryTitle: 'risk.title',
    migrate: () => null,
    finish(answers) {
      const missing = ['activity', ...RATED_STEP_IDS].filter((id) => typeof answers[id] !== 'string');
      if (missing.length > 0) return { ok: false, missingStepIds: missing };
      const ratings = Object.fromEntries(RATED_STEP_IDS.map((id) => [id, answers[id] as Rating])) as Record<
        RatedStepId,
        Rating
      >;
      const advised = adviceNeeded(answers);
      return {
        ok: true,
        result: {
          activity: String(answers.activity),
          ratings,
          advised,
          send: advised && answers.send === 'yes',
          ...(typeof answers.district === 'string' ? { districtId: answers.district } : {}),
        },
      };
    },
    afterSubmit(result) {
      if (!result.advised) return [{ kind: 'message', text: tx('risk.no_advice') }];
      if (!result.send) return [{ kind: 'message', text: tx('risk.not_sent') }];
      return [];
    },
  };
}

/** The risk inventory as a plugin: started by its word or from the menu; the report ranks above it. */
export function riskInventoryPlugin(districts: DistrictOptions): DialogPlugin {
  return {
    dialog: riskInventoryDialog(districts),
    service: INVENTORY_SERVICE,
    name: 'risk.name',
    start: {
      words: { sv: ['riskinventering', 'riskinventera'], en: ['risk inventory'] },
      menu: { label: 'risk.menu', description: 'risk.menu_description', order: 1 },
    },
    priority: 20,
  };
}
