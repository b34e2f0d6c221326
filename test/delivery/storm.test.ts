import { Dispatcher } from '../../src/delivery/dispatcher';
import { ConversationRateLimiter } from '../../src/delivery/rate-limit';
import { createConsoleLogger } from '../../src/ports/logger';
import type { Stores } from '../../src/ports/stores';
import { createEmbeddedStores } from '../../src/store/embedded/create-embedded-stores';
import { makeNotification } from '../support/fixtures';
import { RecordingNotifier } from '../support/recording-notifier';

/**
 * A hate storm: 200 alerts for one district's Slack channel, queued within a minute. Every alert goes out, once, in
 * the order the cases came in, and the channel never gets more than its share per second. The limiter runs faster
 * here than Slack's one a second (40 a second after a burst of 3), so the test takes seconds, not minutes; the rule
 * is the same.
 */
const CHANNEL = 'slack:T1:C0NORRBY';
const RATE = { burst: 3, perSecond: 40 };

let stores: Stores;

/** A dispatcher over the test's stores whose clock stands a minute after `start`, with Slack limited to `rate`. */
function stormDispatcher(platform: RecordingNotifier, start: number, rate: { burst: number; perSecond: number }) {
  return new Dispatcher({
    cases: stores.cases,
    outbox: stores.outbox,
    notifier: platform,
    logger: createConsoleLogger('silent'),
    now: () => new Date(start + 60_000),
    onUndeliverable: () => Promise.resolve(),
    rateLimiter: new ConversationRateLimiter({ slack: rate }),
  });
}
beforeEach(async () => {
  stores = await createEmbeddedStores({});
});
afterEach(() => stores.close());

it('gets all 200 alerts of a storm out to one channel, in order, within the channel’s rate', async () => {
  const platform = new RecordingNotifier(['slack:', 'console:']);
  const sentAt: number[] = [];
  const send = platform.send.bind(platform);
  platform.send = async (address, message) => {
    if (address === CHANNEL) sentAt.push(performance.now());
    await send(address, message);
  };
  const start = Date.parse('2026-11-23T10:00:00.000Z');
  const alerts = Array.from({ length: 200 }, (_, i) =>
    makeNotification({
      id: `case-${i}:submitted:${CHANNEL}`,
      caseId: `case-${i}`,
      address: CHANNEL,
      createdAt: new Date(start + i * 300).toISOString(),
      nextAttemptAt: new Date(start + i * 300).toISOString(),
      message: { language: 'sv', prompt: { kind: 'message', text: { raw: `Nytt ärende VP-2026-${1000 + i}` } } },
    }),
  );
  // A member's receipt in the middle of the storm is not held up by the channel's queue.
  const receipt = makeNotification({
    id: 'receipt',
    caseId: 'case-x',
    address: 'console:dm:mira',
    message: { language: 'sv', prompt: { kind: 'message', text: { raw: 'Tack, vi har tagit emot din rapport.' } } },
    createdAt: new Date(start + 100).toISOString(),
    nextAttemptAt: new Date(start).toISOString(),
  });
  await stores.outbox.enqueue([...alerts, receipt]);
  const dispatcher = stormDispatcher(platform, start, RATE);

  await dispatcher.drain();

  const texts = platform.sent.filter((m) => m.address === CHANNEL).map((m) => m.text);
  expect(texts).toEqual(alerts.map((_, i) => `Nytt ärende VP-2026-${1000 + i}`));
  expect(platform.sent.filter((m) => m.address === 'console:dm:mira')).toHaveLength(1);
  // In any one second the channel got at most its burst and a second's share (a little slack for timer jitter).
  let most = 0;
  for (let last = 0, first = 0; last < sentAt.length; last += 1) {
    while ((sentAt[last] as number) - (sentAt[first] as number) >= 1000) first += 1;
    most = Math.max(most, last - first + 1);
  }
  expect(most).toBeLessThanOrEqual(RATE.burst + RATE.perSecond + 2);
  expect((await stores.outbox.due(new Date(start + 60_000), 10)).length).toBe(0);
}, 60_000);

it('does not read the queue of a channel held back by its rate on every pass, while other work keeps it busy', async () => {
  const platform = new RecordingNotifier(['slack:']);
  const start = Date.parse('2026-11-23T10:00:00.000Z');
  const alerts = Array.from({ length: 60 }, (_, i) =>
    makeNotification({
      id: `case-${i}:submitted:${CHANNEL}`,
      caseId: null,
      address: CHANNEL,
      createdAt: new Date(start + i).toISOString(),
      nextAttemptAt: new Date(start).toISOString(),
      message: { language: 'sv', prompt: { kind: 'message', text: { raw: `Nytt ärende VP-2026-${2000 + i}` } } },
    }),
  );
  await stores.outbox.enqueue(alerts);
  // Counts how many of the channel's notifications each read of the queue hands out.
  let channelReads = 0;
  const due = stores.outbox.due.bind(stores.outbox);
  stores.outbox.due = async (now, limit, skip) => {
    const found = await due(now, limit, skip);
    channelReads += found.filter((n) => n.address === CHANNEL).length;
    return found;
  };
  const dispatcher = stormDispatcher(platform, start, { burst: 3, perSecond: 20 });
  // Members' DMs elsewhere kick the dispatcher every few milliseconds while the channel's queue waits.
  const kicks = setInterval(() => dispatcher.kick(), 2);
  try {
    await dispatcher.drain();
  } finally {
    clearInterval(kicks);
  }
  expect(platform.sent.map((m) => m.text)).toEqual(alerts.map((_, i) => `Nytt ärende VP-2026-${2000 + i}`));
  // Read again only when the channel may have its next message (each alert at most once per message the channel
  // gets), not on every pass the kicks cause.
  expect(channelReads).toBeLessThan(60 * 60);
}, 60_000);

it("reads a member's reply stream only for replies it may send now, not for one that has to wait its turn", async () => {
  const platform = new RecordingNotifier(['slack:']);
  const start = Date.parse('2026-11-23T10:00:00.000Z');
  const dm = 'slack:T1:D0MIRA';
  const replies = Array.from({ length: 10 }, (_, i) =>
    makeNotification({
      id: `reply:slack:Ev${i}:0`,
      caseId: null,
      address: dm,
      stream: `reply|${dm}`,
      createdAt: new Date(start + i).toISOString(),
      nextAttemptAt: new Date(start).toISOString(),
      message: { language: 'sv', prompt: { kind: 'message', text: { raw: `Svar ${i}` } } },
    }),
  );
  await stores.outbox.enqueue(replies);
  let streamReads = 0;
  const pendingInStream = stores.outbox.pendingInStream.bind(stores.outbox);
  stores.outbox.pendingInStream = (stream) => {
    streamReads += 1;
    return pendingInStream(stream);
  };
  // Slack's own pace: a burst of three, then one a second; one pass sends the burst.
  const dispatcher = stormDispatcher(platform, start, { burst: 3, perSecond: 1 });
  await dispatcher.runOnce();
  expect(platform.sent.map((m) => m.text)).toEqual(['Svar 0', 'Svar 1', 'Svar 2']);
  // Each reply sent read the stream (for an earlier one still out, or a newer question); the fourth, which has to
  // wait for the next share, did not.
  expect(streamReads).toBe(3);
});
