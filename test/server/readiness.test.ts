import { adapterDepsFor } from '../support/adapter-deps';
/**
 * /readyz asks the store and each configured platform's credentials, and says what is wrong: Slack over real HTTP
 * against the fake Web API (auth.test), Teams with its token fetch replaced by one that fails as Entra ID does.
 */
import { createTeamsAdapter } from '../../adapters/teams';
import { systemClock } from '../../src/ports/clock';
import { createMemoryLogger } from '../../src/ports/logger';
import { createEmbeddedStores } from '../../src/store/embedded/create-embedded-stores';
import { FakeSlackApi } from '../adapters/slack/fake-slack-api';
import { startTestApp, type TestApp } from '../support/app-harness';

interface ReadyBody {
  status: string;
  reasons: string[];
  checks: Record<string, { ok: boolean; reason?: string }>;
}

async function readyz(app: TestApp): Promise<{ status: number; body: ReadyBody }> {
  const response = await fetch(`${app.vaktpost.url}/readyz`);
  return { status: response.status, body: (await response.json()) as ReadyBody };
}

describe('/readyz with Slack configured', () => {
  let fake: FakeSlackApi;
  let app: TestApp;

  beforeAll(async () => {
    fake = await FakeSlackApi.start();
    app = await startTestApp({
      listen: true,
      env: { SLACK_BOT_TOKEN: 'xoxb-test', SLACK_SIGNING_SECRET: 'secret', SLACK_API_URL: fake.url },
    });
  });
  afterAll(async () => {
    await app.close();
    await fake.close();
  });

  it('is 200 when the store answers and Slack accepts the bot token', async () => {
    const { status, body } = await readyz(app);
    expect(status).toBe(200);
    expect(body).toEqual({ status: 'ready', reasons: [], checks: { store: { ok: true }, slack: { ok: true } } });
  });

  it('is 503 naming SLACK_BOT_TOKEN when Slack refuses it, and ready again once Slack accepts it', async () => {
    fake.failNext('auth.test', { error: 'invalid_auth' });
    const refused = await readyz(app);
    expect(refused.status).toBe(503);
    expect(refused.body.status).toBe('not ready');
    expect(refused.body.checks.store).toEqual({ ok: true });
    expect(refused.body.checks.slack?.ok).toBe(false);
    expect(refused.body.reasons).toEqual([
      expect.stringMatching(/^slack: Slack refuses SLACK_BOT_TOKEN \(invalid_auth\)/),
    ]);
    expect((await readyz(app)).status).toBe(200);
  });

  it('says when Slack answers with a server error', async () => {
    fake.failNext('auth.test', { status: 500 });
    const { status, body } = await readyz(app);
    expect(status).toBe(503);
    expect(body.checks.slack?.reason).toMatch(/HTTP 500|cannot be reached/);
  });
});

describe('/readyz when Slack is down at start-up', () => {
  it('starts (a Slack outage must not stop the server) but is 503 saying Slack cannot be reached', async () => {
    const fake = await FakeSlackApi.start();
    const url = fake.url;
    await fake.close();
    const logger = createMemoryLogger();
    const app = await startTestApp({
      listen: true,
      logger,
      env: { SLACK_BOT_TOKEN: 'xoxb-test', SLACK_SIGNING_SECRET: 'secret', SLACK_API_URL: url },
    });
    try {
      const { status, body } = await readyz(app);
      expect(status).toBe(503);
      expect(body.checks.slack?.reason).toMatch(
        /^Slack's Web API cannot be reached \((ECONNREFUSED|.*fetch failed)\): check the network/,
      );
      expect(logger.lines.map((l) => l.message)).toContain('slack auth.test failed; /readyz answers 503');
    } finally {
      await app.close();
    }
  });
});

describe('Teams readiness: a Bot Framework token fetch', () => {
  const APP_ID = '11111111-2222-3333-4444-555555555555';
  const TENANT = '99999999-8888-7777-6666-555555555555';

  async function teamsReady(fetchToken: () => Promise<string>) {
    const stores = await createEmbeddedStores({});
    const adapter = createTeamsAdapter(
      { appId: APP_ID, appPassword: 'secret', appType: 'SingleTenant', tenantId: TENANT, devNoAuth: false, fetchToken },
      adapterDepsFor(
        stores,
        { handleTurn: async () => undefined },
        { logger: createMemoryLogger(), clock: systemClock },
      ),
    );
    return adapter.checkReady?.();
  }

  it('is ready when a token comes', async () => {
    expect(await teamsReady(async () => 'eyJ0eXAi.token')).toEqual({ ok: true });
  });

  it('names the setting to fix when Entra ID refuses the secret or does not know the app', async () => {
    const secret = await teamsReady(async () => {
      throw new Error('invalid_client: AADSTS7000215: Invalid client secret provided. Trace ID: 0000');
    });
    expect(secret).toEqual({
      ok: false,
      reason:
        'no Bot Framework token (AADSTS7000215): the client secret is wrong or expired: set MicrosoftAppPassword to a current one',
    });
    const app = await teamsReady(async () => {
      throw new Error("AADSTS700016: Application with identifier '1111' was not found in the directory");
    });
    expect(app?.reason).toMatch(/check MicrosoftAppId and MicrosoftAppTenantId/);
  });
});
