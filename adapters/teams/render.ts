import type { Language } from '../../src/domain/report';
import { ACTION, encodeAnswer, encodeControl } from '../../src/engine/actions';
import type { Card, CardSection, Choice, Control, MessagePrompt, Prompt } from '../../src/engine/prompt';
import { t, translate } from '../../src/i18n/translate';
import { actionData } from './action-data';
import { actionSet, cardActionElement, executeAction, inputIdSource, type InputIds } from './render-actions';
import { factSet, textElements, type AcElement, type TextStyle } from './render-text';

/** An Adaptive Card as Teams receives it. */
export interface AdaptiveCard {
  type: 'AdaptiveCard';
  $schema: string;
  /** 1.5: the first version with Universal Actions (Action.Execute) in Teams on every client. */
  version: '1.5';
  body: AcElement[];
  actions?: AcElement[];
  msteams: { width: 'Full' };
}

/**
 * Above this many choices a single-choice question becomes a radio list with an OK button: Teams folds buttons
 * beyond about six into a "…" menu, where a member on a phone would not find them.
 */
const MAX_CHOICE_BUTTONS = 5;

type Question = Extract<Prompt, { kind: 'question' }>;

/** Renders a neutral prompt in the recipient's language; all wording comes from the i18n catalogs. */
export function renderAdaptiveCard(prompt: Prompt, language: Language): AdaptiveCard {
  const nextId = inputIdSource();
  switch (prompt.kind) {
    case 'file':
      // The notifier adds the link to Vaktpost's copy of the file.
      return card(textElements(translate(language, prompt.text)));
    case 'message':
      return card(messageElements(prompt, language));
    case 'question':
      return card([
        ...(prompt.lead ?? []).flatMap((m) => messageElements(m, language)),
        ...questionBody(prompt, language),
        ...questionInputs(prompt, language, nextId),
      ]);
    case 'card':
      return renderCard(prompt.card, language, nextId);
  }
}

/** A plain message's text blocks (alone, or above a question); urgent words in the attention colour. */
function messageElements(prompt: MessagePrompt, language: Language): AcElement[] {
  return textElements(
    translate(language, prompt.text),
    prompt.tone === 'urgent' ? { color: 'Attention', weight: 'Bolder' } : {},
  );
}

function card(body: AcElement[], actions: AcElement[] = []): AdaptiveCard {
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    body,
    ...(actions.length > 0 ? { actions } : {}),
    // Full width keeps long report answers readable in a channel instead of a narrow bubble.
    msteams: { width: 'Full' },
  };
}

function questionBody(prompt: Question, language: Language): AcElement[] {
  const elements: AcElement[] = [];
  if (prompt.progress) {
    elements.push(...textElements(t(language, 'engine.progress', prompt.progress), { isSubtle: true }));
  }
  elements.push(...textElements(translate(language, prompt.text), { weight: 'Bolder' }));
  if (prompt.hint) elements.push(...textElements(translate(language, prompt.hint), { isSubtle: true }));
  return elements;
}

function answerButton(language: Language, stepId: string, choice: Choice): AcElement {
  return executeAction(
    translate(language, choice.label),
    actionData(ACTION.answer, encodeAnswer(stepId, choice.value)),
  );
}

function okButton(language: Language, stepId: string, ids: Parameters<typeof actionData>[2]): AcElement {
  return executeAction(t(language, 'teams.ok'), actionData(ACTION.answer, encodeAnswer(stepId, ''), ids), 'primary');
}

function choiceSet(language: Language, id: string, choices: Choice[], multi: boolean): AcElement {
  return {
    type: 'Input.ChoiceSet',
    id,
    style: 'expanded',
    isMultiSelect: multi,
    choices: choices.map((c) => ({ title: translate(language, c.label), value: c.value })),
  };
}

/** The answer widgets of a question, then its controls (back, skip, help, pause, cancel, done). */
function questionInputs(prompt: Question, language: Language, nextId: InputIds): AcElement[] {
  const { input, stepId } = prompt;
  const elements: AcElement[] = [];
  if (input.type === 'yesno') {
    const yesNo: Choice[] = [
      { value: 'yes', label: { key: 'common.yes' } },
      { value: 'no', label: { key: 'common.no' } },
    ];
    elements.push(actionSet(yesNo.map((c) => answerButton(language, stepId, c))));
  } else if (input.type === 'single' && input.choices.length <= MAX_CHOICE_BUTTONS) {
    elements.push(actionSet(input.choices.map((c) => answerButton(language, stepId, c))));
  } else if (input.type === 'single' || input.type === 'multi') {
    const id = nextId();
    const multi = input.type === 'multi';
    elements.push(choiceSet(language, id, input.choices, multi));
    // Whatever is ticked reaches the core as `values`, which it reads instead of the OK button's own value.
    elements.push(actionSet([okButton(language, stepId, { valuesId: id })]));
  } else if (input.type === 'datetime') {
    const dateId = nextId();
    const timeId = nextId();
    elements.push({ type: 'Input.Date', id: dateId, label: t(language, 'teams.date') });
    elements.push({ type: 'Input.Time', id: timeId, label: t(language, 'teams.time') });
    elements.push(actionSet([okButton(language, stepId, { dateId, timeId })]));
  } else if (input.type === 'attachments') {
    elements.push(...textElements(t(language, 'teams.attachments.how'), { isSubtle: true }));
  }
  if (prompt.controls.length > 0)
    elements.push(actionSet(prompt.controls.map((c) => controlButton(language, stepId, c))));
  return elements;
}

function controlButton(language: Language, stepId: string, control: Control): AcElement {
  return executeAction(
    t(language, `control.${control}`),
    actionData(ACTION.control, encodeControl(control, stepId)),
    control === 'done' ? 'primary' : undefined,
  );
}

const TITLE_STYLE: Record<Card['tone'], TextStyle> = {
  urgent: { weight: 'Bolder', size: 'Medium', color: 'Attention' },
  normal: { weight: 'Bolder', size: 'Medium' },
  done: { weight: 'Bolder', size: 'Medium', color: 'Good' },
};

/** A neutral card: title, lines, fields as a FactSet, sections in separated containers, actions at the bottom. */
function renderCard(c: Card, language: Language, nextId: InputIds): AdaptiveCard {
  const body: AcElement[] = [...textElements(translate(language, c.title), TITLE_STYLE[c.tone])];
  for (const line of c.lines ?? []) body.push(...textElements(translate(language, line)));
  if (c.fields && c.fields.length > 0) body.push(factSet(language, c.fields));
  for (const section of c.sections ?? []) {
    const items = sectionItems(section, language, nextId);
    if (items.length > 0) body.push({ type: 'Container', separator: true, items });
  }
  return card(
    body,
    (c.actions ?? []).map((a) => cardActionElement(language, a, nextId)),
  );
}

function sectionItems(section: CardSection, language: Language, nextId: InputIds): AcElement[] {
  const items: AcElement[] = [];
  if (section.heading) items.push(...textElements(translate(language, section.heading), { weight: 'Bolder' }));
  if (section.fields && section.fields.length > 0) items.push(factSet(language, section.fields));
  for (const line of section.lines ?? []) items.push(...textElements(translate(language, line)));
  if (section.actions && section.actions.length > 0) {
    items.push(actionSet(section.actions.map((a) => cardActionElement(language, a, nextId))));
  }
  return items;
}
