import type { types } from '@slack/bolt';
import type { Card, CardAction, CardField, CardSection, Text } from '../../src/engine/prompt';
import { tx } from '../../src/engine/prompt';
import { translate } from '../../src/i18n/translate';
import { slackActionId } from './action-ids';
import {
  actionsBlocks,
  button,
  LIMITS,
  mrkdwn,
  plain,
  plainField,
  plainSections,
  textSections,
  withinLimit,
} from './blocks';
import { modalKeyOf, modalSpecFor } from './modal';
import { carriesUserText, esc, type RenderContext } from './render-context';

const TONE_EMOJI: Record<Card['tone'], string> = {
  urgent: ':rotating_light: ',
  normal: '',
  done: ':white_check_mark: ',
};

/**
 * A card as a header, field sections (at most ten fields each), text, and buttons. A section's single button sits
 * beside it as an accessory (the summary's "Change"); the card's own buttons come last and are never cut off.
 */
export function renderCard(card: Card, ctx: RenderContext, maxBlocks: number): types.KnownBlock[] {
  const title = `${TONE_EMOJI[card.tone]}${translate(ctx.language, card.title)}`;
  const head: types.KnownBlock[] = [{ type: 'header', text: plain(title, LIMITS.headerText) }];
  const body: types.KnownBlock[] = [
    ...sectionBlocks({ lines: card.lines ?? [], fields: card.fields ?? [] }, ctx),
    ...(card.sections ?? []).flatMap((section) => sectionBlocks(section, ctx)),
  ];
  const tail = actionsBlocks((card.actions ?? []).map((a) => cardButton(a, ctx)));
  return withinLimit(head, body, tail, maxBlocks, translate(ctx.language, tx('slack.truncated')));
}

/** A card button; one that needs input first names its stored modal in the action_id. */
export function cardButton(action: CardAction, ctx: RenderContext): types.Button {
  if (!action.input) {
    return button(
      slackActionId(action.id, ctx.next()),
      translate(ctx.language, action.label),
      action.value,
      action.style,
    );
  }
  const spec = modalSpecFor(action, ctx.language);
  const key = modalKeyOf(spec);
  ctx.modals.set(key, spec);
  return button(slackActionId(action.id, ctx.next(), key), spec.title, action.value, action.style);
}

/** One field: the label bold in mrkdwn, or, when a person wrote the value, label and value as plain text. */
function fieldElement(field: CardField, ctx: RenderContext): { text: string; element: types.TextObject } {
  const value = esc(ctx, field.value);
  const shown = value.trim() === '' ? '-' : value;
  if (carriesUserText(field.value) || carriesUserText(field.label)) {
    const text = `${esc(ctx, field.label)}\n${shown}`;
    return { text, element: plainField(text) };
  }
  const text = `*${esc(ctx, field.label)}*\n${shown}`;
  return { text, element: mrkdwn(text) };
}

/** Lines in order: runs of the core's own wording as mrkdwn, anything a person wrote as plain text. */
function lineBlocks(heading: string | null, lines: Text[], ctx: RenderContext): types.SectionBlock[] {
  const blocks: types.SectionBlock[] = [];
  let run: string[] = heading === null ? [] : [heading];
  const flush = (): void => {
    if (run.length > 0) blocks.push(...textSections(run.join('\n')));
    run = [];
  };
  for (const line of lines) {
    if (!carriesUserText(line)) {
      run.push(esc(ctx, line));
      continue;
    }
    flush();
    blocks.push(...plainSections(esc(ctx, line)));
  }
  flush();
  return blocks;
}

function sectionBlocks(section: CardSection, ctx: RenderContext): types.KnownBlock[] {
  const heading = section.heading ? `*${esc(ctx, section.heading)}*` : null;
  const fields = (section.fields ?? []).map((f) => fieldElement(f, ctx));
  // A field longer than Slack allows for a field becomes text of its own, so the owner still reads all of it.
  const short = fields.filter((f) => f.text.length <= LIMITS.fieldText);
  const long = fields.filter((f) => f.text.length > LIMITS.fieldText);
  const blocks: types.SectionBlock[] = lineBlocks(heading, section.lines ?? [], ctx);
  for (let i = 0; i < short.length; i += LIMITS.fieldsPerSection) {
    const group = short.slice(i, i + LIMITS.fieldsPerSection).map((f) => f.element);
    const last = blocks[blocks.length - 1];
    if (i === 0 && blocks.length === 1 && last && !last.fields && last.text?.type === 'mrkdwn') last.fields = group;
    else blocks.push({ type: 'section', fields: group });
  }
  blocks.push(...long.flatMap((f) => (f.element.type === 'plain_text' ? plainSections(f.text) : textSections(f.text))));
  const actions = (section.actions ?? []).map((a) => cardButton(a, ctx));
  const first = blocks[0];
  if (actions.length === 1 && first) {
    first.accessory = actions[0];
    return blocks;
  }
  return [...blocks, ...actionsBlocks(actions)];
}
