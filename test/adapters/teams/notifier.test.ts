import { REF_NAMESPACE } from '../../../adapters/teams';
import type { OutgoingMessage } from '../../../src/engine/prompt';
import { DeliveryError } from '../../../src/ports/notifier';
import {
  CHANNEL,
  CONTACT,
  MEMBER,
  TENANT,
  cardPress,
  channelMention,
  personalConversation,
  personalMessage,
} from './activities';
import { startFakeConnector, type FakeConnector } from './fake-connector';
import { startTeamsHarness, type TeamsHarness } from './teams-harness';

const hello: OutgoingMessage = { language: 'sv', prompt: { kind: 'message', text: { raw: 'Hej' } } };

function alert(taken: boolean): OutgoingMessage {
  return {
    language: 'sv',
    updateKey: 'alert:case-1',
    prompt: {
      kind: 'card',
      card: {
        title: { raw: taken ? 'Ärende 7 – taget' : 'Ärende 7' },
        tone: taken ? 'done' : 'urgent',
        actions: taken ? [] : [{ id: 'case:take', label: { raw: 'Ta ärendet' }, value: 'case-1', style: 'primary' }],
      },
    },
  };
}

async function failureOf(promise: Promise<unknown>): Promise<DeliveryError['failure']> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof DeliveryError) return error.failure;
    throw error;
  }
  throw new Error('expected a DeliveryError');
}

function cardOf(body: Record<string, unknown>): Record<string, unknown> {
  const attachments = body.attachments as Array<{ contentType: string; content: Record<string, unknown> }>;
  expect(attachments[0]?.contentType).toBe('application/vnd.microsoft.card.adaptive');
  return attachments[0]?.content ?? {};
}

describe('Teams notifier: proactive sends through the stored conversation references', () => {
  let connector: FakeConnector;
  let teams: TeamsHarness;

  beforeEach(async () => {
    connector = await startFakeConnector();
    teams = await startTeamsHarness();
  });
  afterEach(async () => {
    await teams.close();
    await connector.close();
  });

  it('handles Teams personal-chat and conversation addresses only', () => {
    const { notifier } = teams.adapter;
    expect(notifier.handles('teams:dm:aad-member')).toBe(true);
    expect(notifier.handles(`teams:conv:${CHANNEL}`)).toBe(true);
    expect(notifier.handles('slack:dm:U1')).toBe(false);
    expect(notifier.handles('teams:dm:')).toBe(false);
  });

  it('sends a card to the personal chat whose reference was stored', async () => {
    await teams.post(personalMessage(connector.serviceUrl, MEMBER, 'hej'));
    await teams.adapter.notifier.send('teams:dm:aad-member', hello);

    const sent = connector.calls.filter((c) => c.kind === 'send');
    expect(sent).toHaveLength(1);
    expect(sent[0]?.conversationId).toBe(personalConversation(MEMBER));
    expect(cardOf(sent[0]?.body ?? {})).toMatchObject({ type: 'AdaptiveCard', version: '1.5' });
  });

  it('posts the alert as a new channel post, then updates that same post for everyone', async () => {
    await teams.post(channelMention(connector.serviceUrl, CONTACT, 'bind norrby'));
    await teams.adapter.notifier.send(`teams:conv:${CHANNEL}`, alert(false));
    await teams.adapter.notifier.send(`teams:conv:${CHANNEL}`, alert(true));

    const [post, update, ...rest] = connector.calls.filter((c) => c.kind !== 'other');
    expect(rest).toEqual([]);
    expect(post).toMatchObject({ kind: 'send', conversationId: CHANNEL });
    expect(update).toMatchObject({ kind: 'update', conversationId: CHANNEL, method: 'PUT' });
    expect(update?.activityId).toBeDefined();
    expect(JSON.stringify(cardOf(update?.body ?? {}))).toContain('taget');
    expect(JSON.stringify(cardOf(update?.body ?? {}))).not.toContain('case:take');
  });

  it('opens a personal chat with a contact known only from a channel press, in the same tenant', async () => {
    await teams.post(
      cardPress(connector.serviceUrl, CONTACT, 'case:take', { actionId: 'case:take', value: 'c1' }, 'channel'),
    );
    await teams.adapter.notifier.send('teams:dm:aad-contact', hello);

    const create = connector.calls.find((c) => c.kind === 'create');
    expect(create?.body).toMatchObject({ isGroup: false, members: [{ id: '29:contact' }], tenantId: TENANT });
    const sent = connector.calls.find((c) => c.kind === 'send');
    expect(sent?.conversationId).toBe('a:created-1');
    const ref = await teams.stores.keyValues.get(REF_NAMESPACE, 'teams:dm:aad-contact');
    expect(ref).toMatchObject({ conversation: { id: 'a:created-1' }, serviceUrl: connector.serviceUrl });
  });

  it('says invalid_address when it knows no conversation and no tenant to open one in', async () => {
    expect(await failureOf(teams.adapter.notifier.send('teams:dm:nobody', hello))).toMatchObject({
      kind: 'invalid_address',
    });
    expect(await failureOf(teams.adapter.notifier.send('teams:conv:19:unknown@thread.tacv2', hello))).toMatchObject({
      kind: 'invalid_address',
    });
  });

  describe('maps connector failures for the dispatcher', () => {
    beforeEach(async () => {
      await teams.post(personalMessage(connector.serviceUrl, MEMBER, 'hej'));
    });
    const send = () => teams.adapter.notifier.send('teams:dm:aad-member', hello);

    // One failure is enough: the send itself does not retry (./connector-requests.ts), the dispatcher does.
    it('429 → retry after the Retry-After the connector gave', async () => {
      connector.failNext({ status: 429, headers: { 'Retry-After': '1' } });
      expect(await failureOf(send())).toEqual({ kind: 'retry', retryAfterMs: 1000, reason: expect.any(String) });
    });

    it('5xx → retry', async () => {
      connector.failNext({ status: 502 });
      expect(await failureOf(send())).toMatchObject({ kind: 'retry' });
    });

    it('403 (blocked or removed) → blocked', async () => {
      connector.failNext({ status: 403 });
      expect(await failureOf(send())).toMatchObject({ kind: 'blocked' });
    });

    it('404 (conversation gone) → invalid_address', async () => {
      connector.failNext({ status: 404 });
      expect(await failureOf(send())).toMatchObject({ kind: 'invalid_address' });
    });

    it('no answer at all → retry', async () => {
      await connector.close();
      expect(await failureOf(send())).toMatchObject({ kind: 'retry' });
      connector = await startFakeConnector();
    });
  });
});
