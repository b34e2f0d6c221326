import { createHmac, randomBytes, randomUUID } from 'node:crypto';

/** One request of the load: the body and headers to POST. */
export interface BenchRequest {
  body: string;
  headers: Record<string, string>;
}

const TEAM = 'T0BENCH00';

/**
 * Slack Events API envelopes of a direct message (`message` event, `channel_type: im`) from `users` users in turn,
 * each with a unique event id, signed with `secret` as Slack signs (`v0=HMAC-SHA256(secret, "v0:<ts>:<body>")`).
 * The id counts every request this builder made, not `i` (which starts at 0 in every run): a repeated id is a
 * redelivery, which Vaktpost's inbox rightly ignores, and the bench would measure the dedupe instead of the turn.
 */
export function slackDm(secret: string, users: number, text: string): (i: number) => BenchRequest {
  const tag = randomBytes(4).toString('hex').toUpperCase();
  let issued = 0;
  return (i) => {
    const n = issued++;
    const sec = Math.floor(Date.now() / 1000);
    const user = `U0B${String(i % users).padStart(7, '0')}`;
    const ts = `${sec}.${String(n % 1e6).padStart(6, '0')}`;
    const body = JSON.stringify({
      token: 'bench-verification-token',
      team_id: TEAM,
      api_app_id: 'A0BENCH00',
      event: {
        user,
        type: 'message',
        ts,
        client_msg_id: randomUUID(),
        text,
        team: TEAM,
        channel: `D${user.slice(1)}`,
        event_ts: ts,
        channel_type: 'im',
      },
      type: 'event_callback',
      event_id: `Ev${tag}${n.toString(36).toUpperCase()}`,
      event_time: sec,
      authorizations: [{ team_id: TEAM, user_id: 'U0BENCHBOT', is_bot: true, is_enterprise_install: false }],
    });
    const signature = `v0=${createHmac('sha256', secret).update(`v0:${sec}:${body}`).digest('hex')}`;
    return {
      body,
      headers: {
        'content-type': 'application/json',
        'x-slack-request-timestamp': String(sec),
        'x-slack-signature': signature,
      },
    };
  };
}

/**
 * Bot Framework `message` activities in personal chats, as the Bot Connector posts them, from `users` users; each
 * with an activity id of its own across runs (see `slackDm`).
 */
export function teamsMessage(serviceUrl: string, users: number, text: string): (i: number) => BenchRequest {
  const tag = randomBytes(3).toString('hex');
  const base = Date.now();
  let issued = 0;
  return (i) => {
    const n = issued++;
    const k = i % users;
    const aad = `00000000-0000-4000-8000-b${String(k).padStart(11, '0')}`;
    const now = new Date().toISOString();
    const body = JSON.stringify({
      type: 'message',
      id: `${base + n}${tag}`,
      timestamp: now,
      localTimestamp: now,
      text,
      textFormat: 'plain',
      channelId: 'msteams',
      serviceUrl,
      from: { id: `29:1bench${k}`, name: `Bänk Användare ${k}`, aadObjectId: aad },
      conversation: {
        conversationType: 'personal',
        tenantId: '00000000-0000-4000-8000-00000000bead',
        id: `a:1bench-${k}`,
      },
      recipient: { id: '28:bot', name: 'Vaktpost' },
      channelData: { tenant: { id: '00000000-0000-4000-8000-00000000bead' } },
      locale: 'sv-SE',
    });
    return { body, headers: { 'content-type': 'application/json; charset=utf-8' } };
  };
}
