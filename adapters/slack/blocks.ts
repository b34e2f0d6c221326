import type { types } from '@slack/bolt';
import { chunk, fit } from './escape';

/** Slack's documented limits for the blocks we build. */
export const LIMITS = {
  sectionText: 3000,
  fieldText: 2000,
  fieldsPerSection: 10,
  headerText: 150,
  buttonText: 75,
  buttonValue: 2000,
  elementsPerActions: 25,
  optionText: 75,
  optionValue: 150,
  optionsPerCheckboxes: 10,
  messageBlocks: 50,
  viewBlocks: 100,
} as const;

/** Plain text, escaped and fitted. */
export function plain(text: string, max: number): types.PlainTextElement {
  return { type: 'plain_text', text: fit(text, max) || ' ', emoji: true };
}

/**
 * mrkdwn text that is already escaped (callers escape before adding their own `*bold*`). `verbatim` keeps Slack
 * from turning bare URLs, channel names and @names into links or mentions; text a person wrote never comes here
 * (see `plainSections`).
 */
export function mrkdwn(escaped: string): types.MrkdwnElement {
  return { type: 'mrkdwn', text: escaped || ' ', verbatim: true };
}

/** Escaped text that is shown exactly as written: `plain_text` sections, split at Slack's limit. */
export function plainSections(escaped: string): types.SectionBlock[] {
  return chunk(escaped, LIMITS.sectionText).map((piece) => ({
    type: 'section',
    text: { type: 'plain_text', text: piece || ' ', emoji: true },
  }));
}

/** A field shown exactly as written (label and value on two lines), for values a person wrote. */
export function plainField(escaped: string): types.PlainTextElement {
  const text = escaped.length <= LIMITS.fieldText ? escaped : `${escaped.slice(0, LIMITS.fieldText - 1)}…`;
  return { type: 'plain_text', text: text || ' ', emoji: true };
}

/** One or more sections holding already escaped mrkdwn, split so nothing is lost to the 3000-character limit. */
export function textSections(escaped: string): types.SectionBlock[] {
  return chunk(escaped, LIMITS.sectionText).map((piece) => ({ type: 'section', text: mrkdwn(piece) }));
}

/** A small grey line (hint, progress). */
export function context(escaped: string): types.ContextBlock {
  return { type: 'context', elements: [mrkdwn(escaped.slice(0, LIMITS.sectionText))] };
}

/** A button; the value is the core's, copied untouched (the core keeps its values far below Slack's 2000). */
export function button(actionId: string, label: string, value: string, style?: 'primary' | 'danger'): types.Button {
  return {
    type: 'button',
    action_id: actionId,
    text: plain(label, LIMITS.buttonText),
    value,
    ...(style ? { style } : {}),
  };
}

/** Actions blocks of at most 25 elements each. */
export function actionsBlocks(elements: types.ActionsBlockElement[]): types.ActionsBlock[] {
  const blocks: types.ActionsBlock[] = [];
  for (let i = 0; i < elements.length; i += LIMITS.elementsPerActions) {
    blocks.push({ type: 'actions', elements: elements.slice(i, i + LIMITS.elementsPerActions) });
  }
  return blocks;
}

/**
 * Keeps a message within the block limit: the head (title) and the tail (the buttons that matter, such as "Take
 * case") always stay; the middle is shortened and a note says so.
 */
export function withinLimit(
  head: types.KnownBlock[],
  body: types.KnownBlock[],
  tail: types.KnownBlock[],
  max: number,
  truncatedNote: string,
): types.KnownBlock[] {
  if (head.length + body.length + tail.length <= max) return [...head, ...body, ...tail];
  const room = Math.max(0, max - head.length - tail.length - 1);
  return [...head, ...body.slice(0, room), context(truncatedNote), ...tail].slice(0, max);
}
