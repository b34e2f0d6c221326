import { ACTION } from '../../../src/engine/actions';
import { raw, tx, type Card, type OutgoingMessage } from '../../../src/engine/prompt';
import { translate } from '../../../src/i18n/translate';
import { DeliveryError } from '../../../src/ports/notifier';
import { asInteraction, blockActions, viewSubmission } from './payloads';
import { startSlackTestApp, type SlackTestApp } from './slack-test-app';

let t: SlackTestApp;
beforeEach(async () => {
  t = await startSlackTestApp();
});
afterEach(async () => {
  await t.close();
});

const alert = (taken?: string): OutgoingMessage => ({
  language: 'en',
  updateKey: 'alert:c42',
  prompt: {
    kind: 'card',
    card: {
      title: tx('case.alert.title', { number: 42 }),
      tone: taken ? 'done' : 'normal',
      lines: taken ? [raw(`Taken by ${taken}`)] : [],
      actions: taken ? [] : [{ id: ACTION.caseTake, label: tx('case.action.take'), value: 'c42', style: 'primary' }],
    },
  },
});

async function deliveryError(promise: Promise<unknown>): Promise<DeliveryError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DeliveryError);
  return error as DeliveryError;
}

describe('the Slack notifier', () => {
  it('posts text users wrote escaped, so <!channel>, mentions and links cannot ping or unfurl', async () => {
    const text = 'Hi <!channel> <@U999> see <https://evil.example|this> & more';
    await t.adapter.notifier.send('slack:channel:C0ALERTS', {
      language: 'sv',
      prompt: { kind: 'message', text: raw(text) },
    });
    const [call] = t.fake.callsOf('chat.postMessage');
    const body = JSON.stringify(call?.args.blocks);
    expect(body).toContain('&lt;!channel&gt;');
    expect(body).toContain('&lt;@U999&gt;');
    expect(body).toContain('&amp; more');
    expect(body).not.toContain('<!channel>');
    expect(call?.args.text).not.toContain('<!channel>');
    expect(call?.args).toMatchObject({ channel: 'C0ALERTS', unfurl_links: false, unfurl_media: false });
  });

  it('sends DMs to the user id, where Slack puts them in the app’s DM', async () => {
    await t.adapter.notifier.send('slack:dm:U1', {
      language: 'en',
      prompt: { kind: 'message', text: tx('control.help') },
    });
    expect(t.fake.callsOf('chat.postMessage')[0]?.args.channel).toBe('U1');
    expect(t.fake.messagesIn('D1')).toHaveLength(1);
  });

  it('uses the card title alone as notification text', async () => {
    await t.adapter.notifier.send('slack:channel:C0ALERTS', alert());
    expect(t.fake.callsOf('chat.postMessage')[0]?.args.text).toBe(
      translate('en', tx('case.alert.title', { number: 42 })),
    );
  });

  it('updates the posted alert for everyone when the same update key is sent again', async () => {
    await t.adapter.notifier.send('slack:channel:C0ALERTS', alert());
    await t.adapter.notifier.send('slack:channel:C0ALERTS', alert('Bertil at 14:02'));
    expect(t.fake.callsOf('chat.postMessage')).toHaveLength(1);
    const [update] = t.fake.callsOf('chat.update');
    const [posted] = t.fake.messagesIn('C0ALERTS');
    expect(update?.args).toMatchObject({ channel: 'C0ALERTS', ts: posted?.ts });
    expect(JSON.stringify(posted?.blocks)).toContain('Taken by Bertil at 14:02');
    expect(JSON.stringify(posted?.blocks)).not.toContain(ACTION.caseTake);
  });

  it('posts anew when the message to update is gone', async () => {
    await t.adapter.notifier.send('slack:channel:C0ALERTS', alert());
    t.fake.messages.clear();
    await t.adapter.notifier.send('slack:channel:C0ALERTS', alert('Bertil'));
    expect(t.fake.callsOf('chat.postMessage')).toHaveLength(2);
  });

  it('publishes a card sent to slack:home:<user> as the Home tab', async () => {
    const card: Card = {
      title: tx('bot.home.title'),
      tone: 'normal',
      actions: [{ id: ACTION.startReport, label: tx('bot.home.report'), value: '', style: 'primary' }],
    };
    await t.adapter.notifier.send('slack:home:U1', { language: 'en', prompt: { kind: 'card', card } });
    const [call] = t.fake.callsOf('views.publish');
    expect(call?.args.user_id).toBe('U1');
    expect(call?.args.view).toMatchObject({ type: 'home' });
    expect(JSON.stringify(call?.args.view)).toContain(`${ACTION.startReport}#`);
  });

  it('maps a 429 to a retry after Retry-After, and 5xx to a retry', async () => {
    t.fake.failNext('chat.postMessage', { status: 429, retryAfter: 3 });
    const limited = await deliveryError(t.adapter.notifier.send('slack:channel:C0ALERTS', alert()));
    expect(limited.failure).toEqual({ kind: 'retry', retryAfterMs: 3000, reason: expect.any(String) });
    t.fake.failNext('chat.postMessage', { status: 500 });
    const down = await deliveryError(t.adapter.notifier.send('slack:channel:C0ALERTS', alert()));
    expect(down.failure.kind).toBe('retry');
    // Nothing was stored for a failed post, so the retry posts (and does not try to update).
    await t.adapter.notifier.send('slack:channel:C0ALERTS', alert());
    expect(t.fake.messagesIn('C0ALERTS')).toHaveLength(1);
  });

  it.each([
    ['channel_not_found', 'invalid_address'],
    ['not_in_channel', 'blocked'],
    ['is_archived', 'blocked'],
    ['account_inactive', 'blocked'],
  ])('maps %s to %s', async (error, kind) => {
    t.fake.failNext('chat.postMessage', { error });
    const failed = await deliveryError(t.adapter.notifier.send('slack:channel:C0GONE', alert()));
    expect(failed.failure.kind).toBe(kind);
  });

  it('refuses addresses that are not Slack dm, channel or home addresses', async () => {
    const failed = await deliveryError(t.adapter.notifier.send('slack:conv:x', alert()));
    expect(failed.failure.kind).toBe('invalid_address');
    expect(t.adapter.notifier.handles('slack:dm:U1')).toBe(true);
    expect(t.adapter.notifier.handles('teams:dm:x')).toBe(false);
  });
});

