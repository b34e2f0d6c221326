import { adapterDepsFor } from '../../support/adapter-deps';
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import express from 'express';
import { parse } from 'yaml';
import { createSlackAdapter, SLACK_EVENTS_PATH } from '../../../adapters/slack';
import { REPORT_SHORTCUT } from '../../../adapters/slack/parse';
import { createMemoryLogger } from '../../../src/ports/logger';
import { createEmbeddedStores } from '../../../src/store/embedded/create-embedded-stores';

interface Manifest {
  display_information: { name: string; description: string; long_description: string };
  features: {
    app_home: { home_tab_enabled: boolean; messages_tab_enabled: boolean };
    shortcuts: Array<{ callback_id: string; type: string; name: string; description: string }>;
    slash_commands: Array<{ command: string; url: string; description: string }>;
  };
  oauth_config: { scopes: { bot: string[] } };
  settings: {
    event_subscriptions: { request_url: string; bot_events: string[] };
    interactivity: { is_enabled: boolean; request_url: string };
  };
}

const manifest = parse(readFileSync(resolve(__dirname, '../../../manifest/slack/manifest.yml'), 'utf8')) as Manifest;

describe('the Slack app manifest', () => {
  it('asks for exactly the scopes the adapter uses', () => {
    expect([...manifest.oauth_config.scopes.bot].sort()).toEqual([
      'channels:history',
      'chat:write',
      'commands',
      'files:read',
      'files:write',
      'groups:history',
      'im:history',
      'im:write',
      'users:read',
      'users:read.email',
    ]);
  });

  it('sends events, interactivity and the command to the adapter’s one path', () => {
    const urls = [
      manifest.settings.event_subscriptions.request_url,
      manifest.settings.interactivity.request_url,
      ...manifest.features.slash_commands.map((c) => c.url),
    ];
    expect(urls.every((url) => url === `https://YOUR-HOST${SLACK_EVENTS_PATH}`)).toBe(true);
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
    expect([...manifest.settings.event_subscriptions.bot_events].sort()).toEqual(['app_home_opened', 'message.im']);
  });

  it('declares the shortcut, the command and both App Home tabs', () => {
    expect(manifest.features.shortcuts).toEqual([
      expect.objectContaining({ callback_id: REPORT_SHORTCUT, type: 'global' }),
    ]);
    expect(manifest.features.slash_commands.map((c) => c.command)).toEqual(['/vaktpost']);
    expect(manifest.features.app_home).toMatchObject({ home_tab_enabled: true, messages_tab_enabled: true });
  });
});

describe('the Slack app manifest texts', () => {
  it("show members Swedish first (manifests have no localisation), within Slack's length limits", () => {
    const { description, long_description: long } = manifest.display_information;
    expect(description).toMatch(/^Rapportera hot/);
    expect(description.length).toBeLessThanOrEqual(140);
    expect(long.length).toBeGreaterThanOrEqual(175);
    expect(long).toMatch(/ring 112/);
    expect(long).toMatch(/call 112/);
    const [shortcut] = manifest.features.shortcuts;
    expect(shortcut?.name).toBe('Rapportera en händelse');
    expect(shortcut?.name.length).toBeLessThanOrEqual(24);
    expect(manifest.features.slash_commands[0]?.description).toMatch(/^Rapportera/);
  });
});

describe('Socket Mode', () => {
  it('adds no HTTP route when an app token is set', async () => {
    const stores = await createEmbeddedStores({});
    const adapter = createSlackAdapter(
      { botToken: 'xoxb-test', signingSecret: '', appToken: 'xapp-test', apiUrl: 'http://127.0.0.1:9/api/' },
      adapterDepsFor(
        stores,
        { handleTurn: async () => undefined },
        { logger: createMemoryLogger(), clock: { now: () => new Date() } },
      ),
    );
    const app = express();
    adapter.mount(app);
    const server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    const { port } = server.address() as AddressInfo;
    const res = await fetch(`http://127.0.0.1:${port}${SLACK_EVENTS_PATH}`, { method: 'POST', body: '{}' });
    expect(res.status).toBe(404);
    await new Promise((resolve) => server.close(resolve));
    await stores.close();
  });
});
