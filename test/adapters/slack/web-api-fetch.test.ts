import { clientOf, startScriptedSlack, type ScriptedSlack } from './scripted-slack';
import { toDeliveryError } from '../../../adapters/slack/map-slack-error';

/**
 * The Slack Web API client runs its calls through `webApiFetch` (undici's request instead of fetch). What the client
 * makes of an answer must not change: the JSON, the scope headers, a 429's Retry-After, and a Slack that never
 * answers must end the call within the time limit as a failure the dispatcher retries.
 */
let slack: ScriptedSlack;
beforeAll(async () => {
  slack = await startScriptedSlack();
});
afterAll(() => slack.close());

const client = (timeoutMs = 5_000) => clientOf(slack, timeoutMs);

it('posts the form Slack expects and hands the client the answer and its scope headers', async () => {
  let seen: { path?: string; auth?: string; type?: string; blocks?: unknown } = {};
  slack.handle = (req, body, res) => {
    const form = new URLSearchParams(body);
    seen = {
      ...(req.url ? { path: req.url } : {}),
      ...(req.headers.authorization ? { auth: req.headers.authorization } : {}),
      ...(req.headers['content-type'] ? { type: req.headers['content-type'] } : {}),
      blocks: JSON.parse(form.get('blocks') ?? 'null'),
    };
    res.writeHead(200, { 'content-type': 'application/json', 'x-oauth-scopes': 'chat:write, im:history' });
    res.end(JSON.stringify({ ok: true, channel: 'D0TEST', ts: '1700000000.000100' }));
  };
  const result = await client().apiCall('chat.postMessage', {
    channel: 'U0TEST',
    text: 'Hej',
    blocks: JSON.stringify([{ type: 'section', text: { type: 'mrkdwn', text: 'Hej' } }]),
  });
  expect(seen).toEqual({
    path: '/api/chat.postMessage',
    auth: 'Bearer xoxb-test',
    type: 'application/x-www-form-urlencoded',
    blocks: [{ type: 'section', text: { type: 'mrkdwn', text: 'Hej' } }],
  });
  expect(result).toMatchObject({ ok: true, channel: 'D0TEST', ts: '1700000000.000100' });
  expect(result.response_metadata?.scopes).toEqual(['chat:write', 'im:history']);
});

it("gives a 429's Retry-After to the dispatcher as a wait", async () => {
  slack.handle = (_req, _body, res) => {
    res.writeHead(429, { 'retry-after': '7' });
    res.end();
  };
  const error = await client()
    .apiCall('chat.postMessage', { channel: 'U0TEST', text: 'Hej' })
    .then(
      () => null,
      (e: unknown) => e,
    );
  expect(toDeliveryError(error).failure).toMatchObject({ kind: 'retry', retryAfterMs: 7_000 });
});

it('ends a call Slack never answers within the time limit, as a failure to retry', async () => {
  slack.handle = () => undefined;
  const error = await client(300)
    .apiCall('chat.postMessage', { channel: 'U0TEST', text: 'Hej' })
    .then(
      () => null,
      (e: unknown) => e,
    );
  expect(toDeliveryError(error).failure.kind).toBe('retry');
}, 20_000);
