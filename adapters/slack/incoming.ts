import type { webApi } from '@slack/bolt';
import { tx } from '../../src/engine/prompt';
import type { IncomingTurn } from '../../src/engine/turn';
import { receiveFiles, type ReceiveFilesDeps } from '../../src/evidence/receive-files';
import { languageFromLocale } from '../../src/i18n/translate';
import type { AdapterDeps } from '../../src/ports/platform-adapter';
import { MODAL_NAMESPACE, modalSpecSchema, modalView, type ModalSpec } from './modal';
import { parseSlackPayload, type ParsedPayload } from './parse';
import type { TurnQueue } from './turn-queue';
import type { SlackUserProfiles } from './user-profiles';

export interface IncomingDeps {
  deps: AdapterDeps;
  client: webApi.WebClient;
  profiles: SlackUserProfiles;
  queue: TurnQueue;
  botUserId: () => string | undefined;
}

type Parsed<K extends ParsedPayload['kind']> = Extract<ParsedPayload, { kind: K }>;

/**
 * Handles one Slack request. Order matters: the parsed turn is written to the durable inbox under its delivery id
 * (one store write) before the ack, so an acknowledged delivery is never lost, and a retry (X-Slack-Retry-Num, same
 * event_id) finds it and changes nothing. If it cannot be stored, no ack is sent and Slack delivers it again. The
 * core processes the turn after the ack; a button that opens a modal is acked and opened at once (its trigger_id
 * lasts three seconds), nothing is stored for it because nothing has happened yet.
 */
export async function handleSlackRequest(ctx: IncomingDeps, body: unknown, ack?: () => Promise<void>): Promise<void> {
  const parsed = parseSlackPayload(body, ctx.botUserId());
  if (parsed.kind === 'ignore') {
    await ack?.();
    return;
  }
  if (parsed.kind === 'modal') {
    const stored = modalSpecSchema.safeParse(await ctx.deps.keyValues.get(MODAL_NAMESPACE, parsed.modalKey));
    if (stored.success) {
      await ack?.();
      ctx.queue.now(() => openModal(ctx, parsed, stored.data));
      return;
    }
    // Without its stored description the press goes to the core as it is.
    ctx.deps.logger.warn('slack modal description missing', { action: parsed.metadata.a, modal: parsed.modalKey });
    await ctx.deps.intake.accept(pressWithoutModal(parsed));
    await ack?.();
    return;
  }
  await ctx.deps.intake.accept(turnOf(parsed));
  await ack?.();
}

/** The stored turn: the member's name and locale are filled in by `prepareSlackTurn` when it is processed. */
function turnOf(parsed: Parsed<'turn'>): IncomingTurn {
  return {
    ...parsed.turn,
    user: { id: `slack:${parsed.slackUserId}`, displayName: parsed.fallbackName ?? parsed.slackUserId },
  };
}

function pressWithoutModal(parsed: Parsed<'modal'>): IncomingTurn {
  const { a, v, c } = parsed.metadata;
  return turnOf({
    kind: 'turn',
    key: parsed.key,
    slackUserId: parsed.slackUserId,
    turn: {
      eventId: parsed.key,
      platform: 'slack',
      address: `slack:dm:${parsed.slackUserId}`,
      isDirect: c === undefined,
      ...(c !== undefined ? { channelAddress: `slack:channel:${c}` } : {}),
      action: { id: a, value: v },
    },
  });
}

/** Looks up the member's name and locale (users.info, cached) just before the core sees the turn. */
export async function prepareSlackTurn(
  profiles: SlackUserProfiles,
  turn: IncomingTurn,
  files?: ReceiveFilesDeps,
): Promise<IncomingTurn> {
  const slackUserId = turn.user.id.slice('slack:'.length);
  const profile = await profiles.get(slackUserId, turn.user.displayName);
  const prepared: IncomingTurn = {
    ...turn,
    user: {
      id: turn.user.id,
      displayName: profile.displayName,
      ...(profile.locale ? { locale: profile.locale } : {}),
    },
  };
  // The member's files are downloaded now, once, before the core sees them: their SHA-256 is recorded at arrival.
  return files ? receiveFiles(prepared, languageFromLocale(profile.locale), files) : prepared;
}

/** Opens the modal a button asks for; if Slack refuses, the member is told (through the outbox) to press again. */
async function openModal(ctx: IncomingDeps, parsed: Parsed<'modal'>, spec: ModalSpec): Promise<void> {
  try {
    await ctx.client.views.open({ trigger_id: parsed.triggerId, view: modalView(spec, parsed.metadata) });
  } catch (error) {
    ctx.deps.logger.warn('slack views.open failed', {
      action: parsed.metadata.a,
      error: (error as { code?: string }).code ?? 'unknown',
    });
    try {
      const profile = await ctx.profiles.get(parsed.slackUserId);
      const message = {
        language: languageFromLocale(profile.locale),
        prompt: { kind: 'message' as const, text: tx('slack.modal.expired') },
      };
      await ctx.deps.messages.send(`slack:dm:${parsed.slackUserId}`, message);
    } catch (failure) {
      ctx.deps.logger.error('slack modal follow-up could not be queued', {
        error: (failure as { code?: string }).code ?? (failure as Error).name,
      });
    }
  }
}
