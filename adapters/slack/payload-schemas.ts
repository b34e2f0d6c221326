import { z } from 'zod';

/**
 * The parts of Slack's payloads the adapter reads, as documented by Slack (Events API envelope, block_actions,
 * view_submission, global shortcut, slash command). Unknown fields pass through; a payload missing what we need is
 * ignored rather than guessed at.
 */
const stateValues = z.record(z.string(), z.record(z.string(), z.unknown()));

const slackUser = z.object({ id: z.string().min(1), name: z.string().optional(), username: z.string().optional() });

export const slackFileSchema = z.object({
  id: z.string().min(1),
  name: z.string().nullish(),
  title: z.string().nullish(),
  mimetype: z.string().nullish(),
  permalink: z.string().nullish(),
  /** Where the file is downloaded with the bot token (`files:read`). */
  url_private_download: z.string().nullish(),
  url_private: z.string().nullish(),
});

export const eventEnvelopeSchema = z.object({
  type: z.literal('event_callback'),
  event_id: z.string().min(1),
  /** Only its type: the event itself is checked by the schema of that type (parse.ts), not copied here first. */
  event: z.object({ type: z.string() }),
});

export const messageEventSchema = z.object({
  type: z.literal('message'),
  channel: z.string(),
  channel_type: z.string().optional(),
  user: z.string().optional(),
  bot_id: z.string().optional(),
  subtype: z.string().optional(),
  text: z.string().optional(),
  files: z.array(slackFileSchema).optional(),
});

export const homeOpenedEventSchema = z.object({
  type: z.literal('app_home_opened'),
  user: z.string().min(1),
  tab: z.string().optional(),
});

export const blockActionsSchema = z.object({
  type: z.literal('block_actions'),
  user: slackUser,
  trigger_id: z.string().optional(),
  container: z
    .object({ type: z.string(), channel_id: z.string().optional(), message_ts: z.string().optional() })
    .optional(),
  channel: z.object({ id: z.string() }).optional(),
  view: z.looseObject({ type: z.string() }).optional(),
  state: z.object({ values: stateValues }).optional(),
  actions: z
    .array(z.object({ action_id: z.string(), type: z.string(), action_ts: z.string(), value: z.string().optional() }))
    .min(1),
});

export const viewSubmissionSchema = z.object({
  type: z.literal('view_submission'),
  user: slackUser,
  view: z.object({
    id: z.string().min(1),
    callback_id: z.string(),
    private_metadata: z.string(),
    state: z.object({ values: stateValues }),
  }),
});

export const shortcutSchema = z.object({
  type: z.literal('shortcut'),
  callback_id: z.string(),
  action_ts: z.string(),
  trigger_id: z.string().optional(),
  user: slackUser,
});

export const slashCommandSchema = z.object({
  command: z.string(),
  text: z.string().optional(),
  user_id: z.string().min(1),
  user_name: z.string().optional(),
  trigger_id: z.string().min(1),
});
