import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ConfigurationBotFrameworkAuthentication, type Activity } from 'botbuilder';
import {
  AppCredentials,
  AuthenticationConstants,
  ClaimsIdentity,
  MicrosoftAppCredentials,
  type ConnectorClient,
} from 'botframework-connector';
import {
  activitiesUrl,
  connectorCalls,
  directConnectorCalls,
  sdkConnectorCalls,
} from '../../../adapters/teams/connector-requests';
import { toDeliveryError } from '../../../adapters/teams/delivery-errors';
import { startFakeConnector, type FakeConnector } from './fake-connector';

/** A Bot Connector client made the way the adapter makes them (no app id, as under TEAMS_DEV_NO_AUTH). */
async function clientFor(serviceUrl: string): Promise<ConnectorClient> {
  const auth = new ConfigurationBotFrameworkAuthentication({ MicrosoftAppId: '', MicrosoftAppType: 'MultiTenant' });
  const identity = new ClaimsIdentity([
    { type: AuthenticationConstants.AudienceClaim, value: '' },
    { type: AuthenticationConstants.AppIdClaim, value: '' },
  ]);
  return auth.createConnectorFactory(identity).create(serviceUrl);
}

const card = (text: string): Partial<Activity> => ({
  type: 'message',
  attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: { type: 'AdaptiveCard', text } }],
  conversation: { id: 'a:1 personal/x', conversationType: 'personal', isGroup: false, name: '' },
  from: { id: '28:bot', name: 'Vaktpost' },
  recipient: { id: '29:member', name: 'Mira' },
  channelId: 'msteams',
  locale: 'sv-SE',
});

describe('Bot Connector calls made directly, as the SDK would make them', () => {
  let connector: FakeConnector;
  let client: ConnectorClient;

  beforeEach(async () => {
    connector = await startFakeConnector();
    client = await clientFor(connector.serviceUrl);
  });
  afterEach(async () => {
    await connector.close();
  });

  it('posts and updates with the same method, path and JSON as the SDK, and reads the id the connector gave', async () => {
    const conversation = 'a:1 personal/x';
    for (const calls of [sdkConnectorCalls(), directConnectorCalls()]) {
      const id = await calls.send(client, connector.serviceUrl, conversation, card('Hej'));
      expect(id).toBe(connector.calls.at(-1)?.responseId);
      await calls.update(client, connector.serviceUrl, conversation, id, { ...card('Hej igen'), id });
    }
    const [sdkSend, sdkUpdate, send, update] = connector.calls;
    expect(send).toMatchObject({ method: 'POST', kind: 'send', conversationId: conversation });
    expect(update).toMatchObject({ method: 'PUT', kind: 'update', conversationId: conversation });
    expect({ ...send, responseId: undefined }).toEqual({ ...sdkSend, responseId: undefined });
    expect(update?.path.replace(/activity-\d+$/, '')).toBe(sdkUpdate?.path.replace(/activity-\d+$/, ''));
    expect({ ...update?.body, id: undefined }).toEqual({ ...sdkUpdate?.body, id: undefined });
  });

  it('signs with the client’s own credentials: the Entra ID token they hold reaches the connector', async () => {
    const credentials = new MicrosoftAppCredentials('app-id', 'secret');
    // The token the credentials fetched and cached earlier (the fake connector cannot issue one).
    (AppCredentials as unknown as { cache: Map<string, unknown> }).cache.set(credentials.tokenCacheKey, {
      accessToken: 'token-from-entra',
      expiresOn: new Date(Date.now() + 3_600_000),
    });
    const signed = { credentials } as unknown as ConnectorClient;
    await directConnectorCalls().send(signed, connector.serviceUrl, 'a:1', card('Hej'));
    await directConnectorCalls().send(client, connector.serviceUrl, 'a:1', card('Hej'));
    expect(connector.calls.map((c) => c.authorization)).toEqual(['Bearer token-from-entra', undefined]);
  });

  it('hands a 429 to the dispatcher at once, with its Retry-After, instead of retrying inside the send', async () => {
    connector.failNext({ status: 429, headers: { 'Retry-After': '3' } });
    const failure = await directConnectorCalls()
      .send(client, connector.serviceUrl, 'a:1', card('Hej'))
      .catch((error: unknown) => toDeliveryError(error, new Date()));
    expect(failure).toMatchObject({ failure: { kind: 'retry', retryAfterMs: 3000 } });
    expect(connector.calls).toHaveLength(1);
  });

  it('says 404 for an update of a deleted message and 403 when the bot was removed', async () => {
    connector.failNext({ status: 404, kind: 'update' });
    connector.failNext({ status: 403, kind: 'send' });
    const calls = directConnectorCalls();
    await expect(calls.update(client, connector.serviceUrl, 'a:1', 'gone', card('x'))).rejects.toMatchObject({
      statusCode: 404,
      code: 'Fake404',
    });
    const blocked = await calls
      .send(client, connector.serviceUrl, 'a:1', card('x'))
      .catch((error: unknown) => toDeliveryError(error, new Date()));
    expect(blocked).toMatchObject({ failure: { kind: 'blocked' } });
  });

  it('joins the service url with or without its trailing slash', () => {
    expect(activitiesUrl('https://smba.example.org/emea/', 'a:1')).toBe(
      'https://smba.example.org/emea/v3/conversations/a%3A1/activities',
    );
    expect(activitiesUrl('https://smba.example.org/emea', 'a:1')).toBe(
      'https://smba.example.org/emea/v3/conversations/a%3A1/activities',
    );
  });
});

describe('behind a proxy', () => {
  let proxy: Server;
  let seen: string[];
  let proxyUrl: string;

  beforeEach(async () => {
    seen = [];
    // A forward proxy only in name: it records the absolute URL it was asked for and answers like the connector.
    proxy = createServer((req, res) => {
      seen.push(`${req.method} ${req.url}`);
      req.resume();
      req.on('end', () => res.writeHead(200, { 'content-type': 'application/json' }).end('{"id":"via-proxy"}'));
    });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
  });
  afterEach(async () => {
    await new Promise<void>((resolve) => proxy.close(() => resolve()));
  });

  it('sends through the SDK, which honours HTTPS_PROXY; without one, directly', async () => {
    // A name that never resolves (RFC 6761): only the proxy can answer for it.
    const serviceUrl = 'http://connector.invalid/';
    const saved = { HTTPS_PROXY: process.env.HTTPS_PROXY, NO_PROXY: process.env.NO_PROXY };
    process.env.HTTPS_PROXY = proxyUrl;
    delete process.env.NO_PROXY;
    try {
      const proxied = await clientFor(serviceUrl);
      const env = { HTTPS_PROXY: proxyUrl };
      expect(await connectorCalls(env).send(proxied, serviceUrl, 'a:1', card('Hej'))).toBe('via-proxy');
      expect(seen).toEqual(['POST http://connector.invalid/v3/conversations/a%3A1/activities']);
    } finally {
      for (const [name, value] of Object.entries(saved)) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
    }
    const direct = connectorCalls({});
    await expect(direct.send(client0(), serviceUrl, 'a:1', card('Hej'))).rejects.toBeDefined();
    expect(seen).toHaveLength(1);
  });
});

/** A client whose credentials sign nothing (no app id); enough for a call that never reaches a connector. */
function client0(): ConnectorClient {
  return { credentials: { signRequest: async (resource: unknown) => resource } } as unknown as ConnectorClient;
}
