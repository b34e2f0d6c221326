import type { Activity, ConversationReference } from 'botbuilder';
import { TurnContext } from 'botbuilder';
import type { KeyValueStore } from '../../src/ports/key-value-store';

/** Key-value namespace of Bot Framework conversation references, keyed by our address (`teams:dm:…`, `teams:conv:…`). */
export const REF_NAMESPACE = 'teams-ref';
/** Key-value namespace of what we learnt about a Teams user, for opening a 1:1 chat with them later. */
export const USER_NAMESPACE = 'teams-user';

/** What a 1:1 chat with a user needs beyond their AAD object id: their Teams id (`29:…`), tenant and region. */
export interface TeamsUserHint {
  /** The Teams channel account id (`29:…`), preferred by the connector when creating a conversation. */
  teamsId: string;
  tenantId?: string;
  serviceUrl: string;
}

/** The account id we use for a user: the AAD object id when Teams gives one (stable across tenants' clients). */
export function accountIdOf(activity: Partial<Activity>): string {
  return activity.from?.aadObjectId ?? activity.from?.id ?? '';
}

/** The address of a user's personal chat with the bot. */
export function dmAddress(accountId: string): string {
  return `teams:dm:${accountId}`;
}

/**
 * A channel conversation id without the `;messageid=…` suffix Teams adds when the bot is mentioned in a reply
 * thread: alerts must start a new post in the channel, not land deep in an old thread.
 */
export function rootConversationId(conversationId: string): string {
  return conversationId.split(';')[0] ?? conversationId;
}

/** The address of a channel (or group) conversation. */
export function conversationAddress(conversationId: string): string {
  return `teams:conv:${rootConversationId(conversationId)}`;
}

/** True for a one-to-one chat between a user and the bot. */
export function isPersonal(activity: Partial<Activity>): boolean {
  return activity.conversation?.conversationType === 'personal' || activity.conversation?.isGroup === false;
}

/** The tenant of an activity: Teams puts it on the conversation and in channelData. */
export function tenantOf(activity: Partial<Activity>): string | undefined {
  const fromChannelData = (activity.channelData as { tenant?: { id?: unknown } } | undefined)?.tenant?.id;
  return activity.conversation?.tenantId ?? (typeof fromChannelData === 'string' ? fromChannelData : undefined);
}

/** Reads and writes conversation references and user hints. */
export interface ConversationRefs {
  /** Stores what this activity tells us about where to reach its conversation and its sender. */
  remember(activity: Activity): Promise<void>;
  get(address: string): Promise<Partial<ConversationReference> | null>;
  put(address: string, reference: Partial<ConversationReference>): Promise<void>;
  forget(address: string): Promise<void>;
  userHint(accountId: string): Promise<TeamsUserHint | null>;
  /** Any stored reference: its serviceUrl and tenant are enough to open a 1:1 chat with someone we never met. */
  anyReference(): Promise<Partial<ConversationReference> | null>;
}

/** Conversation references kept in the key-value store, so proactive messages survive restarts. */
export function createConversationRefs(keyValues: KeyValueStore): ConversationRefs {
  return {
    async remember(activity) {
      if (!activity.conversation?.id || !activity.serviceUrl || !activity.from?.id) return;
      const accountId = accountIdOf(activity);
      // Without the incoming activity's id: with it, botbuilder would send every later message as a reply to it,
      // and in a channel alerts would pile up in the thread of the `bind` message instead of starting new posts.
      const { activityId: _activityId, ...reference } = TurnContext.getConversationReference(activity);
      if (isPersonal(activity)) {
        await keyValues.put(REF_NAMESPACE, dmAddress(accountId), reference);
      } else {
        const root = rootConversationId(activity.conversation.id);
        await keyValues.put(REF_NAMESPACE, conversationAddress(root), {
          ...reference,
          conversation: { ...reference.conversation, id: root },
        });
      }
      // Teams ids (29:…) only reach us on activities; keeping them lets the notifier open a 1:1 chat with a contact
      // who pressed "Take" in a channel but never wrote to the bot.
      const tenantId = tenantOf(activity);
      const hint: TeamsUserHint = {
        teamsId: activity.from.id,
        serviceUrl: activity.serviceUrl,
        ...(tenantId ? { tenantId } : {}),
      };
      await keyValues.put(USER_NAMESPACE, accountId, hint);
    },
    get: (address) => keyValues.get<Partial<ConversationReference>>(REF_NAMESPACE, address),
    put: (address, reference) => keyValues.put(REF_NAMESPACE, address, reference),
    forget: (address) => keyValues.delete(REF_NAMESPACE, address),
    userHint: (accountId) => keyValues.get<TeamsUserHint>(USER_NAMESPACE, accountId),
    async anyReference() {
      const all = await keyValues.list<Partial<ConversationReference>>(REF_NAMESPACE);
      return all[0]?.value ?? null;
    },
  };
}
