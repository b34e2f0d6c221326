import { type Activity, ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import {
  AuthenticationConstants,
  AuthenticationError,
  ConnectorFactory,
  type AuthenticateRequestResult,
  type ClaimsIdentity,
  type ConnectorClient,
  type UserTokenClient,
} from 'botframework-connector';

/** A guard on the kept clients: a bot sees a handful of service urls and one app id. */
const MAX_KEPT = 64;

/** The value made for `key`, made once and kept; a value that failed is made again next time. */
function kept<T>(cache: Map<string, Promise<T>>, key: string, make: () => Promise<T>): Promise<T> {
  const known = cache.get(key);
  if (known) return known;
  if (cache.size >= MAX_KEPT) cache.clear();
  const made = make();
  made.catch(() => {
    if (cache.get(key) === made) cache.delete(key);
  });
  cache.set(key, made);
  return made;
}

/** The app a turn's clients act as (the token's audience, as botbuilder's connector factory reads it). */
function appIdOf(identity: ClaimsIdentity): string {
  const audience = identity.getClaimValue(AuthenticationConstants.AudienceClaim) ?? '';
  const appId = identity.getClaimValue(AuthenticationConstants.AppIdClaim) ?? '';
  return `${audience}|${appId}`;
}

/** botbuilder's connector factory for one turn, handing out the clients kept across turns. */
class KeptConnectorFactory extends ConnectorFactory {
  constructor(
    private readonly inner: ConnectorFactory,
    private readonly app: string,
    private readonly clients: Map<string, Promise<ConnectorClient>>,
  ) {
    super();
  }

  create(serviceUrl: string, audience?: string): Promise<ConnectorClient> {
    return kept(this.clients, `${this.app}|${audience ?? ''}|${serviceUrl}`, () =>
      this.inner.create(serviceUrl, audience),
    );
  }
}

/**
 * botbuilder's token check, with two changes.
 *
 * A token whose signature does not verify makes jsonwebtoken throw its own error, which CloudAdapter answers with
 * 500 instead of 401. Every failed check becomes a 401 here, so a forged request is refused like a missing one (and
 * nothing in the turn pipeline runs either way).
 *
 * CloudAdapter builds a `ConnectorClient` (an HTTP pipeline of a dozen policies) and a `UserTokenClient` for every
 * incoming activity, though Vaktpost answers through the outbox and uses them only for an apology when a turn fails.
 * They are kept per app, audience and service url instead: made the same way, with the same credentials (whose
 * access token botbuilder caches across clients anyway).
 */
export class StrictBotFrameworkAuthentication extends ConfigurationBotFrameworkAuthentication {
  private readonly connectors = new Map<string, Promise<ConnectorClient>>();
  private readonly userTokens = new Map<string, Promise<UserTokenClient>>();

  override async authenticateRequest(activity: Activity, authHeader: string): Promise<AuthenticateRequestResult> {
    let result: AuthenticateRequestResult;
    try {
      result = await super.authenticateRequest(activity, authHeader);
    } catch (error) {
      if (error instanceof AuthenticationError) throw error;
      const reason = error instanceof Error ? error.message : 'invalid token';
      throw new AuthenticationError(`Unauthorized: ${reason}`, 401);
    }
    if (!result.connectorFactory) return result;
    const factory = new KeptConnectorFactory(result.connectorFactory, appIdOf(result.claimsIdentity), this.connectors);
    return { ...result, connectorFactory: factory };
  }

  override createUserTokenClient(identity: ClaimsIdentity): Promise<UserTokenClient> {
    return kept(this.userTokens, appIdOf(identity), () => super.createUserTokenClient(identity));
  }
}
