import type { Activity } from 'botbuilder';
import { StrictBotFrameworkAuthentication } from '../../../adapters/teams/bot-framework-auth';
import { MEMBER, personalMessage } from './activities';

/**
 * CloudAdapter asks the authentication for a connector client and a user-token client on every incoming activity;
 * building them was a few per cent of a Teams turn's CPU. They are made once per app and region and kept.
 */
describe('Teams: the clients botbuilder makes for each incoming activity are kept', () => {
  const auth = new StrictBotFrameworkAuthentication({
    MicrosoftAppId: '',
    MicrosoftAppPassword: '',
    MicrosoftAppType: 'MultiTenant',
    MicrosoftAppTenantId: '',
  });
  const EMEA = 'https://smba.trafficmanager.net/emea/';
  const AMER = 'https://smba.trafficmanager.net/amer/';

  async function connectorFor(serviceUrl: string) {
    const activity = personalMessage(serviceUrl, MEMBER, 'hej') as unknown as Activity;
    const result = await auth.authenticateRequest(activity, '');
    if (!result.connectorFactory) throw new Error('no connector factory');
    return { client: await result.connectorFactory.create(serviceUrl, result.audience), result };
  }

  it('two activities from one region get the same connector client; another region its own', async () => {
    const first = await connectorFor(EMEA);
    const second = await connectorFor(EMEA);
    expect(second.client).toBe(first.client);
    expect((await connectorFor(AMER)).client).not.toBe(first.client);
  });

  it('one user-token client for the app, however many turns', async () => {
    const { result } = await connectorFor(EMEA);
    const a = await auth.createUserTokenClient(result.claimsIdentity);
    const b = await auth.createUserTokenClient((await connectorFor(EMEA)).result.claimsIdentity);
    expect(b).toBe(a);
  });
});
