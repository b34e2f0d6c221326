import { Application } from '@microsoft/teams-ai';
import { ActivityTypes, type TurnContext } from 'botbuilder';
import type { AdapterDeps } from '../../src/ports/platform-adapter';
import { languageFromLocale, t } from '../../src/i18n/translate';
import { dmAddress, accountIdOf, isPersonal, type ConversationRefs } from './conversation-refs';
import { eventIdOf, turnFromInvoke, turnFromMessage } from './parse';

/**
 * How long a card press may keep Teams waiting. Teams gives an `adaptiveCard/action` invoke only a few seconds
 * before it shows the member an error, so a slow turn (say, a proactive send backing off after a 429) is answered
 * "received" in time and finishes on its own; its failures are still logged.
 */
const INVOKE_BUDGET_MS = 4000;

type Deps = Pick<AdapterDeps, 'bot' | 'events' | 'logger' | 'clock'> & { refs: ConversationRefs };

/** The key a handled activity is recorded under: a redelivery carries the same conversation and activity id. */
function dedupeKey(ctx: TurnContext): string | null {
  return ctx.activity.id ? `teams-activity:${eventIdOf(ctx.activity)}` : null;
}

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

  /** True the first time an activity is seen; a redelivered one is dropped. */
  async function firstTime(ctx: TurnContext): Promise<boolean> {
    const key = dedupeKey(ctx);
    if (key === null) return true;
    const first = await deps.events.markProcessed(key, deps.clock.now());
    if (!first) deps.logger.info('teams: redelivered activity ignored', { eventId: eventIdOf(ctx.activity) });
    return first;
  }

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

  app.activity(ActivityTypes.Message, async (ctx) => {
    const turn = turnFromMessage(ctx.activity);
    if (turn === null || !(await firstTime(ctx))) return;
    await deps.bot.handleTurn(turn);
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
    if (await firstTime(ctx)) await withinBudget(deps.bot.handleTurn(turn), turn.eventId);
    return t(language, 'teams.received');
  });

  async function withinBudget(work: Promise<void>, eventId: string): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<'late'>((resolve) => {
      timer = setTimeout(() => resolve('late'), INVOKE_BUDGET_MS);
    });
    try {
      const outcome = await Promise.race([work.then(() => 'done' as const), late]);
      if (outcome === 'late') {
        work.catch((error: unknown) => logFailure(deps, eventId, 'invoke', error));
      }
    } finally {
      clearTimeout(timer);
    }
  }

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
