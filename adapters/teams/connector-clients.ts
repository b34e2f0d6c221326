import type { BotFrameworkAuthentication, ConnectorClient } from 'botframework-connector';
import { AuthenticationConstants, ClaimsIdentity } from 'botframework-connector';

/** How many regions' clients are kept; Teams has a handful of service urls, so this is only a guard. */
const MAX_CLIENTS = 64;

/** Bot Connector clients for proactive sends, one per service url, kept for the life of the process. */
export interface ConnectorClients {
  /** The client that posts to `serviceUrl` as this bot (with the bot's credentials when there is an app id). */
  get(serviceUrl: string): Promise<ConnectorClient>;
}

/**
 * botbuilder's `continueConversationAsync` builds a connector factory, a `ConnectorClient` (an Azure HTTP pipeline
 * of a dozen policies) and a `UserTokenClient` for every proactive message: about a quarter of the CPU a Teams reply
 * cost. The client is made here the same way (`createConnectorFactory` with the claims CloudAdapter would use for
 * this app id) once per service url and reused; the access token was cached across clients anyway
 * (`AppCredentials.cache`), so what reaches the connector is unchanged.
 */
export function createConnectorClients(auth: BotFrameworkAuthentication, appId: string): ConnectorClients {
  // The claims CloudAdapter.createClaimsIdentity gives a proactive turn.
  const identity = new ClaimsIdentity([
    { type: AuthenticationConstants.AudienceClaim, value: appId },
    { type: AuthenticationConstants.AppIdClaim, value: appId },
  ]);
  const factory = auth.createConnectorFactory(identity);
  const clients = new Map<string, Promise<ConnectorClient>>();
  return {
    get(serviceUrl) {
      const known = clients.get(serviceUrl);
      if (known) return known;
      if (clients.size >= MAX_CLIENTS) clients.clear();
      const made = factory.create(serviceUrl);
      // A client that could not be made (credentials refused) is made again next time, not remembered.
      made.catch(() => {
        if (clients.get(serviceUrl) === made) clients.delete(serviceUrl);
      });
      clients.set(serviceUrl, made);
      return made;
    },
  };
}
