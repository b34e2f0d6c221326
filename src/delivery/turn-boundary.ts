import { isVaktpostError } from '../domain/errors';
import { tx } from '../engine/prompt';
import type { IncomingTurn } from '../engine/turn';
import { languageFromLocale } from '../i18n/translate';
import type { Logger } from '../ports/logger';
import type { ProfileStore } from '../ports/profile-store';
import type { TurnInboxDeps } from './turn-inbox';
import type { TurnNotifier } from './turn-scope';

/**
 * What the boundary needs: where members' languages are kept. The apology and the "slow down" go through the turn's
 * own outbox, which the inbox hands in: they are retried like every other message, and queued once.
 */
export interface TurnBoundaryDeps {
  profiles: ProfileStore;
  logger: Logger;
}

/**
 * The one error boundary of every platform's turns (they all run through the inbox): the log gets ids and codes only,
 * never what anyone wrote; the member gets a polite word in their language. Also the one calm "slow down".
 */
export function createTurnBoundary(deps: TurnBoundaryDeps): Pick<TurnInboxDeps, 'onFailure' | 'onFlood'> {
  const languageOf = async (turn: IncomingTurn) =>
    (await deps.profiles.get(turn.user.id))?.language ?? languageFromLocale(turn.user.locale);
  const say = async (turn: IncomingTurn, key: string, out: TurnNotifier) => {
    const language = await languageOf(turn);
    await out.send(turn.address, { language, prompt: { kind: 'message', text: tx(key) } });
  };
  return {
    async onFailure(turn, error, out) {
      deps.logger.error('turn failed', {
        platform: turn.platform,
        event: turn.eventId,
        action: turn.action?.id ?? null,
        code: isVaktpostError(error) ? error.code : 'internal',
        error: error instanceof Error ? error.name : typeof error,
      });
      await say(turn, 'error.internal', out);
    },
    async onFlood(turn, out) {
      deps.logger.warn('member sends too many messages; answered once', { platform: turn.platform });
      await say(turn, 'bot.slow_down', out);
    },
  };
}
