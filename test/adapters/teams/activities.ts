/**
 * Activities shaped like the ones Teams posts to a bot (Bot Framework activity schema, Teams channelData), built
 * from the documented examples with invented ids.
 */
export const BOT = { id: '28:00000000-0000-0000-0000-0000000000b0', name: 'Vaktpost' };
export const TENANT = '00000000-0000-0000-0000-00000000000t';

let counter = 0;
/** A fresh Teams-like activity id. */
export function nextActivityId(): string {
  return `f:${Date.now()}${++counter}`;
}

export interface Person {
  teamsId: string;
  aadObjectId: string;
  name: string;
}

export const MEMBER: Person = { teamsId: '29:member', aadObjectId: 'aad-member', name: 'Maja Medlem' };
export const CONTACT: Person = { teamsId: '29:contact', aadObjectId: 'aad-contact', name: 'Kim Kontakt' };

/** The personal chat id Teams gives a person with the bot. */
export function personalConversation(person: Person): string {
  return `a:personal-${person.aadObjectId}`;
}

export const CHANNEL = '19:alerts@thread.tacv2';

function base(serviceUrl: string, person: Person, conversation: Record<string, unknown>) {
  return {
    id: nextActivityId(),
    channelId: 'msteams',
    serviceUrl,
    timestamp: new Date().toISOString(),
    locale: 'sv-SE',
    from: { id: person.teamsId, name: person.name, aadObjectId: person.aadObjectId },
    recipient: BOT,
    conversation: { tenantId: TENANT, ...conversation },
    channelData: { tenant: { id: TENANT } },
  };
}

/** A message in the person's personal chat with the bot. */
export function personalMessage(serviceUrl: string, person: Person, text: string, extra: Record<string, unknown> = {}) {
  return {
    ...base(serviceUrl, person, { id: personalConversation(person), conversationType: 'personal' }),
    type: 'message',
    text,
    textFormat: 'plain',
    ...extra,
  };
}

/** A channel message that @mentions the bot, as Teams sends it (mention tag in text plus a mention entity). */
export function channelMention(serviceUrl: string, person: Person, text: string, threadId = '1700000000000') {
  return {
    ...base(serviceUrl, person, {
      id: `${CHANNEL};messageid=${threadId}`,
      conversationType: 'channel',
      isGroup: true,
    }),
    type: 'message',
    text: `<at>Vaktpost</at> ${text}`,
    textFormat: 'plain',
    entities: [{ type: 'mention', text: '<at>Vaktpost</at>', mentioned: BOT }],
    channelData: { tenant: { id: TENANT }, teamsChannelId: CHANNEL, team: { id: '19:team@thread.tacv2' } },
  };
}

/** An Action.Execute press: an `adaptiveCard/action` invoke carrying the button's verb and data (inputs merged in). */
export function cardPress(
  serviceUrl: string,
  person: Person,
  verb: string,
  data: Record<string, unknown>,
  where: 'personal' | 'channel' = 'personal',
  replyToId = 'activity-card',
) {
  const conversation =
    where === 'personal'
      ? { id: personalConversation(person), conversationType: 'personal' }
      : { id: CHANNEL, conversationType: 'channel', isGroup: true };
  return {
    ...base(serviceUrl, person, conversation),
    type: 'invoke',
    name: 'adaptiveCard/action',
    replyToId,
    value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
  };
}

/** The bot was added to a personal scope (Teams sends both of these on install). */
export function installationUpdate(serviceUrl: string, person: Person, action: 'add' | 'remove' = 'add') {
  return {
    ...base(serviceUrl, person, { id: personalConversation(person), conversationType: 'personal' }),
    type: 'installationUpdate',
    action,
  };
}

export function conversationUpdate(serviceUrl: string, person: Person) {
  return {
    ...base(serviceUrl, person, { id: personalConversation(person), conversationType: 'personal' }),
    type: 'conversationUpdate',
    membersAdded: [{ id: BOT.id }],
  };
}
