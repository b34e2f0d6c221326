import { ACTION, encodeAnswer } from '../../../src/engine/actions';
import {
  appHomeOpened,
  asEvent,
  asForm,
  asInteraction,
  blockActions,
  messageIm,
  shortcut,
  slashCommand,
} from './payloads';
import { startSlackTestApp, type SlackTestApp } from './slack-test-app';

let t: SlackTestApp;
beforeEach(async () => {
  t = await startSlackTestApp();
});
afterEach(async () => {
  await t.close();
});

describe('Slack requests become turns for the core', () => {
  it('turns a DM into a direct turn with the member, their Slack locale and shared files', async () => {
    const files = [
      {
        id: 'F1',
        name: 'threat.png',
        title: 'threat',
        mimetype: 'image/png',
        permalink: 'https://example.slack.com/files/U1/F1/threat.png',
      },
    ];
    const res = await t.deliver(asEvent(messageIm('U1', 'I got a letter &lt;scary&gt; &amp; more', { files })));
    expect(res.status).toBe(200);
    expect(t.turns).toHaveLength(1);
    expect(t.turns[0]).toMatchObject({
      platform: 'slack',
      address: 'slack:dm:U1',
      isDirect: true,
      user: { id: 'slack:U1', displayName: 'Anna', locale: 'en-US' },
      text: 'I got a letter <scary> & more',
      attachments: [
        {
          id: 'slack:F1',
          name: 'threat.png',
          url: 'https://example.slack.com/files/U1/F1/threat.png',
          mimeType: 'image/png',
        },
      ],
    });
  });

  it('asks users.info once per member and leaves the locale out when Slack does not know it', async () => {
    t.fake.users.set('U3', { name: 'cecilia' });
    await t.deliver(asEvent(messageIm('U3', 'hej')));
    await t.deliver(asEvent(messageIm('U3', 'igen')));
    expect(t.fake.callsOf('users.info').filter((c) => c.args.user === 'U3')).toHaveLength(1);
    expect(t.fake.callsOf('users.info')[0]?.args.include_locale).toBe('true');
    expect(t.turns[0]?.user).toEqual({ id: 'slack:U3', displayName: 'cecilia' });
  });

  it('ignores the bot’s own posts, edits and messages outside the DM', async () => {
    await t.deliver(asEvent(messageIm('UBOT', 'from the bot', { extra: { bot_id: 'BBOT' } })));
    await t.deliver(asEvent(messageIm('U1', 'edited', { extra: { subtype: 'message_changed' } })));
    await t.deliver(asEvent(messageIm('U1', 'in a channel', { extra: { channel_type: 'channel', channel: 'C1' } })));
    expect(t.turns).toHaveLength(0);
  });

  it('gives a button press the core’s action id without Slack’s suffix and the value untouched', async () => {
    const value = encodeAnswer('emergency', 'no');
    await t.deliver(asInteraction(blockActions({ user: 'U1', actionId: `${ACTION.answer}#3`, value })));
    expect(t.turns[0]).toMatchObject({ address: 'slack:dm:U1', isDirect: true, action: { id: ACTION.answer, value } });
  });

  it('keeps the channel of a channel press and sends replies to the presser privately', async () => {
    await t.deliver(
      asInteraction(blockActions({ user: 'U2', actionId: `${ACTION.caseTake}#0`, value: 'c42', channel: 'C0ALERTS' })),
    );
    expect(t.turns[0]).toMatchObject({
      address: 'slack:dm:U2',
      isDirect: false,
      channelAddress: 'slack:channel:C0ALERTS',
      user: { id: 'slack:U2', displayName: 'Bertil Berg', locale: 'sv-SE' },
      action: { id: ACTION.caseTake, value: 'c42' },
    });
  });

  it('reads ticked boxes and picked dates when OK is pressed, and ignores the ticking itself', async () => {
    const ok = { user: 'U1', actionId: `${ACTION.answer}#ok`, value: encodeAnswer('categories', '') };
    await t.deliver(asInteraction(blockActions({ user: 'U1', actionId: 'vp:input#cb0', type: 'checkboxes' })));
    const boxes = {
      b1: { 'vp:input#cb0': { type: 'checkboxes', selected_options: [{ value: 'threat' }, { value: 'harassment' }] } },
    };
    await t.deliver(asInteraction(blockActions({ ...ok, state: boxes })));
    const pickers = {
      b2: {
        'vp:input#date': { type: 'datepicker', selected_date: '2026-03-01' },
        'vp:input#time': { type: 'timepicker', selected_time: '14:30' },
      },
    };
    await t.deliver(asInteraction(blockActions({ ...ok, state: pickers })));
    expect(t.turns.map((turn) => turn.action?.values)).toEqual([['threat', 'harassment'], ['2026-03-01 14:30']]);
  });

  it('starts a report from the shortcut and /vaktpost, lists cases with /vaktpost cases, passes other words on', async () => {
    await t.deliver(asInteraction(shortcut('U1')));
    await t.deliver(asForm(slashCommand('U1', '')));
    await t.deliver(asForm(slashCommand('U1', 'rapportera')));
    await t.deliver(asForm(slashCommand('U2', 'ärenden')));
    await t.deliver(asForm(slashCommand('U2', 'cases')));
    expect(t.turns.map((turn) => [turn.address, turn.isDirect, turn.action?.id ?? turn.text])).toEqual([
      ['slack:dm:U1', true, ACTION.startReport],
      ['slack:dm:U1', true, ACTION.startReport],
      // A dialog's start word is the core's to read (the registry), as if written in the DM.
      ['slack:dm:U1', true, 'rapportera'],
      ['slack:dm:U2', true, ACTION.listCases],
      ['slack:dm:U2', true, ACTION.listCases],
    ]);
  });

  it('asks the core for the Home tab when a member opens it', async () => {
    await t.deliver(asEvent(appHomeOpened('U1')));
    expect(t.turns[0]).toMatchObject({ address: 'slack:home:U1', action: { id: 'bot:home', value: '' } });
  });

  it('starts the report in the DM when "Report" is pressed on the Home tab', async () => {
    await t.deliver(
      asInteraction(blockActions({ user: 'U1', actionId: `${ACTION.startReport}#0`, value: '', home: true })),
    );
    expect(t.turns[0]).toMatchObject({ address: 'slack:dm:U1', isDirect: true, action: { id: ACTION.startReport } });
  });
});

