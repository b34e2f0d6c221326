import { type Activity, ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import { AuthenticationError, type AuthenticateRequestResult } from 'botframework-connector';

/**
 * botbuilder's token check, with one correction: a token whose signature does not verify makes jsonwebtoken throw
 * its own error, which CloudAdapter answers with 500 instead of 401. Every failed check becomes a 401 here, so a
 * forged request is refused like a missing one (and nothing in the turn pipeline runs either way).
 */
export class StrictBotFrameworkAuthentication extends ConfigurationBotFrameworkAuthentication {
  override async authenticateRequest(activity: Activity, authHeader: string): Promise<AuthenticateRequestResult> {
    try {
      return await super.authenticateRequest(activity, authHeader);
    } catch (error) {
      if (error instanceof AuthenticationError) throw error;
      const reason = error instanceof Error ? error.message : 'invalid token';
      throw new AuthenticationError(`Unauthorized: ${reason}`, 401);
    }
  }
}
