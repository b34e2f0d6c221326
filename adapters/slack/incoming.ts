import type { webApi } from '@slack/bolt';
import { decodeStepValue } from '../../src/engine/actions';
import { tx } from '../../src/engine/prompt';
import type { IncomingTurn } from '../../src/engine/turn';
import { languageFromLocale } from '../../src/i18n/translate';
import type { AdapterDeps } from '../../src/ports/platform-adapter';
import type { Notifier } from '../../src/ports/notifier';
import { MODAL_NAMESPACE, modalSpecSchema, modalView } from './modal';
import { parseSlackPayload, type ParsedPayload } from './parse';
import type { TurnQueue } from './turn-queue';
import type { SlackUserProfiles } from './user-profiles';

/** Namespace of the adapter's delivery marks; the core keeps its own per turn (`slack:<eventId>`). */
const DELIVERY_PREFIX = 'slack-delivery:';

export interface IncomingDeps {
  deps: AdapterDeps;
  client: webApi.WebClient;
  notifier: Notifier;
  profiles: SlackUserProfiles;
  queue: TurnQueue;
  botUserId: () => string | undefined;
}

type Parsed<K extends ParsedPayload['kind']> = Extract<ParsedPayload, { kind: K }>;

/**
 * Handles one Slack request. Order matters: the delivery is marked as seen (a local write) before the ack, so a
 * retry (X-Slack-Retry-Num, same event_id) changes nothing; the ack goes out before any Slack call; the work then
 * runs in the background. If the mark cannot be stored, no ack is sent and Slack delivers again later.
 */
export async function handleSlackRequest(ctx: IncomingDeps, body: unknown, ack?: () => Promise<void>): Promise<void> {
  const parsed = parseSlackPayload(body, ctx.botUserId());
  if (parsed.kind === 'ignore') {
    await ack?.();
    return;
  }
  const first = await ctx.deps.events.markProcessed(`${DELIVERY_PREFIX}${parsed.key}`, ctx.deps.clock.now());
  await ack?.();
  if (!first) {
    ctx.deps.logger.info('slack delivery repeated, ignored', { delivery: parsed.key });
    return;
  }
  if (parsed.kind === 'modal') ctx.queue.now(() => openModal(ctx, parsed));
  else ctx.queue.enqueue(parsed.slackUserId, () => runTurn(ctx, parsed));
}

async function runTurn(ctx: IncomingDeps, parsed: Parsed<'turn'>): Promise<void> {
  const profile = await ctx.profiles.get(parsed.slackUserId, parsed.fallbackName);
  const turn: IncomingTurn = {
    ...parsed.turn,
    user: {
      id: `slack:${parsed.slackUserId}`,
      displayName: profile.displayName,
      ...(profile.locale ? { locale: profile.locale } : {}),
    },
  };
  try {
    await ctx.deps.bot.handleTurn(turn);
  } catch (error) {
    await errorBoundary(ctx, turn, error, profile.locale);
  }
}

/**
 * The adapter's one error boundary: logs ids only (delivery, action, step or case; never what anyone wrote) and
 * tells the member politely, in their language, to try again.
 */
async function errorBoundary(ctx: IncomingDeps, turn: IncomingTurn, error: unknown, locale?: string): Promise<void> {
  const action = turn.action;
  ctx.deps.logger.error('slack turn failed', {
    delivery: turn.eventId,
    action: action?.id ?? null,
    step: action ? (decodeStepValue(action.value)?.stepId ?? null) : null,
    case: action?.id.startsWith('case:') ? action.value.slice(0, 120) : null,
    error: (error as { code?: string }).code ?? (error as Error).name ?? 'unknown',
  });
  await tell(ctx, turn.user.id.slice('slack:'.length), 'error.internal', locale);
}

async function tell(ctx: IncomingDeps, slackUserId: string, key: string, locale?: string): Promise<void> {
  try {
    const message = { language: languageFromLocale(locale), prompt: { kind: 'message' as const, text: tx(key) } };
    await ctx.notifier.send(`slack:dm:${slackUserId}`, message);
  } catch (error) {
    ctx.deps.logger.error('slack apology failed', {
      error: (error as { code?: string }).code ?? (error as Error).name,
    });
  }
}

/** Opens the modal a button asks for; without its stored description the press goes to the core as it is. */
async function openModal(ctx: IncomingDeps, parsed: Parsed<'modal'>): Promise<void> {
  const stored = modalSpecSchema.safeParse(await ctx.deps.keyValues.get(MODAL_NAMESPACE, parsed.modalKey));
  if (!stored.success) {
    ctx.deps.logger.warn('slack modal description missing', { action: parsed.metadata.a, modal: parsed.modalKey });
    const { a, v, c } = parsed.metadata;
    const turn = {
      eventId: parsed.key,
      platform: 'slack' as const,
      address: `slack:dm:${parsed.slackUserId}`,
      isDirect: c === undefined,
      ...(c !== undefined ? { channelAddress: `slack:channel:${c}` } : {}),
      action: { id: a, value: v },
    };
    ctx.queue.enqueue(parsed.slackUserId, () =>
      runTurn(ctx, { kind: 'turn', key: parsed.key, slackUserId: parsed.slackUserId, turn }),
    );
    return;
  }
  try {
    await ctx.client.views.open({ trigger_id: parsed.triggerId, view: modalView(stored.data, parsed.metadata) });
  } catch (error) {
    ctx.deps.logger.warn('slack views.open failed', {
      action: parsed.metadata.a,
      error: (error as { code?: string }).code ?? 'unknown',
    });
    const profile = await ctx.profiles.get(parsed.slackUserId);
    await tell(ctx, parsed.slackUserId, 'slack.modal.expired', profile.locale);
  }
}
