import { AuthenticationConstants } from 'botframework-connector';
import { createPinoLogger } from '../../src/logging/pino-logger';
import { startTestApp, type TestApp } from '../support/app-harness';
import { FakeSlackApi } from '../adapters/slack/fake-slack-api';

/**
 * Malformed and unauthenticated requests with a canary in the body, to every endpoint of the one HTTP server (Slack,
 * Teams with authentication on, the web demo, the probes, an unknown path): the canary reaches no log line (the real
 * pino logger at debug level, and anything a library prints on the console), and no answer carries a stack trace.
 */
const CANARY = 'KANARIE4242SPARV';
const ENDPOINTS: Array<[method: 'GET' | 'POST', path: string]> = [
  ['POST', '/api/messages'],
  ['POST', '/slack/events'],
  ['POST', '/web/turn'],
  ['GET', '/web/messages'],
  ['GET', '/web/demo'],
  ['GET', '/'],
  ['GET', '/healthz'],
  ['GET', '/readyz'],
  ['POST', '/healthz'],
  ['POST', '/no/such/path'],
];
const fakeJwt = (payload: Record<string, unknown>): string =>
  ['{"alg":"RS256","kid":"x"}', JSON.stringify(payload), CANARY]
    .map((p) => Buffer.from(p).toString('base64url'))
    .join('.');
const BODIES: Array<[label: string, contentType: string, body: string]> = [
  ['malformed json', 'application/json', `{"type":"message","text":"${CANARY}`],
  ['valid json', 'application/json', JSON.stringify({ type: 'message', text: CANARY, from: { id: CANARY } })],
  ['form', 'application/x-www-form-urlencoded', `payload=${encodeURIComponent(`{"text":"${CANARY}"`)}`],
  ['text', 'text/plain', CANARY],
];
const AUTHS: Array<Record<string, string>> = [
  {},
  { authorization: `Bearer ${fakeJwt({ aud: CANARY, iss: 'https://api.botframework.com' })}` },
  { authorization: `Bearer ${CANARY}` },
  { 'x-slack-signature': `v0=${CANARY}`, 'x-slack-request-timestamp': String(Math.floor(Date.now() / 1000)) },
];

describe('what a stranger can make the server say', () => {
  let app: TestApp;
  let demo: TestApp;
  let slack: FakeSlackApi;
  const logLines: string[] = [];
  const printed: string[] = [];
  beforeAll(async () => {
    slack = await FakeSlackApi.start();
    // The key server is a closed local port: no token can verify, and nothing leaves the machine.
    jest.replaceProperty(
      AuthenticationConstants as { ToBotFromChannelOpenIdMetadataUrl: string },
      'ToBotFromChannelOpenIdMetadataUrl',
      'http://127.0.0.1:9/openid',
    );
    for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
      jest.spyOn(console, method).mockImplementation((...parts: unknown[]) => {
        printed.push(parts.map((p) => (p instanceof Error ? `${p.message} ${p.stack}` : String(p))).join(' '));
      });
    }
    app = await startTestApp({
      listen: true,
      logger: createPinoLogger({ level: 'debug', format: 'json', destination: { write: (l) => logLines.push(l) } }),
      env: {
        SLACK_BOT_TOKEN: 'xoxb-test',
        SLACK_SIGNING_SECRET: 'test-signing-secret',
        SLACK_API_URL: slack.url,
        MicrosoftAppId: '11111111-2222-3333-4444-555555555555',
        MicrosoftAppPassword: 'not-used',
        MicrosoftAppTenantId: '00000000-0000-0000-0000-000000000001',
      },
    });
    // The demo never runs beside a platform, so it is its own app here, as it would be its own process.
    demo = await startTestApp({
      listen: true,
      logger: createPinoLogger({ level: 'debug', format: 'json', destination: { write: (l) => logLines.push(l) } }),
    });
  });
  afterAll(async () => {
    await app.close();
    await demo.close();
    await slack.close();
    jest.restoreAllMocks();
  });

  it('logs no body and answers without a stack, whatever is sent where', async () => {
    const answers: Array<{ what: string; status: number; text: string }> = [];
    for (const [name, server] of [
      ['platforms', app],
      ['demo', demo],
    ] as const)
      for (const [method, path] of ENDPOINTS) {
        for (const [label, contentType, body] of method === 'POST' ? BODIES : BODIES.slice(0, 1)) {
          for (const auth of AUTHS) {
            const response = await fetch(`${server.vaktpost.url}${path}?q=${CANARY}`, {
              method,
              headers: {
                'content-type': contentType,
                origin: server.vaktpost.url,
                'x-canary': CANARY,
                ...auth,
              },
              ...(method === 'POST' ? { body } : {}),
            });
            answers.push({
              what: `${name}: ${method} ${path} ${label} ${Object.keys(auth).join(',')}`,
              ...{
                status: response.status,
                text: await response.text(),
              },
            });
          }
        }
      }
    expect(answers.length).toBe(200);
    const withStack = answers.filter((a) => /\n\s+at |at [\w.<>]+ \(|node_modules|Error:/.test(a.text));
    expect(withStack).toEqual([]);
    // Teams refuses every one of these before reading the body.
    expect(answers.filter((a) => a.what.startsWith('platforms: POST /api/messages')).map((a) => a.status)).toEqual(
      Array(BODIES.length * AUTHS.length).fill(401),
    );
    await app.flush();
    expect(logLines.length).toBeGreaterThan(0);
    expect(logLines.filter((l) => l.includes(CANARY))).toEqual([]);
    expect(printed.filter((l) => l.includes(CANARY))).toEqual([]);
    // The error boundary logged what it refused: method, route, status and code.
    const refused = logLines
      .map((l) => JSON.parse(l) as Record<string, unknown>)
      .filter((l) => l.message === 'http request refused');
    expect(refused).toContainEqual(
      expect.objectContaining({ method: 'POST', path: '/web/turn', status: 400, code: 'entity.parse.failed' }),
    );
  });
});
