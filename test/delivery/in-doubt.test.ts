import { Dispatcher, type DispatcherDeps } from '../../src/delivery/dispatcher';
import { replyStream } from '../../src/delivery/outbox-notifier';
import { pendingNotification, type Notification } from '../../src/domain/notification';
import { tx, type OutgoingMessage } from '../../src/engine/prompt';
import { createMemoryLogger } from '../../src/ports/logger';
import type { Notifier, SendOptions } from '../../src/ports/notifier';
import type { OutboxStore } from '../../src/ports/outbox-store';
import type { Stores } from '../../src/ports/stores';
import { createEmbeddedStores } from '../../src/store/embedded/create-embedded-stores';
import { startSlackTestApp, type SlackTestApp } from '../adapters/slack/slack-test-app';
import { RecordingNotifier, renderMessageText } from '../support/recording-notifier';

/**
 * The dispatcher sends to many conversations at once, and a crash can catch several sends between the platform's
 * acceptance and `markSent`. Where the platform can be asked (Slack: the notification id in the message metadata)
 * none of them is posted twice after the restart; where it cannot (Teams, web, console) one send of an alert,
 * receipt, guidance or anything else is in flight at a time, and besides it at most four of the messages that repeat
 * harmlessly (a dialog's next question), so a crash leaves at most one of the first kind that may arrive twice.
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

function dispatcherOver(
  stores: Stores,
  outbox: OutboxStore,
  notifier: Notifier,
  now: () => Date,
  extra: Partial<DispatcherDeps> = {},
): Dispatcher {
  const deps: DispatcherDeps = {
    cases: stores.cases,
    outbox,
    notifier,
    logger: createMemoryLogger(),
    now,
    onUndeliverable: () => Promise.resolve(),
    ...extra,
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

/**
 * A console-like platform that cannot be asked, whose sends take a while (long enough that, even on a busy machine,
 * the other lanes take their claims and start sending before the first send's `markSent` crashes the pass); it counts
 * how many of each kind are in flight at once.
 */
class SlowPlatform implements Notifier {
  readonly recording = new RecordingNotifier(['console:']);
  private inFlight = { question: 0, other: 0, all: 0 };
  readonly most = { question: 0, other: 0, all: 0 };

  handles(address: string): boolean {
    return this.recording.handles(address);
  }

  async send(address: string, message: OutgoingMessage, options?: SendOptions): Promise<void> {
    const kind = message.prompt.kind === 'question' ? 'question' : 'other';
    this.inFlight[kind] += 1;
    this.inFlight.all += 1;
    this.most[kind] = Math.max(this.most[kind], this.inFlight[kind]);
    this.most.all = Math.max(this.most.all, this.inFlight.all);
    try {
      await new Promise((resolve) => setTimeout(resolve, 80));
      await this.recording.send(address, message, options);
    } finally {
      this.inFlight[kind] -= 1;
      this.inFlight.all -= 1;
    }
  }
}

/** To each of `CONVERSATIONS` members, the next question of their report, led by the dialog's greeting. */
function dialogQuestions(nowMs: number): Notification[] {
  return Array.from({ length: CONVERSATIONS }, (_, i) => {
    const address = `console:dm:asking-${i}`;
    return pendingNotification({
      id: `reply:question-${i}:0`,
      address,
      message: {
        language: 'sv',
        prompt: {
          kind: 'question',
          lead: [{ kind: 'message', text: tx('report.intro') }],
          stepId: 'on_behalf',
          text: tx('report.on_behalf.question'),
          input: { type: 'text', maxLength: 4000, multiline: true },
          controls: ['pause', 'cancel'],
        },
      },
      createdAt: new Date(nowMs).toISOString(),
      caseId: null,
      seq: 100 + i,
      stream: replyStream(address),
      supersedeKey: `question|${address}`,
    });
  });
}

/** To each of `CONVERSATIONS` other members, the receipt of their report: it must never arrive twice but for one. */
function receipts(nowMs: number): Notification[] {
  return Array.from({ length: CONVERSATIONS }, (_, i) => {
    const address = `console:dm:reported-${i}`;
    return pendingNotification({
      id: `reply:receipt-${i}:0`,
      address,
      message: { language: 'sv', prompt: { kind: 'message', text: tx('bot.submitted', { number: 40 + i }) } },
      createdAt: new Date(nowMs).toISOString(),
      caseId: null,
      seq: 200 + i,
      stream: replyStream(address),
    });
  });
}

describe('how many sends may be in doubt at once, per kind of message', () => {
  it('dialog questions go out four at a time, receipts one at a time; a crash repeats at most that many of each', async () => {
    const stores = await createEmbeddedStores({});
    try {
      let nowMs = Date.parse('2026-03-02T09:30:00.000Z');
      const now = () => new Date(nowMs);
      const questions = dialogQuestions(nowMs);
      const receipted = receipts(nowMs);
      await stores.outbox.enqueue([...receipted, ...questions]);

      const platform = new SlowPlatform();
      await expect(dispatcherOver(stores, dyingAtMarkSent(stores.outbox), platform, now).drain()).rejects.toThrow(
        'crash: mark-sent',
      );
      const atCrash = platform.recording.sent.map((m) => m.notificationId);
      const questionsAtCrash = atCrash.filter((id) => id?.startsWith('reply:question-')).length;
      const receiptsAtCrash = atCrash.filter((id) => id?.startsWith('reply:receipt-')).length;
      expect(questionsAtCrash).toBeGreaterThan(1);
      expect(questionsAtCrash).toBeLessThanOrEqual(4);
      expect(receiptsAtCrash).toBeLessThanOrEqual(1);

      nowMs += 61_000;
      await dispatcherOver(stores, stores.outbox, platform, now).drain();
      // Never more in flight than the bound, before the crash or after it.
      expect(platform.most.question).toBeLessThanOrEqual(4);
      expect(platform.most.other).toBe(1);
      expect(platform.most.all).toBeLessThanOrEqual(5);

      const ids = platform.recording.sent.map((m) => m.notificationId ?? '');
      const twice = ids.filter((id, i) => ids.indexOf(id) !== i);
      expect(twice.filter((id) => id.startsWith('reply:receipt-')).length).toBeLessThanOrEqual(1);
      expect(twice.filter((id) => id.startsWith('reply:question-')).length).toBeLessThanOrEqual(4);
      expect(twice).toHaveLength(questionsAtCrash + receiptsAtCrash);
      for (const n of [...questions, ...receipted]) {
        expect(ids).toContain(n.id);
        expect((await stores.outbox.get(n.id))?.status).toBe('sent');
      }
    } finally {
      await stores.close();
    }
  });

  it('with repeatable sends turned off (repeatableInFlight 0), a question waits for the one slot like a receipt', async () => {
    const stores = await createEmbeddedStores({});
    try {
      const nowMs = Date.parse('2026-03-02T09:30:00.000Z');
      await stores.outbox.enqueue([...receipts(nowMs), ...dialogQuestions(nowMs)]);
      const platform = new SlowPlatform();
      const dispatcher = dispatcherOver(stores, stores.outbox, platform, () => new Date(nowMs), {
        repeatableInFlight: 0,
      });
      await dispatcher.drain();
      expect(platform.recording.sent).toHaveLength(2 * CONVERSATIONS);
      expect(platform.most.all).toBe(1);
    } finally {
      await stores.close();
    }
  });
});
