import { Dispatcher, type DispatcherDeps } from '../../src/delivery/dispatcher';
import { replyStream } from '../../src/delivery/outbox-notifier';
import { pendingNotification, type Notification } from '../../src/domain/notification';
import { tx } from '../../src/engine/prompt';
import { createMemoryLogger } from '../../src/ports/logger';
import type { Notifier } from '../../src/ports/notifier';
import type { OutboxStore } from '../../src/ports/outbox-store';
import type { Stores } from '../../src/ports/stores';
import { createEmbeddedStores } from '../../src/store/embedded/create-embedded-stores';
import { startSlackTestApp, type SlackTestApp } from '../adapters/slack/slack-test-app';
import { RecordingNotifier, renderMessageText } from '../support/recording-notifier';

/**
 * The dispatcher sends to many conversations at once, and a crash can catch several sends between the platform's
 * acceptance and `markSent`. Where the platform can be asked (Slack: the notification id in the message metadata)
 * none of them is posted twice after the restart; where it cannot (Teams, web, console) only one send is ever in
 * flight, so a crash leaves at most one message that may arrive twice.
 */
const CONVERSATIONS = 12;

/** Two replies to each of `CONVERSATIONS` members, queued in one turn each. */
function replies(addressOf: (i: number) => string, nowMs: number): Notification[] {
  return Array.from({ length: CONVERSATIONS }, (_, i) =>
    [0, 1].map((index) =>
      pendingNotification({
        id: `reply:turn-${i}:${index}`,
        address: addressOf(i),
        message: { language: 'sv', prompt: { kind: 'message', text: tx(index === 0 ? 'bot.help' : 'bot.no_session') } },
        createdAt: new Date(nowMs).toISOString(),
        caseId: null,
        seq: i * 2 + index,
        stream: replyStream(addressOf(i)),
      }),
    ),
  ).flat();
}

/** An outbox whose process dies at the first `markSent` (the platform has the message, the store never hears). */
function dyingAtMarkSent(outbox: OutboxStore): OutboxStore {
  const dying = Object.create(outbox) as OutboxStore;
  dying.markSent = () => Promise.reject(new Error('crash: mark-sent'));
  return dying;
}

function dispatcherOver(stores: Stores, outbox: OutboxStore, notifier: Notifier, now: () => Date): Dispatcher {
  const deps: DispatcherDeps = {
    cases: stores.cases,
    outbox,
    notifier,
    logger: createMemoryLogger(),
    now,
    onUndeliverable: () => Promise.resolve(),
  };
  return new Dispatcher(deps);
}

describe('sends in doubt after a crash, with many conversations at once', () => {
  let slack: SlackTestApp;
  afterEach(async () => {
    await slack?.close();
  });

  it('Slack: several in flight when the process died, none posted twice after the restart, order kept', async () => {
    slack = await startSlackTestApp();
    let nowMs = Date.now();
    const now = () => new Date(nowMs);
    const addressOf = (i: number) => `slack:dm:U${100 + i}`;
    const queued = replies(addressOf, nowMs);
    await slack.stores.outbox.enqueue(queued);
    const notifier = slack.adapter.notifier;

    const dying = dispatcherOver(slack.stores, dyingAtMarkSent(slack.stores.outbox), notifier, now);
    await expect(dying.drain()).rejects.toThrow('crash: mark-sent');
    const inFlight = slack.fake.callsOf('chat.postMessage').length;
    // Conversations were served in parallel, each one message at a time (its second waits for its first).
    expect(inFlight).toBeGreaterThan(1);
    expect(inFlight).toBeLessThanOrEqual(CONVERSATIONS);

    // The dead process's claims run out; the restarted one asks Slack about each send in doubt.
    nowMs += 61_000;
    await dispatcherOver(slack.stores, slack.stores.outbox, notifier, now).drain();

    const postedIds = slack.fake
      .callsOf('chat.postMessage')
      .map(
        (call) => (call.args.metadata as { event_payload: { notification_id: string } }).event_payload.notification_id,
      );
    expect([...postedIds].sort()).toEqual(queued.map((n) => n.id).sort());
    for (let i = 0; i < CONVERSATIONS; i += 1) {
      const inDm = postedIds.filter((id) => id.startsWith(`reply:turn-${i}:`));
      expect(inDm).toEqual([`reply:turn-${i}:0`, `reply:turn-${i}:1`]);
    }
    for (const n of queued) expect((await slack.stores.outbox.get(n.id))?.status).toBe('sent');
  });

  it('a platform that cannot be asked: one send in flight at a time, so a crash repeats one message at most', async () => {
    const stores = await createEmbeddedStores({});
    try {
      let nowMs = Date.parse('2026-03-02T09:30:00.000Z');
      const now = () => new Date(nowMs);
      const platform = new RecordingNotifier(['console:']);
      const addressOf = (i: number) => `console:dm:member-${i}`;
      const queued = replies(addressOf, nowMs);
      await stores.outbox.enqueue(queued);

      await expect(dispatcherOver(stores, dyingAtMarkSent(stores.outbox), platform, now).drain()).rejects.toThrow(
        'crash: mark-sent',
      );
      expect(platform.sent).toHaveLength(1);

      nowMs += 61_000;
      await dispatcherOver(stores, stores.outbox, platform, now).drain();
      expect(platform.sent).toHaveLength(queued.length + 1);
      const twice = platform.sent.filter(
        (m, i) => platform.sent.findIndex((o) => o.address === m.address && o.text === m.text) !== i,
      );
      expect(twice).toHaveLength(1);
      // Each member reads the first reply, then the second (the repeated one, if it is theirs, right after itself).
      const [first, second] = queued.slice(0, 2).map((n) => (n.message ? renderMessageText(n.message) : ''));
      for (let i = 0; i < CONVERSATIONS; i += 1) {
        const texts = platform.to(addressOf(i)).map((m) => m.text);
        expect(texts.filter((text, k) => text !== texts[k - 1])).toEqual([first, second]);
      }
      for (const n of queued) expect((await stores.outbox.get(n.id))?.status).toBe('sent');
    } finally {
      await stores.close();
    }
  });
});
