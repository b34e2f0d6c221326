import type { z } from 'zod';
import { ACTION } from '../../src/engine/actions';
import { isCommand } from '../../src/engine/command-words';
import type { IncomingTurn } from '../../src/engine/turn';
import { INPUT_ACTION, OK_SUFFIX, parseSlackActionId } from './action-ids';
import { unescapeSlack } from './escape';
import { MODAL_CALLBACK_ID, modalInput, modalMetadataSchema, type ModalMetadata } from './modal';
import {
  blockActionsSchema,
  eventEnvelopeSchema,
  homeOpenedEventSchema,
  messageEventSchema,
  shortcutSchema,
  slackFileSchema,
  slashCommandSchema,
  viewSubmissionSchema,
} from './payload-schemas';

/** The global shortcut's callback_id (manifest). */
export const REPORT_SHORTCUT = 'vaktpost_report';

/** A turn for the core, still without the user's name and locale (looked up after the ack). */
export type PendingTurn = Omit<IncomingTurn, 'user'>;

/** What a Slack payload asks for. `key` is the delivery's id: a repeat with the same key changes nothing. */
export type ParsedPayload =
  | { kind: 'ignore' }
  | { kind: 'turn'; key: string; slackUserId: string; fallbackName?: string; turn: PendingTurn }
  | { kind: 'modal'; key: string; slackUserId: string; triggerId: string; modalKey: string; metadata: ModalMetadata };

const IGNORE: ParsedPayload = { kind: 'ignore' };

const dm = (user: string) => `slack:dm:${user}`;

/** Reads any payload Bolt hands over (events, interactivity, shortcuts, slash commands). */
export function parseSlackPayload(body: unknown, botUserId?: string): ParsedPayload {
  const type = (body as { type?: unknown } | null)?.type;
  if (type === 'event_callback') return parseEvent(body, botUserId);
  if (type === 'block_actions') return parseBlockActions(body);
  if (type === 'view_submission') return parseViewSubmission(body);
  if (type === 'shortcut') return parseShortcut(body);
  if ((body as { command?: unknown } | null)?.command !== undefined) return parseCommand(body);
  return IGNORE;
}

function parseEvent(body: unknown, botUserId?: string): ParsedPayload {
  const envelope = eventEnvelopeSchema.safeParse(body);
  if (!envelope.success) return IGNORE;
  const key = `event:${envelope.data.event_id}`;
  // The event is checked once, by the schema of its type (the envelope checks only that it has one): trying the
  // Home tab's schema first made every message a failed parse before the one that fits.
  const event = (body as { event: unknown }).event;
  if (envelope.data.event.type === 'app_home_opened') {
    const home = homeOpenedEventSchema.safeParse(event);
    if (!home.success) return IGNORE;
    if (home.data.tab !== undefined && home.data.tab !== 'home') return IGNORE;
    const user = home.data.user;
    const turn: PendingTurn = {
      eventId: key,
      platform: 'slack',
      address: `slack:home:${user}`,
      isDirect: true,
      action: { id: 'bot:home', value: '' },
    };
    return { kind: 'turn', key, slackUserId: user, turn };
  }
  if (envelope.data.event.type !== 'message') return IGNORE;
  const message = messageEventSchema.safeParse(event);
  if (!message.success) return IGNORE;
  const m = message.data;
  // Only what a person wrote in the bot's DM: no bot posts (ours included), no edits, deletions or joins.
  const fromPerson = m.user !== undefined && m.bot_id === undefined && m.user !== botUserId;
  const plainOrFiles = m.subtype === undefined || m.subtype === 'file_share';
  if (m.channel_type !== 'im' || !fromPerson || !plainOrFiles || m.user === undefined) return IGNORE;
  const attachments = (m.files ?? []).map(attachmentOf);
  const turn: PendingTurn = {
    eventId: key,
    platform: 'slack',
    address: dm(m.user),
    isDirect: true,
    text: unescapeSlack(m.text ?? ''),
    ...(attachments.length > 0 ? { attachments } : {}),
  };
  return { kind: 'turn', key, slackUserId: m.user, turn };
}

function attachmentOf(file: z.infer<typeof slackFileSchema>) {
  return {
    id: `slack:${file.id}`.slice(0, 500),
    name: (file.name || file.title || file.id).slice(0, 500),
    ...(file.permalink ? { url: file.permalink.slice(0, 2000) } : {}),
    ...(file.mimetype ? { mimeType: file.mimetype.slice(0, 200) } : {}),
    ...((file.url_private_download ?? file.url_private)
      ? { download: (file.url_private_download ?? file.url_private ?? '').slice(0, 4000) }
      : {}),
  };
}

