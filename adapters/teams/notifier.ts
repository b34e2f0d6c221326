import type { Activity, CloudAdapter, ConversationParameters, ConversationReference } from 'botbuilder';
import { CardFactory, MessageFactory, TurnContext as Context } from 'botbuilder';
import { tx, type OutgoingMessage } from '../../src/engine/prompt';
import { translate } from '../../src/i18n/translate';
import type { Clock } from '../../src/ports/clock';
import type { KeyValueStore } from '../../src/ports/key-value-store';
import type { Logger } from '../../src/ports/logger';
import { DeliveryError, type Notifier } from '../../src/ports/notifier';
import type { ConnectorClients } from './connector-clients';
import { connectorCalls, type ConnectorCalls } from './connector-requests';
import type { ConversationRefs } from './conversation-refs';
import { toDeliveryError } from './delivery-errors';
import { renderAdaptiveCard } from './render';

/** Key-value namespace of sent activity ids, keyed `${updateKey}|${address}`, so a later send updates in place. */
export const MESSAGE_NAMESPACE = 'teams-message';

/** Where a message with an update key was posted. */
interface SentMessage {
  activityId: string;
  conversationId: string;
}

/** What the notifier needs; the adapter is botbuilder's CloudAdapter. */
export interface TeamsNotifierDeps {
  /** Opens personal chats (`createConversationAsync`), the rare case. */
  adapter: CloudAdapter;
  /** Posts and updates messages: one Bot Connector client per service url, reused (./connector-clients.ts). */
  connectors: ConnectorClients;
  /** How the posts and updates are made on those clients; default `connectorCalls()` (./connector-requests.ts). */
  calls?: ConnectorCalls;
  /** The bot's app id, or '' without authentication (development only). */
  appId: string;
  tenantId?: string;
  refs: ConversationRefs;
  keyValues: KeyValueStore;
  logger: Logger;
  clock: Clock;
  /** A short-lived link to Vaktpost's copy of an evidence file (src/evidence/evidence-download.ts). */
  evidenceLink?: (caseId: string, blob: string, userId: string) => { url: string; hours: number } | null;
}

/** The Bot Connector audience for proactive calls (public cloud). */
const CONNECTOR_AUDIENCE = 'https://api.botframework.com';

/**
 * Proactive delivery to `teams:dm:<account>` and `teams:conv:<conversation>` through stored conversation references.
 * A personal chat we have no reference for is opened with the user (Teams allows it when the app is installed for
 * them or in one of their teams); failures become DeliveryErrors the dispatcher understands.
 */
export class TeamsNotifier implements Notifier {
  private readonly calls: ConnectorCalls;

  constructor(private readonly deps: TeamsNotifierDeps) {
    this.calls = deps.calls ?? connectorCalls();
  }

  handles(address: string): boolean {
    return /^teams:(dm|conv):.+/.test(address);
  }

  async send(address: string, message: OutgoingMessage): Promise<void> {
    if (!this.handles(address)) {
      throw new DeliveryError({ kind: 'invalid_address', reason: 'teams: not a Teams address' });
    }
    try {
      await this.deliver(address, message);
    } catch (error) {
      const failure = toDeliveryError(error, this.deps.clock.now());
      this.deps.logger.warn('teams: delivery failed', { kind: failure.failure.kind, reason: failure.failure.reason });
      throw failure;
    }
  }

  /**
   * The message as botbuilder's `sendActivity` in a continued conversation would send it: from the bot to the
   * conversation of the reference. References are stored without an activity id, so it is never a reply to an old
   * message (in a channel it starts a new post).
   */
  private outgoing(activity: Partial<Activity>, reference: Partial<ConversationReference>): Partial<Activity> {
    const outgoing = Context.applyConversationReference({ ...activity }, reference);
    delete outgoing.replyToId;
    return outgoing;
  }

  private async connectorFor(reference: Partial<ConversationReference>) {
    if (!reference.serviceUrl || !reference.conversation?.id) {
      throw new DeliveryError({
        kind: 'invalid_address',
        reason: 'teams: conversation reference without a service url',
      });
    }
    const { serviceUrl } = reference;
    return {
      client: await this.deps.connectors.get(serviceUrl),
      serviceUrl,
      conversationId: reference.conversation.id,
    };
  }

