import type { Language } from '../../src/domain/report';
import type { CardAction } from '../../src/engine/prompt';
import { t, translate } from '../../src/i18n/translate';
import { actionData, type ActionData } from './action-data';
import type { AcElement } from './render-text';

/** Hands out input ids unique within one card (Adaptive Cards requires it, and a case card holds several forms). */
export type InputIds = () => string;

/** A fresh id source for one card. */
export function inputIdSource(): InputIds {
  let next = 0;
  return () => `in${++next}`;
}

/**
 * A button. We use Action.Execute (Universal Actions): Teams answers a press with an `adaptiveCard/action` invoke
 * whose HTTP response we control, so the client shows progress and keeps the member from tapping again while it
 * waits (Action.Submit posts a message and gives no such feedback, which on a slow phone invites double presses);
 * it behaves the same in a personal chat and in a channel, and carries its own delivery id for deduplication. The
 * verb is the core's action id. Microsoft's advice for clients without Universal Actions is an Action.Submit in
 * `fallback` with the same data; the adapter reads such a submit (a message with a `value`) the same way.
 */
export function executeAction(title: string, data: ActionData, style?: CardAction['style']): AcElement {
  const styled = style ? { style: style === 'primary' ? 'positive' : 'destructive' } : {};
  return {
    type: 'Action.Execute',
    title,
    verb: data.actionId,
    data,
    ...styled,
    fallback: { type: 'Action.Submit', title, data, ...styled },
  };
}

/**
 * A core CardAction as a button; one that needs input first becomes an Action.ShowCard holding the field and a send
 * button, so a note or a reason is typed on the card itself and travels with the press.
 */
export function cardActionElement(language: Language, action: CardAction, nextId: InputIds): AcElement {
  const title = translate(language, action.label);
  if (!action.input) return executeAction(title, actionData(action.id, action.value), action.style);
  const inputId = nextId();
  const { input } = action;
  const required = input.required ? { isRequired: true, errorMessage: t(language, 'teams.input.required') } : {};
  const field: AcElement = input.choices
    ? {
        type: 'Input.ChoiceSet',
        id: inputId,
        label: translate(language, input.label),
        style: 'compact',
        placeholder: t(language, 'teams.choose'),
        choices: input.choices.map((c) => ({ title: translate(language, c.label), value: c.value })),
        ...required,
      }
    : {
        type: 'Input.Text',
        id: inputId,
        label: translate(language, input.label),
        isMultiline: true,
        ...(input.maxLength ? { maxLength: input.maxLength } : {}),
        ...required,
      };
  return {
    type: 'Action.ShowCard',
    title,
    card: {
      type: 'AdaptiveCard',
      body: [field],
      actions: [
        executeAction(t(language, 'teams.send'), actionData(action.id, action.value, { inputId }), action.style),
      ],
    },
  };
}

/** Buttons laid out in the card body (e.g. beside one section). */
export function actionSet(actions: AcElement[]): AcElement {
  return { type: 'ActionSet', actions };
}
