import { ACTION, encodeAnswer } from '../../../src/engine/actions';
import { REF_NAMESPACE } from '../../../adapters/teams';
import {
  CHANNEL,
  MEMBER,
  cardPress,
  channelMention,
  conversationUpdate,
  installationUpdate,
  personalConversation,
  personalMessage,
} from './activities';
import { startFakeConnector, type FakeConnector } from './fake-connector';
import { startTeamsHarness, type TeamsHarness } from './teams-harness';

describe('Teams adapter: activities posted to /api/messages', () => {
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

  it('turns a personal message into a direct turn and remembers where to answer', async () => {
    const activity = personalMessage(connector.serviceUrl, MEMBER, 'Jag vill rapportera\nett hot');
    const res = await teams.post(activity);

    expect(res.status).toBe(200);
    expect(teams.turns).toEqual([
      {
        eventId: `teams:${personalConversation(MEMBER)}|${activity.id}`,
        platform: 'teams',
        address: 'teams:dm:aad-member',
        isDirect: true,
        user: { id: 'teams:aad-member', displayName: 'Maja Medlem', locale: 'sv-SE' },
        text: 'Jag vill rapportera\nett hot',
      },
    ]);
    const ref = await teams.stores.keyValues.get<{ serviceUrl: string; conversation: { id: string } }>(
      REF_NAMESPACE,
      'teams:dm:aad-member',
    );
    expect(ref?.serviceUrl).toBe(connector.serviceUrl);
    expect(ref?.conversation.id).toBe(personalConversation(MEMBER));
  });

  it('passes shared files and pictures on as evidence references, not the HTML copy of the message', async () => {
    const activity = personalMessage(connector.serviceUrl, MEMBER, '', {
      attachments: [
        {
          contentType: 'application/vnd.microsoft.teams.file.download.info',
          contentUrl: 'https://contoso.example.org/personal/maja/Documents/skarmdump.pdf',
          name: 'skarmdump.pdf',
          content: { downloadUrl: 'https://download.example.org/x', uniqueId: 'u1', fileType: 'pdf' },
        },
        { contentType: 'image/png', contentUrl: 'https://smba.example.org/attachments/abc/views/original' },
        { contentType: 'text/html', content: '<div>...</div>' },
      ],
    });
    await teams.post(activity);

    const files = teams.turns[0]?.attachments ?? [];
    expect(files).toHaveLength(2);
    expect(files[0]).toMatchObject({ name: 'skarmdump.pdf', mimeType: 'application/pdf' });
    expect(files[0]?.url).toBe('https://contoso.example.org/personal/maja/Documents/skarmdump.pdf');
    expect(files[0]?.id).toMatch(/^teams:[0-9a-f]{32}$/);
    expect(files[1]).toMatchObject({ name: 'image-2.png', mimeType: 'image/png' });
    expect(teams.turns[0]?.text).toBeUndefined();
  });

  it('hands `@Vaktpost bind norrby` in a channel to the core with the channel address, reference stored first', async () => {
    let refAtTurn: unknown = null;
    await teams.close();
    teams = await startTeamsHarness({
      bot: async () => {
        refAtTurn = await teams.stores.keyValues.get(REF_NAMESPACE, `teams:conv:${CHANNEL}`);
      },
    });
    await teams.post(channelMention(connector.serviceUrl, MEMBER, 'bind norrby'));

    expect(teams.turns[0]).toMatchObject({
      isDirect: false,
      channelAddress: `teams:conv:${CHANNEL}`,
      address: 'teams:dm:aad-member',
      text: 'bind norrby',
    });
    // The thread suffix is dropped, so alerts start new posts in the channel instead of replying in a thread.
    expect(refAtTurn).toMatchObject({ conversation: { id: CHANNEL } });
    expect(refAtTurn).not.toHaveProperty('activityId');
  });

  it('turns an Action.Execute press into the core action and answers the invoke with 200', async () => {
    const value = encodeAnswer('emergency', 'no');
    const res = await teams.post(
      cardPress(connector.serviceUrl, MEMBER, ACTION.answer, { actionId: ACTION.answer, value }),
    );

    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      statusCode: 200,
      type: 'application/vnd.microsoft.activity.message',
      value: 'Mottaget.',
    });
    expect(teams.turns).toHaveLength(1);
    expect(teams.turns[0]).toMatchObject({ isDirect: true, action: { id: ACTION.answer, value } });
  });

  it('refuses a body that is no activity with 400, and nothing reaches the core', async () => {
    const message = personalMessage(connector.serviceUrl, MEMBER, 'hej');
    const { type: _type, ...untyped } = message;
    expect((await teams.post([message])).status).toBe(400);
    expect((await teams.post(untyped)).status).toBe(400);
    expect((await teams.post({ ...message, type: '' })).status).toBe(400);
    expect(teams.turns).toEqual([]);
    // The same message with its type is taken.
    expect((await teams.post(message)).status).toBe(200);
    expect(teams.turns).toHaveLength(1);
  });

  it('answers 400 for a body that is no JSON and 413 for one over 1 MB, logging the code only', async () => {
    const raw = (body: string) =>
      fetch(teams.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    const broken = await raw('{"type":"message","text":"Hotet kom i går');
    expect(broken.status).toBe(400);
    expect(await broken.json()).toEqual({ error: 'entity.parse.failed' });
    const message = personalMessage(connector.serviceUrl, MEMBER, 'x'.repeat(1024 * 1024));
    const large = await raw(JSON.stringify(message));
    expect(large.status).toBe(413);
    expect(teams.turns).toEqual([]);
    const logged = JSON.stringify(teams.logger.lines);
    expect(logged).toContain('entity.parse.failed');
    expect(logged).not.toContain('Hotet');
  });

  it('reads the inputs a press carries: typed text, several choices, date and time', async () => {
    const data = {
      actionId: ACTION.answer,
      value: encodeAnswer('when', ''),
      dateId: 'in1',
      timeId: 'in2',
      in1: '2025-03-09',
      in2: '21:30',
    };
    await teams.post(cardPress(connector.serviceUrl, MEMBER, ACTION.answer, data));
    await teams.post(
      cardPress(connector.serviceUrl, MEMBER, ACTION.answer, {
        actionId: ACTION.answer,
        value: encodeAnswer('channels', ''),
        valuesId: 'in1',
        in1: 'sms,phone',
      }),
    );
    await teams.post(
      cardPress(connector.serviceUrl, MEMBER, ACTION.caseNote, {
        actionId: ACTION.caseNote,
        value: 'case-1',
        inputId: 'in3',
        in3: 'Ringde upp',
      }),
    );

    expect(teams.turns.map((turn) => turn.action)).toEqual([
      { id: ACTION.answer, value: encodeAnswer('when', ''), values: ['2025-03-09T21:30'] },
      { id: ACTION.answer, value: encodeAnswer('channels', ''), values: ['sms', 'phone'] },
      { id: ACTION.caseNote, value: 'case-1', input: 'Ringde upp' },
    ]);
  });

  it('gives one turn for a redelivered message and for a redelivered press', async () => {
    const message = personalMessage(connector.serviceUrl, MEMBER, 'rapportera');
    const press = cardPress(connector.serviceUrl, MEMBER, ACTION.caseTake, { actionId: ACTION.caseTake, value: 'c1' });
    await teams.post(message);
    await teams.post(message);
    await teams.post(press);
    const again = await teams.post(press);

    expect(teams.turns).toHaveLength(2);
    expect(again.status).toBe(200);
  });

  it('remembers the personal chat on install and forgets it when the app is removed; no turn either way', async () => {
    await teams.post(conversationUpdate(connector.serviceUrl, MEMBER));
    expect(await teams.stores.keyValues.get(REF_NAMESPACE, 'teams:dm:aad-member')).not.toBeNull();
    await teams.post(installationUpdate(connector.serviceUrl, MEMBER, 'remove'));
    expect(await teams.stores.keyValues.get(REF_NAMESPACE, 'teams:dm:aad-member')).toBeNull();
    await teams.post(installationUpdate(connector.serviceUrl, MEMBER, 'add'));
    expect(await teams.stores.keyValues.get(REF_NAMESPACE, 'teams:dm:aad-member')).not.toBeNull();
    expect(teams.turns).toEqual([]);
  });

  it('answers politely in the member language when the core fails, and logs ids only', async () => {
    await teams.close();
    teams = await startTeamsHarness({
      bot: async () => {
        throw new Error('boom');
      },
    });
    const message = personalMessage(connector.serviceUrl, MEMBER, 'mitt personnummer', { locale: 'en-US' });
    const res = await teams.post(message);

    expect(res.status).toBe(200);
    const reply = await connector.waitFor((c) => c.kind === 'reply' || c.kind === 'send');
    expect(JSON.stringify(reply.body)).toMatch(/Something went wrong/);
    const logged = JSON.stringify(teams.logger.lines);
    expect(logged).toContain(message.id);
    expect(logged).not.toContain('personnummer');

    const press = await teams.post(
      cardPress(connector.serviceUrl, MEMBER, ACTION.caseTake, { actionId: ACTION.caseTake, value: 'c1' }),
    );
    expect(press.status).toBe(200);
    expect(press.body).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.activity.message' });
  });
});
