import type { DialogDef } from '../../src/engine/dialog';
import { tx } from '../../src/engine/prompt';
import type { DialogPlugin } from '../../src/engine/registry';
import { GUIDANCE_TOPICS, guidanceCard, guidanceOffer, isGuidanceTopic, type GuidanceTopic } from './topics';

export { GUIDANCE_TOPICS, guidanceCard, guidanceOffer, isGuidanceTopic, SHOW_GUIDANCE } from './topics';
export type { GuidanceTopic } from './topics';

/** The service that shows guidance cards on a button press (main.ts registers it by this name). */
export const GUIDANCE_SERVICE = 'guidance';

const TOPICS = Object.keys(GUIDANCE_TOPICS) as GuidanceTopic[];

/** One question, "what would you like to read about?", and the chosen card with the other topics as buttons. */
const guidanceDialog: DialogDef<{ topic: GuidanceTopic }> = {
  id: 'guidance',
  version: 1,
  steps: [
    {
      id: 'topic',
      text: 'guide.topic.question',
      hint: 'guide.topic.hint',
      summaryLabel: 'guide.topic.label',
      input: { type: 'single', choices: TOPICS.map((topic) => ({ value: topic, label: tx(`guide.${topic}.title`) })) },
      optional: false,
    },
  ],
  intro: [],
  skipSummary: true,
  summaryTitle: 'guide.menu',
  migrate: () => null,
  finish: (answers) =>
    typeof answers.topic === 'string' && isGuidanceTopic(answers.topic)
      ? { ok: true, result: { topic: answers.topic } }
      : { ok: false, missingStepIds: ['topic'] },
  afterSubmit: ({ topic }) => [
    { kind: 'card', card: guidanceCard(topic) },
    { kind: 'card', card: guidanceOffer(TOPICS.filter((t) => t !== topic)) },
  ],
};

/** Guidance as a short dialog, offered in App Home and the menu; the report and the inventory rank above it. */
export const guidancePlugin: DialogPlugin = {
  dialog: guidanceDialog,
  service: GUIDANCE_SERVICE,
  name: 'guide.name',
  start: {
    words: { sv: ['råd', 'checklista', 'tips'], en: ['advice', 'checklist', 'tips'] },
    menu: { label: 'guide.menu', description: 'guide.menu_description', order: 2 },
  },
  priority: 15,
};
