/**
 * Payloads shaped like Slack's documented examples (Events API `event_callback` with `message.im` and
 * `app_home_opened`, interactivity `block_actions`, `view_submission` and global `shortcut`, and a slash command
 * as form fields), with only the ids varied.
 */
let sequence = 0;
const next = () => (sequence += 1);

export const TEAM = 'T0VAKTPOST';

/** How each kind of request travels: events as JSON, interactivity as `payload=`, commands as form fields. */
export type Encoded = { body: string; contentType: 'application/json' | 'application/x-www-form-urlencoded' };

export function asEvent(envelope: object): Encoded {
  return { body: JSON.stringify(envelope), contentType: 'application/json' };
}

export function asInteraction(payload: object): Encoded {
  return {
    body: `payload=${encodeURIComponent(JSON.stringify(payload))}`,
    contentType: 'application/x-www-form-urlencoded',
  };
}

export function asForm(fields: Record<string, string>): Encoded {
  return { body: new URLSearchParams(fields).toString(), contentType: 'application/x-www-form-urlencoded' };
}

function envelope(event: object, eventId = `Ev${next()}`): object {
  return {
    token: 'verification-token-unused',
    team_id: TEAM,
    api_app_id: 'A0VAKTPOST',
    event,
    type: 'event_callback',
    event_id: eventId,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [{ team_id: TEAM, user_id: 'UBOT', is_bot: true, is_enterprise_install: false }],
    is_ext_shared_channel: false,
  };
}

/** A `message.im` event: a member writing in the bot's DM, optionally sharing files. */
export function messageIm(
  user: string,
  text: string,
  options: { eventId?: string; files?: object[]; extra?: object } = {},
): object {
  const ts = `1773135${String(next()).padStart(3, '0')}.000100`;
  return envelope(
    {
      type: 'message',
      channel: `D${user.slice(1)}`,
      user,
      text,
      ts,
      event_ts: ts,
      channel_type: 'im',
      ...(options.files ? { subtype: 'file_share', files: options.files } : {}),
      ...options.extra,
    },
    options.eventId,
  );
}

/** An `app_home_opened` event for the Home tab. */
export function appHomeOpened(user: string): object {
  return envelope({
    type: 'app_home_opened',
    user,
    channel: `D${user.slice(1)}`,
    tab: 'home',
    event_ts: '1773135000.000200',
  });
}

/** A `block_actions` payload: a button press in a message (DM or channel) or on the Home tab. */
export function blockActions(options: {
  user: string;
  actionId: string;
  value?: string;
  channel?: string;
  home?: boolean;
  state?: Record<string, Record<string, unknown>>;
  type?: string;
}): object {
  const actionTs = `1773135${String(next()).padStart(3, '0')}.123456`;
  const channel = options.channel ?? `D${options.user.slice(1)}`;
  return {
    type: 'block_actions',
    user: { id: options.user, username: options.user.toLowerCase(), name: options.user.toLowerCase(), team_id: TEAM },
    api_app_id: 'A0VAKTPOST',
    token: 'verification-token-unused',
    trigger_id: `${next()}.trigger`,
    team: { id: TEAM, domain: 'example' },
    enterprise: null,
    is_enterprise_install: false,
    ...(options.home
      ? { container: { type: 'view', view_id: 'VHOME' }, view: { id: 'VHOME', type: 'home', blocks: [] } }
      : {
          container: { type: 'message', message_ts: '1773135000.000001', channel_id: channel, is_ephemeral: false },
          channel: { id: channel, name: channel.startsWith('D') ? 'directmessage' : 'vaktpost-alerts' },
          message: { type: 'message', ts: '1773135000.000001', text: 'fallback', blocks: [] },
          response_url: 'https://hooks.slack.com/actions/T0/1/abc',
        }),
    state: { values: options.state ?? {} },
    actions: [
      {
        action_id: options.actionId,
        block_id: 'b1',
        text: { type: 'plain_text', text: 'Button', emoji: true },
        ...(options.value !== undefined ? { value: options.value } : {}),
        type: options.type ?? 'button',
        action_ts: actionTs,
      },
    ],
  };
}

/** A `view_submission` payload for our one-input modal. */
export function viewSubmission(user: string, privateMetadata: string, input: object, viewId = `V${next()}`): object {
  return {
    type: 'view_submission',
    team: { id: TEAM, domain: 'example' },
    user: { id: user, username: user.toLowerCase(), name: user.toLowerCase(), team_id: TEAM },
    api_app_id: 'A0VAKTPOST',
    token: 'verification-token-unused',
    trigger_id: `${next()}.trigger`,
    view: {
      id: viewId,
      team_id: TEAM,
      type: 'modal',
      blocks: [],
      private_metadata: privateMetadata,
      callback_id: 'vaktpost_input',
      state: { values: { input: { value: input } } },
      hash: '1773135000.abc',
      title: { type: 'plain_text', text: 'Note' },
      app_id: 'A0VAKTPOST',
      bot_id: 'BBOT',
    },
    response_urls: [],
    is_enterprise_install: false,
  };
}

/** A global shortcut payload. */
export function shortcut(user: string, callbackId = 'vaktpost_report'): object {
  return {
    type: 'shortcut',
    token: 'verification-token-unused',
    action_ts: `1773135${String(next()).padStart(3, '0')}.000300`,
    team: { id: TEAM, domain: 'example' },
    user: { id: user, username: user.toLowerCase(), team_id: TEAM },
    is_enterprise_install: false,
    callback_id: callbackId,
    trigger_id: `${next()}.trigger`,
  };
}

/** The form fields of a `/vaktpost` slash command. */
export function slashCommand(user: string, text: string, channel = 'C0GENERAL'): Record<string, string> {
  return {
    token: 'verification-token-unused',
    team_id: TEAM,
    team_domain: 'example',
    channel_id: channel,
    channel_name: 'general',
    user_id: user,
    user_name: user.toLowerCase(),
    command: '/vaktpost',
    text,
    api_app_id: 'A0VAKTPOST',
    is_enterprise_install: 'false',
    response_url: 'https://hooks.slack.com/commands/T0/1/abc',
    trigger_id: `${next()}.trigger`,
  };
}