describe('buttons that ask for input first', () => {
  const caseView = (): OutgoingMessage => ({
    language: 'en',
    prompt: {
      kind: 'card',
      card: {
        title: tx('case.view.title', { number: 42 }),
        tone: 'normal',
        actions: [
          {
            id: ACTION.caseNote,
            label: tx('case.action.note'),
            value: 'c42',
            input: { label: tx('case.input.note'), required: true, maxLength: 2000 },
          },
          {
            id: ACTION.caseHandover,
            label: tx('case.action.handover'),
            value: 'c42',
            input: {
              label: tx('case.input.successor'),
              required: true,
              choices: [{ value: 'slack:U3', label: raw('Cecilia') }],
            },
          },
        ],
      },
    },
  });

  function buttonsOf(blocks: unknown): Array<{ action_id: string; value: string }> {
    const found: Array<{ action_id: string; value: string }> = [];
    JSON.stringify(blocks, (key, value: unknown) => {
      if (value && typeof value === 'object' && (value as { type?: string }).type === 'button') {
        found.push(value as { action_id: string; value: string });
      }
      return value;
    });
    return found;
  }

  it('opens a modal at the press and hands the core the action with what was typed', async () => {
    await t.adapter.notifier.send('slack:dm:U2', caseView());
    const [note] = buttonsOf(t.fake.callsOf('chat.postMessage')[0]?.args.blocks);
    expect(note?.action_id).toMatch(/^case:note#m\d+\.[0-9a-f]+$/);
    await t.deliver(
      asInteraction(blockActions({ user: 'U2', actionId: note?.action_id ?? '', value: note?.value ?? '' })),
    );
    expect(t.turns).toHaveLength(0);
    const [open] = t.fake.callsOf('views.open');
    const view = open?.args.view as { private_metadata: string; callback_id: string };
    expect(view.callback_id).toBe('vaktpost_input');
    expect(JSON.stringify(view)).toContain('plain_text_input');
    await t.deliver(
      asInteraction(viewSubmission('U2', view.private_metadata, { type: 'plain_text_input', value: 'Called <@U1>' })),
    );
    expect(t.turns[0]).toMatchObject({
      address: 'slack:dm:U2',
      isDirect: true,
      action: { id: ACTION.caseNote, value: 'c42', input: 'Called <@U1>' },
    });
  });

  it('offers a choice in the modal for a hand-over and passes the chosen successor', async () => {
    await t.adapter.notifier.send('slack:dm:U2', caseView());
    const handover = buttonsOf(t.fake.callsOf('chat.postMessage')[0]?.args.blocks)[1];
    await t.deliver(
      asInteraction(
        blockActions({ user: 'U2', actionId: handover?.action_id ?? '', value: 'c42', channel: 'C0ALERTS' }),
      ),
    );
    const view = t.fake.callsOf('views.open')[0]?.args.view as { private_metadata: string };
    expect(JSON.stringify(view)).toContain('static_select');
    const chosen = {
      type: 'static_select',
      selected_option: { value: 'slack:U3', text: { type: 'plain_text', text: 'Cecilia' } },
    };
    const submission = viewSubmission('U2', view.private_metadata, chosen, 'VSAME');
    await t.deliver(asInteraction(submission));
    await t.deliver(asInteraction(submission));
    expect(t.turns).toHaveLength(1);
    expect(t.turns[0]).toMatchObject({
      isDirect: false,
      channelAddress: 'slack:channel:C0ALERTS',
      action: { id: ACTION.caseHandover, value: 'c42', input: 'slack:U3' },
    });
  });
});
