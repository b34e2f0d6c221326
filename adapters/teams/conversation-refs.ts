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

/** How many addresses and users this process remembers the stored value for (oldest forgotten first). */
const KNOWN_CACHE_SIZE = 10_000;
/** How long a remembered value is trusted: another instance (on MongoDB) may have changed the store meanwhile. */
const KNOWN_FOR_MS = 10 * 60_000;

/**
 * What this process last wrote or read under each key, as JSON: a turn whose conversation reference and user hint
 * are what the store holds writes nothing, and a send reads its reference from here (two sealed store writes per
 * activity and a sealed read per message saved on a busy server). Only messages and card presses skip the write;
 * an install, a conversation update and anything else always writes, so a reference removed meanwhile by another
 * instance comes back when the app is added again. Trusted for `KNOWN_FOR_MS`, then read again.
 */
class KnownValues {
  private readonly values = new Map<string, { json: string; at: number }>();

  /** The JSON known for the key, or undefined when none or too old. */
  get(key: string): string | undefined {
    const known = this.values.get(key);
    if (!known) return undefined;
    if (Date.now() - known.at < KNOWN_FOR_MS) return known.json;
    this.values.delete(key);
    return undefined;
  }

  set(key: string, json: string): void {
    this.values.delete(key);
    this.values.set(key, { json, at: Date.now() });
    if (this.values.size > KNOWN_CACHE_SIZE) {
      const oldest = this.values.keys().next().value;
      if (oldest !== undefined) this.values.delete(oldest);
    }
  }

  forget(key: string): void {
    this.values.delete(key);
  }
}

/** The activity types whose stored reference and hint may be skipped when unchanged (see `WrittenCache`). */
const SKIPPABLE = new Set(['message', 'invoke']);

/** Conversation references kept in the key-value store, so proactive messages survive restarts. */
export function createConversationRefs(keyValues: KeyValueStore): ConversationRefs {
  const known = new KnownValues();
  /** Writes unless the store is known to hold this value already and the activity allows skipping it. */
  async function putOnce(namespace: string, key: string, value: object, skippable: boolean): Promise<void> {
    const cacheKey = `${namespace}|${key}`;
    const serialised = JSON.stringify(value);
    if (skippable && known.get(cacheKey) === serialised) return;
    // Forgotten first: a failed write must not leave the cache claiming the store has it.
    known.forget(cacheKey);
    await keyValues.put(namespace, key, value);
    known.set(cacheKey, serialised);
  }
  /** The stored value, from what this process knows when it can; a fresh object either way (callers may change it). */
  async function getKnown<T>(namespace: string, key: string): Promise<T | null> {
    const cacheKey = `${namespace}|${key}`;
    const json = known.get(cacheKey);
    if (json !== undefined) return JSON.parse(json) as T;
    const value = await keyValues.get<T>(namespace, key);
    if (value !== null) known.set(cacheKey, JSON.stringify(value));
    return value;
  }
  return {
    async remember(activity) {
      if (!activity.conversation?.id || !activity.serviceUrl || !activity.from?.id) return;
      const skippable = SKIPPABLE.has(activity.type);
      const accountId = accountIdOf(activity);
      // Without the incoming activity's id: with it, botbuilder would send every later message as a reply to it,
      // and in a channel alerts would pile up in the thread of the `bind` message instead of starting new posts.
      const { activityId: _activityId, ...reference } = TurnContext.getConversationReference(activity);
      if (isPersonal(activity)) {
        await putOnce(REF_NAMESPACE, dmAddress(accountId), reference, skippable);
      } else {
        const root = rootConversationId(activity.conversation.id);
        const rootReference = { ...reference, conversation: { ...reference.conversation, id: root } };
        await putOnce(REF_NAMESPACE, conversationAddress(root), rootReference, skippable);
      }
      // Teams ids (29:…) only reach us on activities; keeping them lets the notifier open a 1:1 chat with a contact
      // who pressed "Take" in a channel but never wrote to the bot.
      const tenantId = tenantOf(activity);
      const hint: TeamsUserHint = {
        teamsId: activity.from.id,
        serviceUrl: activity.serviceUrl,
        ...(tenantId ? { tenantId } : {}),
      };
      await putOnce(USER_NAMESPACE, accountId, hint, skippable);
    },
    get: (address) => getKnown<Partial<ConversationReference>>(REF_NAMESPACE, address),
    async put(address, reference) {
      known.forget(`${REF_NAMESPACE}|${address}`);
      await keyValues.put(REF_NAMESPACE, address, reference);
    },
    async forget(address) {
      known.forget(`${REF_NAMESPACE}|${address}`);
      await keyValues.delete(REF_NAMESPACE, address);
    },
    userHint: (accountId) => getKnown<TeamsUserHint>(USER_NAMESPACE, accountId),
    async anyReference() {
      const all = await keyValues.list<Partial<ConversationReference>>(REF_NAMESPACE);
      return all[0]?.value ?? null;
    },
  };
}
