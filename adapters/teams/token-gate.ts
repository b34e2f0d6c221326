import { ChannelValidation, SimpleCredentialProvider } from 'botframework-connector';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { Logger } from '../../src/ports/logger';

/**
 * Refuses a request to /api/messages whose bearer token is not one the Bot Framework signed for this bot (signature
 * from the published keys, issuer, audience = our app id, expiry) BEFORE its body is read: an unauthenticated body is
 * never parsed, used or logged. The claims that depend on the activity (its channel's endorsement, the serviceUrl)
 * are checked by botbuilder after parsing, as before.
 */
export function createTokenGate(appId: string, logger: Logger): RequestHandler {
  const credentials = new SimpleCredentialProvider(appId, '');
  return (req: Request, res: Response, next: NextFunction) => {
    const header = req.headers.authorization;
    const refuse = (code: string): void => {
      logger.warn('teams: request refused before reading its body', { status: 401, code });
      res.status(401).json({ error: 'unauthorized' });
    };
    if (typeof header !== 'string' || !/^Bearer \S+$/.test(header)) {
      refuse('auth.no_token');
      return;
    }
    // An empty channel id: the endorsement needs the activity's channel, which is checked after parsing.
    ChannelValidation.authenticateChannelToken(header, credentials, '').then(
      () => next(),
      () => refuse('auth.invalid_token'),
    );
  };
}
