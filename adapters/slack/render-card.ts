import type { types } from '@slack/bolt';
import type { Card, CardAction, CardField, CardSection } from '../../src/engine/prompt';
import { tx } from '../../src/engine/prompt';
import { translate } from '../../src/i18n/translate';
import { slackActionId } from './action-ids';
import { actionsBlocks, button, LIMITS, mrkdwn, plain, textSections, withinLimit } from './blocks';
import { modalKeyOf, modalSpecFor } from './modal';
import { esc, type RenderContext } from './render-context';

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

function fieldText(field: CardField, ctx: RenderContext): string {
  const value = esc(ctx, field.value);
  return `*${esc(ctx, field.label)}*\n${value.trim() === '' ? '-' : value}`;
}

function sectionBlocks(section: CardSection, ctx: RenderContext): types.KnownBlock[] {
  const texts = [
    ...(section.heading ? [`*${esc(ctx, section.heading)}*`] : []),
    ...(section.lines ?? []).map((line) => esc(ctx, line)),
  ];
  const fields = (section.fields ?? []).map((f) => fieldText(f, ctx));
  // A field longer than Slack allows for a field becomes text of its own, so the owner still reads all of it.
  const short = fields.filter((f) => f.length <= LIMITS.fieldText);
  const long = fields.filter((f) => f.length > LIMITS.fieldText);
  const blocks: types.SectionBlock[] = texts.length > 0 ? textSections(texts.join('\n')) : [];
  for (let i = 0; i < short.length; i += LIMITS.fieldsPerSection) {
    const group = short.slice(i, i + LIMITS.fieldsPerSection).map(mrkdwn);
    const last = blocks[blocks.length - 1];
    if (i === 0 && blocks.length === 1 && last && !last.fields) last.fields = group;
    else blocks.push({ type: 'section', fields: group });
  }
  blocks.push(...long.flatMap((text) => textSections(text)));
  const actions = (section.actions ?? []).map((a) => cardButton(a, ctx));
  const first = blocks[0];
  if (actions.length === 1 && first) {
    first.accessory = actions[0];
    return blocks;
  }
  return [...blocks, ...actionsBlocks(actions)];
}
