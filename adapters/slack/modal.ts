import { createHash } from 'node:crypto';
import type { types } from '@slack/bolt';
import { z } from 'zod';
import type { Language } from '../../src/domain/report';
import type { CardAction } from '../../src/engine/prompt';
import { t, translate } from '../../src/i18n/translate';
import { LIMITS, plain } from './blocks';

/** The modal's callback_id: its submission becomes the pressed action with the typed or chosen input. */
export const MODAL_CALLBACK_ID = 'vaktpost_input';

/** Where modal descriptions are kept between rendering a button and its press (in the key-value store). */
export const MODAL_NAMESPACE = 'slack-modal';

const BLOCK_ID = 'input';
const ACTION_ID = 'value';

/**
 * What a button's modal asks for, already in the recipient's language. It is stored when the button is posted,
 * because a press brings back only action_id and value, and the modal must open at once with the trigger_id.
 */
export const modalSpecSchema = z.object({
  title: z.string(),
  label: z.string(),
  required: z.boolean(),
  maxLength: z.number().int().positive().optional(),
  choices: z.array(z.object({ value: z.string(), label: z.string() })).optional(),
  submit: z.string(),
  close: z.string(),
  placeholder: z.string(),
});
export type ModalSpec = z.infer<typeof modalSpecSchema>;

/** The pressed button, carried through the modal in private_metadata. */
export const modalMetadataSchema = z.object({
  /** The core's action id. */
  a: z.string(),
  /** The core's value, untouched. */
  v: z.string(),
  /** The channel the button was pressed in, when not the DM. */
  c: z.string().optional(),
});
export type ModalMetadata = z.infer<typeof modalMetadataSchema>;

/** The modal description for a card action that needs input first. */
export function modalSpecFor(action: CardAction, language: Language): ModalSpec {
  const input = action.input;
  return {
    title: translate(language, action.label),
    label: input ? translate(language, input.label) : translate(language, action.label),
    required: input?.required ?? false,
    ...(input?.maxLength !== undefined ? { maxLength: input.maxLength } : {}),
    ...(input?.choices
      ? { choices: input.choices.map((c) => ({ value: c.value, label: translate(language, c.label) })) }
      : {}),
    submit: t(language, 'slack.modal.submit'),
    close: t(language, 'slack.modal.cancel'),
    placeholder: t(language, 'slack.modal.choose'),
  };
}

/** A short, stable key for a description: the same description is stored once however often it is posted. */
export function modalKeyOf(spec: ModalSpec): string {
  return createHash('sha256').update(JSON.stringify(spec)).digest('hex').slice(0, 16);
}

/** The modal view for views.open. */
export function modalView(spec: ModalSpec, metadata: ModalMetadata): types.ModalView {
  const element: types.InputBlockElement = spec.choices
    ? {
        type: 'static_select',
        action_id: ACTION_ID,
        placeholder: plain(spec.placeholder, LIMITS.optionText),
        options: spec.choices.slice(0, 100).map((c) => ({ text: plain(c.label, LIMITS.optionText), value: c.value })),
      }
    : {
        type: 'plain_text_input',
        action_id: ACTION_ID,
        multiline: true,
        max_length: Math.min(spec.maxLength ?? 3000, 3000),
      };
  return {
    type: 'modal',
    callback_id: MODAL_CALLBACK_ID,
    title: plain(spec.title, 24),
    submit: plain(spec.submit, 24),
    close: plain(spec.close, 24),
    private_metadata: JSON.stringify(metadata),
    blocks: [{ type: 'input', block_id: BLOCK_ID, optional: !spec.required, label: plain(spec.label, 2000), element }],
  };
}

/** What the member typed or chose in the modal's one input, from view.state.values. */
export function modalInput(values: Record<string, Record<string, unknown>>): string | undefined {
  const state = values[BLOCK_ID]?.[ACTION_ID] as
    { value?: string | null; selected_option?: { value?: string } | null } | undefined;
  if (!state) return undefined;
  return state.selected_option?.value ?? state.value ?? undefined;
}
