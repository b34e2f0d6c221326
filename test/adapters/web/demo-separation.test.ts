import { request } from 'node:http';
import { createVaktpost } from '../../../main';
import { loadConfig, webDemoEnabled } from '../../../src/config/config';
import { ACTION } from '../../../src/engine/actions';
import { FakeSlackApi } from '../slack/fake-slack-api';
import { startTestApp, TEST_DIRECTORY_FILE, type TestApp } from '../../support/app-harness';

/** The demo has no login: it never runs beside a platform, nor on an address other computers can reach. */
const SLACK = { SLACK_BOT_TOKEN: 'xoxb-test', SLACK_SIGNING_SECRET: 'test-signing-secret' };

describe('the web demo is only a demo', () => {
  it('refuses WEB_DEMO=1 beside Slack or Teams at start-up, before anything opens', async () => {
    expect(() => loadConfig({ ...SLACK, WEB_DEMO: '1' })).toThrow(/WEB_DEMO: cannot be on beside Slack or Teams/);
    expect(() => loadConfig({ TEAMS_DEV_NO_AUTH: '1', WEB_DEMO: '1' })).toThrow(/WEB_DEMO/);
    const started = createVaktpost({
      env: { ...SLACK, WEB_DEMO: '1', DIRECTORY_FILE: TEST_DIRECTORY_FILE, LOG_LEVEL: 'silent', PORT: '0' },
      schedule: false,
    });
    await expect(started).rejects.toMatchObject({ code: 'config.invalid' });
  });

  it('refuses a non-loopback HOST while the demo is on, and allows it when the demo is off', () => {
    expect(() => loadConfig({ HOST: '0.0.0.0' })).toThrow(
      /HOST: 0\.0\.0\.0 would serve the web demo, which has no login/,
    );
    expect(() => loadConfig({ HOST: '192.0.2.10', WEB_DEMO: '1' })).toThrow(/HOST/);
    expect(webDemoEnabled(loadConfig({ HOST: '0.0.0.0', WEB_DEMO: '0' }))).toBe(false);
    expect(webDemoEnabled(loadConfig({ HOST: '0.0.0.0', ...SLACK }))).toBe(false);
    expect(webDemoEnabled(loadConfig({ HOST: '127.0.0.2' }))).toBe(true);
    expect(webDemoEnabled(loadConfig({ HOST: '::1' }))).toBe(true);
  });

  describe('beside Slack', () => {
    let app: TestApp;
    let slack: FakeSlackApi;
    beforeAll(async () => {
      slack = await FakeSlackApi.start();
      app = await startTestApp({ listen: true, env: { ...SLACK, SLACK_API_URL: slack.url } });
    });
    afterAll(async () => {
      await app.close();
      await slack.close();
    });

    it('serves no demo route, so nobody can read or take a Slack case "as central" or "as a contact"', async () => {
      await app.bind('norrby');
      for (const text of ['hej', 'nej', '1', 'hot', 'Ett hot i ett sms', 'sms', 'igår', '1', 'skicka']) {
        await app.say('mira', text);
      }
      const [c] = await app.stores.cases.list({});
      expect(c?.owner).toBeNull();
      const post = (as: string, id: string) =>
        fetch(`${app.vaktpost.url}/web/turn`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', origin: app.vaktpost.url },
          body: JSON.stringify({ eventId: `event-${as}-${id}`, as, action: { id, value: c?.id ?? '' } }),
        });
      for (const [as, action] of [
        ['cecilia', ACTION.caseView],
        ['kim', ACTION.caseTake],
      ] as const) {
        const answer = await post(as, action);
        expect(answer.status).toBe(404);
        expect(await answer.json()).toEqual({ error: 'not_found' });
      }
      const read = await fetch(`${app.vaktpost.url}/web/messages?address=web:dm:cecilia`);
      expect(read.status).toBe(404);
      expect(await app.stores.cases.get(c?.id ?? '')).toEqual(c);
    });
  });

  describe('on its own', () => {
    let app: TestApp;
    beforeAll(async () => {
      app = await startTestApp({ listen: true });
    });
    afterAll(() => app.close());

    it('answers this computer only: a forwarded request or another Host name is refused', async () => {
      const get = (headers: Record<string, string>) => fetch(`${app.vaktpost.url}/web/demo`, { headers });
      expect((await get({})).status).toBe(200);
      expect((await get({ 'x-forwarded-for': '198.51.100.7' })).status).toBe(403);
      expect((await get({ forwarded: 'for=198.51.100.7' })).status).toBe(403);
      // fetch will not send another Host header, so this one goes out through node:http.
      const status = await new Promise<number | undefined>((resolve, reject) => {
        const req = request(`${app.vaktpost.url}/web/demo`, { headers: { host: 'rebind.example.org' } }, (res) => {
          res.resume();
          resolve(res.statusCode);
        });
        req.on('error', reject);
        req.end();
      });
      expect(status).toBe(403);
    });
  });
});
