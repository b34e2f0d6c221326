import { ChannelValidation, SimpleCredentialProvider } from 'botframework-connector';

/** Why a request was refused before its body was read; null when its token is good. */
export type TokenVerdict = 'auth.no_token' | 'auth.invalid_token' | null;

/**
 * Checks the bearer token of a request to /api/messages: one the Bot Framework signed for this bot (signature from
 * the published keys, issuer, audience = our app id, expiry), BEFORE its body is read, so an unauthenticated body is
 * never parsed, used or logged. The claims that depend on the activity (its channel's endorsement, the serviceUrl)
 * are checked by botbuilder after parsing, as before.
 */
export function createTokenCheck(appId: string): (header: string | undefined) => Promise<TokenVerdict> {
  const credentials = new SimpleCredentialProvider(appId, '');
  return async (header) => {
    if (typeof header !== 'string' || !/^Bearer \S+$/.test(header)) return 'auth.no_token';
    // An empty channel id: the endorsement needs the activity's channel, which is checked after parsing.
    return ChannelValidation.authenticateChannelToken(header, credentials, '').then(
      () => null,
      () => 'auth.invalid_token' as const,
    );
  };
}