describe('Slack request safety', () => {
  const old = () => Math.floor(Date.now() / 1000) - 6 * 60;

  it.each([
    ['unsigned', { unsigned: true }],
    ['forged', { forgeWith: 'not-the-secret' }],
    ['stale (six minutes old)', { timestamp: old() }],
  ])('answers an %s request with 401 and changes nothing', async (_name, options) => {
    const res = await t.deliver(asEvent(messageIm('U1', 'hello', { eventId: 'EvBAD' })), options);
    expect(res.status).toBe(401);
    expect(t.turns).toHaveLength(0);
    // The event was not marked as seen: a properly signed delivery of it still counts.
    await t.deliver(asEvent(messageIm('U1', 'hello', { eventId: 'EvBAD' })));
    expect(t.turns).toHaveLength(1);
  });

  it('hands the same event to the core once, however often Slack delivers it', async () => {
    const event = asEvent(messageIm('U1', 'hello', { eventId: 'EvSAME' }));
    const results = await Promise.all([
      t.deliver(event, { wait: false }),
      t.deliver(event, { retryNum: 1, wait: false }),
      t.deliver(event, { retryNum: 2, wait: false }),
    ]);
    await t.adapter.settled();
    expect(results.map((r) => r.status)).toEqual([200, 200, 200]);
    expect(t.turns).toHaveLength(1);
  });

  it('acknowledges at once even when the core takes long', async () => {
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    t.onTurn = () => held;
    const res = await t.deliver(asEvent(messageIm('U1', 'slow')), { wait: false });
    expect(res.status).toBe(200);
    expect(res.ms).toBeLessThan(1500);
    release();
    await t.adapter.settled();
    expect(t.turns).toHaveLength(1);
  });

  it('apologises in the member’s language when the core fails, and logs no text', async () => {
    t.onTurn = async () => {
      throw new Error('store exploded');
    };
    await t.deliver(asEvent(messageIm('U1', 'my secret report text')));
    const posted = t.fake.callsOf('chat.postMessage');
    expect(posted).toHaveLength(1);
    expect(posted[0]?.args.channel).toBe('U1');
    expect(String(posted[0]?.args.text)).toMatch(/Something went wrong/);
    expect(JSON.stringify(t.logger.lines)).not.toContain('secret report text');
  });
});
