import { tx, type OutgoingMessage } from '../../../src/engine/prompt';
import { startSlackTestApp, type SlackTestApp } from './slack-test-app';

/**
 * After a crash between Slack accepting a message and the outbox marking it sent, the dispatcher asks Slack before
 * posting again: each message carries its notification id in its metadata, found with conversations.history.
 */
let t: SlackTestApp;
beforeEach(async () => {
  t = await startSlackTestApp();
});
afterEach(() => t.close());

const alert: OutgoingMessage = {
  language: 'sv',
  prompt: { kind: 'message', text: tx('bot.help') },
  updateKey: 'alert:c1',
};

describe('reconciling a send in doubt', () => {
  it('finds a channel alert posted with its notification id, and later updates edit that message', async () => {
    const since = new Date();
    await t.adapter.notifier.send('slack:channel:C0ALERTS', alert, { notificationId: 'c1:submitted:slack' });
    const notifier = t.adapter.notifier;
    expect(await notifier.reconcile?.('slack:channel:C0ALERTS', alert, 'c1:submitted:slack', since)).toBe('delivered');
    expect(await notifier.reconcile?.('slack:channel:C0ALERTS', alert, 'c1:taken:slack', since)).toBe('not_delivered');
    expect(t.fake.callsOf('conversations.history')[0]?.args).toMatchObject({
      channel: 'C0ALERTS',
      include_all_metadata: 'true',
    });
    await notifier.send('slack:channel:C0ALERTS', alert, { notificationId: 'c1:taken:slack' });
    expect(t.fake.callsOf('chat.postMessage')).toHaveLength(1);
    expect(t.fake.callsOf('chat.update')).toHaveLength(1);
  });

  it('looks in the member’s DM, and answers "unknown" (send again) when Slack cannot tell', async () => {
    const since = new Date();
    const receipt: OutgoingMessage = { language: 'sv', prompt: { kind: 'message', text: tx('bot.help') } };
    await t.adapter.notifier.send('slack:dm:U1', receipt, { notificationId: 'reply:slack:Ev1:0' });
    const notifier = t.adapter.notifier;
    expect(await notifier.reconcile?.('slack:dm:U1', receipt, 'reply:slack:Ev1:0', since)).toBe('delivered');
    expect(await notifier.reconcile?.('slack:dm:U1', receipt, 'reply:slack:Ev1:0', new Date(Date.now() + 60_000))).toBe(
      'not_delivered',
    );
    t.fake.failNext('conversations.history', { status: 500 });
    expect(await notifier.reconcile?.('slack:dm:U1', receipt, 'reply:slack:Ev1:0', since)).toBe('unknown');
  });
});