function parseBlockActions(body: unknown): ParsedPayload {
  const parsed = blockActionsSchema.safeParse(body);
  if (!parsed.success) return IGNORE;
  const p = parsed.data;
  const action = p.actions[0];
  if (!action) return IGNORE;
  const { id, suffix, modalKey } = parseSlackActionId(action.action_id);
  // Ticking a checkbox or picking a date is not an answer yet; the OK button reads them.
  if (id === INPUT_ACTION) return IGNORE;
  const user = p.user.id;
  // A retried delivery has the same action_ts; a second click has its own, and the core is idempotent for those.
  const key = `action:${user}:${action.action_ts}`;
  const channelId = p.container?.type === 'message' ? (p.container.channel_id ?? p.channel?.id) : undefined;
  // Presses in the DM or on the Home tab are private; a press in a channel keeps the channel for the core.
  const inChannel = channelId !== undefined && !channelId.startsWith('D');
  const value = action.value ?? '';
  if (modalKey !== undefined && p.trigger_id) {
    const metadata: ModalMetadata = { a: id, v: value, ...(inChannel ? { c: channelId } : {}) };
    return { kind: 'modal', key, slackUserId: user, triggerId: p.trigger_id, modalKey, metadata };
  }
  const values = suffix === OK_SUFFIX ? stateAnswer(p.state?.values ?? {}) : undefined;
  const turn: PendingTurn = {
    eventId: key,
    platform: 'slack',
    address: dm(user),
    isDirect: !inChannel,
    ...(inChannel ? { channelAddress: `slack:channel:${channelId}` } : {}),
    action: { id, value, ...(values ? { values } : {}) },
  };
  return { kind: 'turn', key, slackUserId: user, fallbackName: p.user.name ?? p.user.username, turn };
}

/** The ticked boxes, or the picked date and time (`YYYY-MM-DD HH:MM`, as members would type it). */
function stateAnswer(values: Record<string, Record<string, unknown>>): string[] | undefined {
  const ticked: string[] = [];
  let date: string | undefined;
  let time: string | undefined;
  for (const block of Object.values(values)) {
    for (const [actionId, raw] of Object.entries(block)) {
      if (!actionId.startsWith(INPUT_ACTION)) continue;
      const state = raw as {
        type?: string;
        selected_options?: Array<{ value?: string }>;
        selected_date?: string | null;
        selected_time?: string | null;
      };
      if (state.type === 'checkboxes') {
        for (const option of state.selected_options ?? []) if (option.value) ticked.push(option.value);
      }
      if (state.type === 'datepicker' && state.selected_date) date = state.selected_date;
      if (state.type === 'timepicker' && state.selected_time) time = state.selected_time;
    }
  }
  if (date !== undefined) return [time ? `${date} ${time}` : date];
  return ticked.length > 0 ? ticked : undefined;
}

function parseViewSubmission(body: unknown): ParsedPayload {
  const parsed = viewSubmissionSchema.safeParse(body);
  if (!parsed.success || parsed.data.view.callback_id !== MODAL_CALLBACK_ID) return IGNORE;
  const { user, view } = parsed.data;
  let metadata: ModalMetadata;
  try {
    const checked = modalMetadataSchema.safeParse(JSON.parse(view.private_metadata));
    if (!checked.success) return IGNORE;
    metadata = checked.data;
  } catch {
    return IGNORE;
  }
  // One view is submitted once; a double submit or a retry carries the same view id.
  const key = `view:${view.id}`;
  const input = modalInput(view.state.values);
  const turn: PendingTurn = {
    eventId: key,
    platform: 'slack',
    address: dm(user.id),
    isDirect: metadata.c === undefined,
    ...(metadata.c !== undefined ? { channelAddress: `slack:channel:${metadata.c}` } : {}),
    action: { id: metadata.a, value: metadata.v, ...(input !== undefined ? { input } : {}) },
  };
  return { kind: 'turn', key, slackUserId: user.id, fallbackName: user.name ?? user.username, turn };
}

function parseShortcut(body: unknown): ParsedPayload {
  const parsed = shortcutSchema.safeParse(body);
  if (!parsed.success || parsed.data.callback_id !== REPORT_SHORTCUT) return IGNORE;
  const { user, action_ts } = parsed.data;
  const key = `shortcut:${user.id}:${action_ts}`;
  const turn = startTurn(key, user.id, ACTION.startReport);
  return { kind: 'turn', key, slackUserId: user.id, fallbackName: user.name ?? user.username, turn };
}

function parseCommand(body: unknown): ParsedPayload {
  const parsed = slashCommandSchema.safeParse(body);
  if (!parsed.success) return IGNORE;
  const c = parsed.data;
  // A slash command has no delivery id; its trigger_id is unique per invocation.
  const key = `command:${c.trigger_id}`;
  const words = (c.text ?? '').trim();
  const base = { kind: 'turn' as const, key, slackUserId: c.user_id, fallbackName: c.user_name };
  // Replies always go to the DM, also when the command was typed in a channel: cases are private. The words are the
  // core's command table, so `/vaktpost ärenden` means what "ärenden" means in the DM; other words (a dialog's start
  // word such as "rapportera") go to the core as text.
  if (words === '') return { ...base, turn: startTurn(key, c.user_id, ACTION.startReport) };
  if (isCommand(words, 'cases')) return { ...base, turn: startTurn(key, c.user_id, ACTION.listCases) };
  const turn: PendingTurn = {
    eventId: key,
    platform: 'slack',
    address: dm(c.user_id),
    isDirect: true,
    text: c.text ?? '',
  };
  return { ...base, turn };
}

function startTurn(key: string, user: string, actionId: string): PendingTurn {
  return { eventId: key, platform: 'slack', address: dm(user), isDirect: true, action: { id: actionId, value: '' } };
}
