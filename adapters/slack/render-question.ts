import type { types } from '@slack/bolt';
import { ACTION, encodeAnswer, encodeControl } from '../../src/engine/actions';
import type { Prompt } from '../../src/engine/prompt';
import { tx } from '../../src/engine/prompt';
import { translate } from '../../src/i18n/translate';
import { INPUT_ACTION, OK_SUFFIX, slackActionId } from './action-ids';
import { actionsBlocks, button, context, LIMITS, plain, textSections } from './blocks';
import { esc, type RenderContext } from './render-context';

type Question = Extract<Prompt, { kind: 'question' }>;

/**
 * A dialog question: the text, its hint, the answer input (buttons, checkboxes, date pickers or an upload hint;
 * free text is simply typed), the controls and the progress. Every answer button carries the core's value untouched.
 */
export function renderQuestion(q: Question, ctx: RenderContext): types.KnownBlock[] {
  const blocks: types.KnownBlock[] = [...textSections(esc(ctx, q.text))];
  if (q.hint) blocks.push(context(esc(ctx, q.hint)));
  blocks.push(...inputBlocks(q, ctx));
  const controls = q.controls.map((control) =>
    button(
      slackActionId(ACTION.control, ctx.next()),
      translate(ctx.language, tx(`control.${control}`)),
      encodeControl(control, q.stepId),
    ),
  );
  blocks.push(...actionsBlocks(controls));
  if (q.progress) blocks.push(context(esc(ctx, tx('engine.progress', { ...q.progress }))));
  return blocks;
}

function answerButton(q: Question, ctx: RenderContext, label: string, value: string): types.Button {
  return button(slackActionId(ACTION.answer, ctx.next()), label, encodeAnswer(q.stepId, value));
}

/** The OK button reads the message's checkboxes or pickers when pressed (their own changes are not answers). */
function okButton(q: Question, ctx: RenderContext): types.Button {
  return button(
    slackActionId(ACTION.answer, OK_SUFFIX),
    translate(ctx.language, tx('slack.ok')),
    encodeAnswer(q.stepId, ''),
    'primary',
  );
}

function inputBlocks(q: Question, ctx: RenderContext): types.KnownBlock[] {
  const input = q.input;
  switch (input.type) {
    case 'yesno':
      return actionsBlocks([
        answerButton(q, ctx, translate(ctx.language, tx('common.yes')), 'yes'),
        answerButton(q, ctx, translate(ctx.language, tx('common.no')), 'no'),
      ]);
    case 'single':
      return actionsBlocks(input.choices.map((c) => answerButton(q, ctx, translate(ctx.language, c.label), c.value)));
    case 'multi': {
      const groups: types.KnownBlock[] = [];
      for (let i = 0; i < input.choices.length; i += LIMITS.optionsPerCheckboxes) {
        const options = input.choices.slice(i, i + LIMITS.optionsPerCheckboxes).map((c) => ({
          text: plain(translate(ctx.language, c.label), LIMITS.optionText),
          value: c.value,
        }));
        groups.push({
          type: 'actions',
          elements: [{ type: 'checkboxes', action_id: `${INPUT_ACTION}#cb${i}`, options }],
        });
      }
      return [...groups, context(esc(ctx, tx('slack.multi.hint'))), { type: 'actions', elements: [okButton(q, ctx)] }];
    }
    case 'datetime':
      return [
        {
          type: 'actions',
          elements: [
            {
              type: 'datepicker',
              action_id: `${INPUT_ACTION}#date`,
              placeholder: plain(translate(ctx.language, tx('slack.datetime.date')), 150),
            },
            {
              type: 'timepicker',
              action_id: `${INPUT_ACTION}#time`,
              placeholder: plain(translate(ctx.language, tx('slack.datetime.time')), 150),
            },
            okButton(q, ctx),
          ],
        },
        context(esc(ctx, tx('slack.datetime.hint'))),
      ];
    case 'attachments':
      return [context(esc(ctx, tx('slack.attachments.hint')))];
    case 'text':
      return [];
  }
}
