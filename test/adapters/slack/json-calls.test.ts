import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SlackJsonCalls, type JsonMethod } from '../../../adapters/slack/json-calls';
import { clientOf, startScriptedSlack, type ScriptedSlack } from './scripted-slack';
import { toDeliveryError } from '../../../adapters/slack/map-slack-error';
import { slackAgent } from '../../../adapters/slack/web-api-fetch';

/**
 * A message's post, update and Home tab go to Slack as JSON calls (`SlackJsonCalls`) instead of through the Web API
 * client. Slack must get the same message, and the dispatcher must get the same verdict on every failure as it did
 * from the client: each answer below is given to both, over real HTTP, and what `toDeliveryError` makes of them must
 * be the same.
 */
let slack: ScriptedSlack;
beforeAll(async () => {
  slack = await startScriptedSlack();
});
afterAll(() => slack.close());

const calls = (timeoutMs = 5_000, warnings: string[] = []) =>
  new SlackJsonCalls({
    apiUrl: slack.apiUrl,
    botToken: 'xoxb-test',
    agent: slackAgent(timeoutMs),
    warn: (w) => warnings.push(w),
  });

const client = (timeoutMs = 5_000) => clientOf(slack, timeoutMs);

const failureOf = (call: Promise<unknown>) =>
  call.then(
    () => null,
    (error: unknown) => toDeliveryError(error).failure,
  );

/** A failure's verdict; a free-text reason (`slack: <message>`) may word the same failure differently. */
const gist = (failure: Awaited<ReturnType<typeof failureOf>>) =>
  failure && {
    ...failure,
    ...('reason' in failure && failure.reason.startsWith('slack:') ? { reason: 'slack: <message>' } : {}),
  };

const blocks = [
  { type: 'section', text: { type: 'mrkdwn', text: 'Hej, vi hör av oss snart. Är du i fara: ring 112.' } },
];

it('posts the message as JSON with the token in the header, and hands back Slack’s answer', async () => {
  let seen: Record<string, unknown> = {};
  slack.handle = (req, body, res) => {
    seen = {
      path: req.url,
      auth: req.headers.authorization,
      type: req.headers['content-type'],
      body: JSON.parse(body) as unknown,
    };
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ ok: true, channel: 'D0TEST', ts: '1700000000.000100' }));
  };
  const result = await calls().call('chat.postMessage', {
    channel: 'U0TEST',
    text: 'Hej',
    blocks,
    unfurl_links: false,
  });
  expect(seen).toEqual({
    path: '/api/chat.postMessage',
    auth: 'Bearer xoxb-test',
    type: 'application/json; charset=utf-8',
    body: { channel: 'U0TEST', text: 'Hej', blocks, unfurl_links: false },
  });
  expect(result).toMatchObject({ ok: true, channel: 'D0TEST', ts: '1700000000.000100' });
});

it('passes on the warnings Slack sends back, and nothing of the message', async () => {
  slack.handle = (_req, _body, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ ok: true, response_metadata: { warnings: ['missing_charset'] } }));
  };
  const warnings: string[] = [];
  await calls(5_000, warnings).call('chat.update', { channel: 'C0TEST', ts: '1.2', text: 'Hej', blocks });
  expect(warnings).toEqual(['missing_charset']);
});

const answers: [string, (res: ServerResponse) => void, string][] = [
  [
    'an address Slack does not know',
    (res) => json(res, 200, { ok: false, error: 'channel_not_found' }),
    'invalid_address',
  ],
  ['a channel the bot is not in', (res) => json(res, 200, { ok: false, error: 'not_in_channel' }), 'blocked'],
  ['a revoked token (fixed by configuration)', (res) => json(res, 200, { ok: false, error: 'token_revoked' }), 'retry'],
  ['blocks Slack refuses', (res) => json(res, 200, { ok: false, error: 'invalid_blocks' }), 'blocked'],
  [
    'a 429 with Retry-After',
    (res) => json(res, 429, { ok: false, error: 'ratelimited' }, { 'retry-after': '7' }),
    'retry',
  ],
  ['a 429 without Retry-After', (res) => json(res, 429, { ok: false, error: 'ratelimited' }), 'retry'],
  ['a 503 from a proxy', (res) => plain(res, 503, 'Service Unavailable'), 'retry'],
  ['an answer that is not JSON', (res) => plain(res, 200, '<html>maintenance</html>'), 'blocked'],
];

it.each(answers)('gives the dispatcher the same verdict as the client on %s', async (_name, answer, kind) => {
  slack.handle = (_req, _body, res) => answer(res);
  const method: JsonMethod = 'chat.postMessage';
  const args = { channel: 'U0TEST', text: 'Hej', blocks };
  const ours = await failureOf(calls().call(method, args));
  const theirs = await failureOf(client().apiCall(method, { ...args, blocks: JSON.stringify(blocks) }));
  expect(gist(ours)).toEqual(gist(theirs));
  expect(ours?.kind).toBe(kind);
});

it('gives a 429’s Retry-After to the dispatcher as its wait', async () => {
  slack.handle = (_req, _body, res) => json(res, 429, { ok: false, error: 'ratelimited' }, { 'retry-after': '7' });
  expect(await failureOf(calls().call('views.publish', { user_id: 'U0TEST', view: { type: 'home', blocks } }))).toEqual(
    expect.objectContaining({ kind: 'retry', retryAfterMs: 7_000 }),
  );
});

it('ends a call Slack never answers within the time limit, as a failure to retry', async () => {
  slack.handle = () => undefined;
  expect(await failureOf(calls(300).call('chat.postMessage', { channel: 'U0TEST', text: 'Hej' }))).toEqual(
    expect.objectContaining({ kind: 'retry', reason: 'slack unreachable' }),
  );
}, 20_000);

it('treats a Slack that cannot be reached as a failure to retry', async () => {
  const closed = createServer();
  await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
  const port = (closed.address() as AddressInfo).port;
  await new Promise((resolve) => closed.close(resolve));
  const unreachable = new SlackJsonCalls({
    apiUrl: `http://127.0.0.1:${port}/api/`,
    botToken: 'xoxb-test',
    agent: slackAgent(2_000),
  });
  expect(await failureOf(unreachable.call('chat.postMessage', { channel: 'U0TEST', text: 'Hej' }))).toEqual(
    expect.objectContaining({ kind: 'retry', reason: 'slack unreachable' }),
  );
});

function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

function plain(res: ServerResponse, status: number, body: string): void {
  res.writeHead(status, { 'content-type': 'text/html' });
  res.end(body);
}
