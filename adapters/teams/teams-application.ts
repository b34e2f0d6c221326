import { Application } from '@microsoft/teams-ai';
import { ActivityTypes, type TurnContext } from 'botbuilder';
import type { AdapterDeps } from '../../src/ports/platform-adapter';
import { languageFromLocale, t } from '../../src/i18n/translate';
import { dmAddress, accountIdOf, isPersonal, type ConversationRefs } from './conversation-refs';
import { eventIdOf, turnFromInvoke, turnFromMessage } from './parse';

type Deps = Pick<AdapterDeps, 'intake' | 'logger'> & { refs: ConversationRefs };

/** The language for the adapter's own short answers, from the activity's locale (Swedish when unknown). */
function languageOf(ctx: TurnContext) {
  return languageFromLocale(ctx.activity.locale);
}

/**
 * Routes Teams activities with teams-ai's Application (the customer's stack, and the shape the Microsoft 365 Agents
 * SDK's AgentApplication keeps: `activity`, `adaptiveCards.actionExecute`, `turn('beforeTurn')`), so a later move
 * changes little here. The typing timer is off: teams-ai keeps one timer per Application, so concurrent turns would
 * stop each other's, and each tick is one more call to the connector. Mentions are stripped by our own parser,
 * which keeps the names of other people mentioned.
 */
export function createTeamsApplication(deps: Deps): Application {
  // No `adapter` option: Application only uses it for its own proactive helpers, and ours live in the notifier.
  const app = new Application({ startTypingTimer: false, removeRecipientMention: false });

  // Every activity first leaves its conversation reference, so the core's replies (sent proactively through the
  // notifier) and later alerts find the conversation, also after a restart.
  app.turn('beforeTurn', async (ctx) => {
    const { activity } = ctx;
    const removed = activity.type === ActivityTypes.InstallationUpdate && /^remove/.test(String(activity.action ?? ''));
    if (removed && isPersonal(activity)) {
      await deps.refs.forget(dmAddress(accountIdOf(activity)));
      return false;
    }
    await deps.refs.remember(activity);
    return true;
  });

  // The turn is written to the durable inbox before Teams gets its 200; the core processes it afterwards and answers
  // proactively through the outbox. A redelivery (same conversation and activity id) finds it stored and is dropped.
  app.activity(ActivityTypes.Message, async (ctx) => {
    const turn = turnFromMessage(ctx.activity);
    if (turn === null) return;
    await deps.intake.accept(turn);
  });

  // The invoke is answered with a short message rather than a card: what a press leads to reaches everyone through
  // the notifier (a new question, or the alert updated for the whole channel), and a card in the invoke response
  // would replace the card for the presser alone.
  app.adaptiveCards.actionExecute(/.*/, async (ctx) => {
    const language = languageOf(ctx);
    const turn = turnFromInvoke(ctx.activity);
    if (turn === null) {
      deps.logger.warn('teams: card action with unknown data', { eventId: eventIdOf(ctx.activity) });
      return t(language, 'bot.unknown_action');
    }
    // Stored, then answered at once: Teams gives an invoke only a few seconds, and the work needs none of them.
    await deps.intake.accept(turn);
    return t(language, 'teams.received');
  });

  return app;
}

/** Logs a failed turn by ids and error name only: never what the member wrote. */
export function logFailure(deps: Pick<AdapterDeps, 'logger'>, eventId: string, type: string, error: unknown): void {
  const code = (error as { code?: unknown }).code;
  deps.logger.error('teams: turn failed', {
    eventId,
    activityType: type,
    error: error instanceof Error ? error.name : typeof error,
    ...(typeof code === 'string' ? { code } : {}),
  });
}

/**
 * The adapter's one error boundary (botbuilder's onTurnError): logs the turn by ids and tells the member politely,
 * in their language, that something went wrong; a card press gets the same words as its invoke response.
 */
export function createErrorBoundary(deps: Pick<AdapterDeps, 'logger'>) {
  return async (ctx: TurnContext, error: unknown): Promise<void> => {
    logFailure(deps, eventIdOf(ctx.activity), ctx.activity.type, error);
    const text = t(languageOf(ctx), 'error.internal');
    try {
      if (ctx.activity.type === ActivityTypes.Invoke) {
        await ctx.sendActivity({
          type: ActivityTypes.InvokeResponse,
          value: {
            status: 200,
            body: { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: text },
          },
        });
      } else if (ctx.activity.type === ActivityTypes.Message) {
        await ctx.sendActivity(text);
      }
    } catch (replyError) {
      logFailure(deps, eventIdOf(ctx.activity), 'error-reply', replyError);
    }
  };
}
