import { ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import type { BotFrameworkAuthentication, ConnectorClient, ConnectorFactory } from 'botframework-connector';
import { createConnectorClients } from '../../../adapters/teams/connector-clients';

/**
 * botbuilder made a new connector client (an HTTP pipeline of a dozen policies) for every proactive message; the
 * notifier now keeps one per service url.
 */
describe('Teams connector clients: one per service url, kept', () => {
  const auth = new ConfigurationBotFrameworkAuthentication({
    MicrosoftAppId: '',
    MicrosoftAppPassword: '',
    MicrosoftAppType: 'MultiTenant',
    MicrosoftAppTenantId: '',
  });

  it('gives the same client for a region every time, and another one for another region', async () => {
    const clients = createConnectorClients(auth, '');
    const first = await clients.get('https://smba.trafficmanager.net/emea/');
    expect(await clients.get('https://smba.trafficmanager.net/emea/')).toBe(first);
    const other = await clients.get('https://smba.trafficmanager.net/amer/');
    expect(other).not.toBe(first);
    expect(first.conversations).toBeDefined();
  });

  it('a client that could not be made (credentials refused) is tried again at the next send', async () => {
    let calls = 0;
    const made = {} as ConnectorClient;
    const factory = {
      create: () => {
        calls += 1;
        return calls === 1 ? Promise.reject(new Error('credentials refused')) : Promise.resolve(made);
      },
    } as unknown as ConnectorFactory;
    const failingOnce = { createConnectorFactory: () => factory } as unknown as BotFrameworkAuthentication;
    const clients = createConnectorClients(failingOnce, 'app-id');
    await expect(clients.get('https://smba.trafficmanager.net/emea/')).rejects.toThrow('credentials refused');
    expect(await clients.get('https://smba.trafficmanager.net/emea/')).toBe(made);
    expect(calls).toBe(2);
  });
});