  /** Opens a personal chat with a user we know only by account id; null when we know no region to ask. */
  private async openPersonalChat(address: string, accountId: string): Promise<Partial<ConversationReference> | null> {
    const { adapter, appId, refs } = this.deps;
    const hint = await refs.userHint(accountId);
    const any = await refs.anyReference();
    const serviceUrl = hint?.serviceUrl ?? any?.serviceUrl;
    const tenantId = hint?.tenantId ?? this.deps.tenantId ?? any?.conversation?.tenantId;
    if (!serviceUrl || !tenantId) return null;
    const botId = any?.bot?.id ?? `28:${appId}`;
    const parameters = {
      isGroup: false,
      bot: { id: botId, name: any?.bot?.name ?? '' },
      members: [{ id: hint?.teamsId ?? accountId, name: '' }],
      tenantId,
      channelData: { tenant: { id: tenantId } },
    } as ConversationParameters;
    let created: Partial<ConversationReference> | null = null;
    await adapter.createConversationAsync(appId, 'msteams', serviceUrl, CONNECTOR_AUDIENCE, parameters, async (ctx) => {
      const { activityId: _activityId, ...reference } = Context.getConversationReference(ctx.activity);
      // Marked personal so the stored reference reads like one Teams itself would have given us.
      const conversation = { ...reference.conversation, conversationType: 'personal' } as typeof reference.conversation;
      created = { ...reference, conversation };
    });
    if (created) await refs.put(address, created);
    return created;
  }

  private async referenceFor(address: string): Promise<Partial<ConversationReference>> {
    const stored = await this.deps.refs.get(address);
    if (stored) return stored;
    const accountId = address.startsWith('teams:dm:') ? address.slice('teams:dm:'.length) : '';
    const opened = accountId ? await this.openPersonalChat(address, accountId) : null;
    if (!opened) throw new DeliveryError({ kind: 'invalid_address', reason: 'teams: no conversation reference' });
    return opened;
  }

  /**
   * The card to send. An evidence file gets a button to Vaktpost's copy: a bot cannot put a file into a personal chat
   * without the member's OneDrive and a consent card, and an inline picture is capped in size and only for images,
   * so every file goes the same way, as a short-lived link that opens only for the case's owner.
   */
  private cardFor(address: string, message: OutgoingMessage) {
    const card = renderAdaptiveCard(message.prompt, message.language);
    const { prompt } = message;
    const blob = prompt.kind === 'file' ? prompt.file.stored?.blob : undefined;
    if (prompt.kind !== 'file' || !blob || !address.startsWith('teams:dm:')) return card;
    const link = this.deps.evidenceLink?.(prompt.caseId, blob, `teams:${address.slice('teams:dm:'.length)}`);
    if (!link) return card;
    const title = translate(message.language, tx('evidence.owner.link', { hours: link.hours }));
    return { ...card, actions: [...(card.actions ?? []), { type: 'Action.OpenUrl', title, url: link.url }] };
  }

  private async deliver(address: string, message: OutgoingMessage): Promise<void> {
    const { keyValues } = this.deps;
    const card = this.cardFor(address, message);
    const activity: Partial<Activity> = MessageFactory.attachment(CardFactory.adaptiveCard(card));
    const reference = await this.referenceFor(address);
    const messageKey = message.updateKey ? `${message.updateKey}|${address}` : undefined;
    const previous = messageKey ? await keyValues.get<SentMessage>(MESSAGE_NAMESPACE, messageKey) : null;
    const { client, serviceUrl, conversationId } = await this.connectorFor(reference);
    const outgoing = this.outgoing(activity, reference);
    if (previous) {
      try {
        const replacement = { ...outgoing, id: previous.activityId };
        await this.calls.update(client, serviceUrl, conversationId, previous.activityId, replacement);
        return;
      } catch (error) {
        // The old message was deleted: post a fresh one rather than lose the update.
        if ((error as { statusCode?: unknown }).statusCode !== 404) throw error;
      }
    }
    const sentId = await this.calls.send(client, serviceUrl, conversationId, outgoing);
    if (messageKey && sentId) {
      const record: SentMessage = { activityId: sentId, conversationId: reference.conversation?.id ?? '' };
      await keyValues.put(MESSAGE_NAMESPACE, messageKey, record);
    }
  }
}
