import { adapterDepsFor } from '../../support/adapter-deps';
import { createSign, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { AuthenticationConstants } from 'botframework-connector';
import { createTeamsAdapter, REF_NAMESPACE } from '../../../adapters/teams';
import { systemClock } from '../../../src/ports/clock';
import { createMemoryLogger } from '../../../src/ports/logger';
import { createEmbeddedStores } from '../../../src/store/embedded/create-embedded-stores';
import { MEMBER, personalMessage } from './activities';
import { startFakeConnector, type FakeConnector } from './fake-connector';
import { startTeamsHarness, type TeamsHarness } from './teams-harness';

const APP_ID = '11111111-2222-3333-4444-555555555555';

function base64url(data: Buffer | string): string {
  return Buffer.from(data).toString('base64url');
}

/** An RS256 JWT like the ones the Bot Framework signs for requests to a bot. */
function signToken(key: KeyObject, kid: string, claims: Record<string, unknown>): string {
  const header = base64url(JSON.stringify({ alg: 'RS256', typ: 'JWT', kid }));
  const payload = base64url(JSON.stringify(claims));
  const signature = createSign('RSA-SHA256').update(`${header}.${payload}`).sign(key);
  return `${header}.${payload}.${base64url(signature)}`;
}

describe('Teams adapter with MicrosoftAppId set: the Bot Framework token is checked', () => {
  let connector: FakeConnector;
  let teams: TeamsHarness;
  const trusted = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const stranger = generateKeyPairSync('rsa', { modulusLength: 2048 });
  let serviceUrl: string;

  const validClaims = () => {
    const now = Math.floor(Date.now() / 1000);
    return { iss: 'https://api.botframework.com', aud: APP_ID, serviceurl: serviceUrl, nbf: now - 60, exp: now + 600 };
  };

  beforeAll(async () => {
    connector = await startFakeConnector();
    serviceUrl = connector.serviceUrl;
    // The fake connector also plays the Bot Framework's key server, publishing only the trusted key.
    const jwk = {
      ...trusted.publicKey.export({ format: 'jwk' }),
      kid: 'trusted',
      use: 'sig',
      endorsements: ['msteams'],
    };
    connector.extraRoutes.set('/openid', (res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ issuer: 'https://api.botframework.com', jwks_uri: `${serviceUrl}keys` }));
    });
    connector.extraRoutes.set('/keys', (res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ keys: [jwk] }));
    });
    // The public cloud's metadata url is a botbuilder constant read when the adapter is built; for this suite it
    // points at the local key server. Everything else (issuer, audience, endorsements) is botbuilder's own check.
    jest.replaceProperty(
      AuthenticationConstants as { ToBotFromChannelOpenIdMetadataUrl: string },
      'ToBotFromChannelOpenIdMetadataUrl',
      `${serviceUrl}openid`,
    );
    teams = await startTeamsHarness({
      config: {
        appId: APP_ID,
        appPassword: 'not-used-in-this-test',
        tenantId: '00000000-0000-0000-0000-00000000000t',
        devNoAuth: false,
      },
    });
  });
  afterAll(async () => {
    await teams.close();
    await connector.close();
  });

  // botbuilder prints every refused request with console.error; the status is what we check.
  beforeEach(() => jest.spyOn(console, 'error').mockImplementation(() => undefined));
  afterEach(() => (console.error as jest.Mock).mockRestore());

  it.each([
    ['no token', {}],
    ['a token that is not a JWT', { authorization: 'Bearer not-a-token' }],
    ['a token signed by an unknown key', 'forged'],
    ['a token for another app', 'other-app'],
    ['a token from another issuer', 'other-issuer'],
  ])('answers 401 to a request with %s and changes nothing', async (_label, kind) => {
    const tokens: Record<string, () => string> = {
      forged: () => signToken(stranger.privateKey, 'trusted', validClaims()),
      'other-app': () => signToken(trusted.privateKey, 'trusted', { ...validClaims(), aud: 'someone-else' }),
      'other-issuer': () =>
        signToken(trusted.privateKey, 'trusted', { ...validClaims(), iss: 'https://evil.example.org' }),
    };
    const auth = typeof kind === 'string' ? { authorization: `Bearer ${tokens[kind]?.()}` } : kind;
    const res = await teams.post(personalMessage(serviceUrl, MEMBER, 'rapportera'), auth);

    expect(res.status).toBe(401);
    expect(teams.turns).toEqual([]);
    expect(await teams.stores.keyValues.get(REF_NAMESPACE, 'teams:dm:aad-member')).toBeNull();
  });

  it('accepts a request signed with the published key (so the 401s above are about the token)', async () => {
    const token = signToken(trusted.privateKey, 'trusted', validClaims());
    const res = await teams.post(personalMessage(serviceUrl, MEMBER, 'rapportera'), {
      authorization: `Bearer ${token}`,
    });

    expect(res.status).toBe(200);
    expect(teams.turns).toHaveLength(1);
  });
});

describe('createTeamsAdapter settings', () => {
  it('refuses to start without MicrosoftAppId unless TEAMS_DEV_NO_AUTH is set, and says what to do', async () => {
    const stores = await createEmbeddedStores({});
    const deps = adapterDepsFor(
      stores,
      { handleTurn: async () => undefined },
      { logger: createMemoryLogger(), clock: systemClock },
    );
    expect(() => createTeamsAdapter({ appType: 'SingleTenant', devNoAuth: false }, deps)).toThrow(
      /MicrosoftAppId is not set.*TEAMS_DEV_NO_AUTH=1/,
    );
    expect(() => createTeamsAdapter({ appType: 'SingleTenant', appId: APP_ID, devNoAuth: false }, deps)).toThrow(
      /MicrosoftAppTenantId is required for SingleTenant/,
    );

    createTeamsAdapter({ appType: 'SingleTenant', devNoAuth: true }, deps);
    expect(deps.logger.lines).toContainEqual(
      expect.objectContaining({ level: 'warn', message: expect.stringMatching(/UNAUTHENTICATED/) }),
    );
    await stores.close();
  });
});
