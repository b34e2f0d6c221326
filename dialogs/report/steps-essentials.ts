import { CATEGORIES, CHANNELS } from '../../src/domain/categories';
import { tx } from '../../src/engine/prompt';
import { choices, textInput, type ReportStep } from './inputs';

/** VAD, HUR, NÄR: what a report needs at the least, then the choice to send now or tell more. */
export const essentialSteps: ReportStep[] = [
  {
    id: 'categories',
    text: 'report.categories.question',
    hint: 'report.categories.hint',
    summaryLabel: 'report.categories.label',
    input: { type: 'multi', choices: choices('report.category', CATEGORIES) },
    optional: false,
  },
  {
    id: 'description',
    text: 'report.description.question',
    hint: 'report.description.hint',
    help: 'report.description.help',
    summaryLabel: 'report.description.label',
    input: textInput(true),
    optional: false,
  },
  {
    id: 'channels',
    text: 'report.channels.question',
    hint: 'report.channels.hint',
    summaryLabel: 'report.channels.label',
    input: { type: 'multi', choices: choices('report.channel', CHANNELS) },
    optional: false,
  },
  {
    id: 'when',
    text: 'report.when.question',
    hint: 'report.when.hint',
    summaryLabel: 'report.when.label',
    input: { type: 'datetime' },
    optional: false,
  },
  {
    id: 'more',
    text: 'report.more.question',
    hint: 'report.more.hint',
    summaryLabel: 'report.more.label',
    summaryAction: 'report.more.summary_action',
    // The details are a new part with their own count: say so, and how to stop early.
    after: (answer) => (answer === 'tell_more' ? [{ kind: 'message', text: tx('report.more.details_intro') }] : []),
    input: { type: 'single', choices: choices('report.more.choice', ['submit_now', 'tell_more']) },
    optional: false,
  },
];
