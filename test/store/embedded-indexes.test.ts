import { EmbeddedInboxStore } from '../../src/store/embedded/embedded-inbox-store';
import { EmbeddedOutboxStore } from '../../src/store/embedded/embedded-outbox-store';
import { Journal } from '../../src/store/embedded/journal';
import { makeInboxEntry, makeNotification } from '../support/fixtures';

/**
 * The inbox and the outbox are journals with indexes of their own (src/store/embedded/journal.ts). A write to one
 * queued message must look at that message only, not at the whole queue: under a hate storm the outbox holds
 * thousands of pending replies, and a by-id write that looks at all of them makes every send slower the further
 * delivery falls behind (it never catches up). Counted here: the documents a call reads from the journal.
 */
function countingReads(): { largest(): number; reset(): void; count<T>(call: () => Promise<T>): Promise<T> } {
  const get = jest.spyOn(Journal.prototype, 'get');
  const values = jest.spyOn(Journal.prototype, 'values');
  let largest = 0;
  return {
    largest: () => largest,
    reset: () => {
      largest = 0;
    },
    async count(call) {
      get.mockClear();
      values.mockClear();
      const result = await call();
      // A full scan reads every document: counted as the whole queue.
      largest = Math.max(largest, get.mock.calls.length, values.mock.calls.length > 0 ? QUEUED : 0);
      return result;
    },
  };
}

const QUEUED = 2000;

afterEach(() => jest.restoreAllMocks());

describe('the embedded store under a long queue', () => {
  it('claims, marks sent and reads one member’s replies without looking at every pending message', async () => {
    const outbox = await EmbeddedOutboxStore.open(undefined);
    await outbox.enqueue(
      Array.from({ length: QUEUED }, (_, i) =>
        makeNotification({ id: `reply:${i}`, caseId: null, seq: i, stream: `reply|slack:dm:U${i % 500}` }),
      ),
    );
    const reads = countingReads();
    const now = new Date('2026-03-02T10:00:00.000Z');

    expect(
      await reads.count(() => outbox.claim('reply:7', 'dispatcher-a', now, new Date(now.getTime() + 60_000))),
    ).toBe(true);
    await reads.count(() => outbox.markSent('reply:7', now));
    await reads.count(() => outbox.reschedule('reply:8', now, '503'));
    await reads.count(() => outbox.markSuperseded('reply:9'));
    await reads.count(() => outbox.markDead('reply:10', 'blocked'));
    expect(reads.largest()).toBe(1);

    reads.reset();
    const mates = await reads.count(() => outbox.pendingInStream('reply|slack:dm:U11'));
    expect(mates.map((n) => n.id)).toEqual(['reply:11', 'reply:511', 'reply:1011', 'reply:1511']);
    expect(reads.largest()).toBeLessThanOrEqual(4);
    expect((await outbox.get('reply:7'))?.status).toBe('sent');
  });

  it('claims and closes one turn of the inbox without looking at every pending turn', async () => {
    const inbox = await EmbeddedInboxStore.open(undefined);
    const entries = Array.from({ length: QUEUED }, () => makeInboxEntry({ claimedBy: null, claimedUntil: null }));
    for (const entry of entries) await inbox.accept(entry);
    const reads = countingReads();
    const now = new Date('2026-03-02T10:00:00.000Z');
    const first = entries[0]?.id ?? '';

    expect(await reads.count(() => inbox.claim(first, 'inbox-b', now, new Date(now.getTime() + 60_000)))).toBe(true);
    await reads.count(() => inbox.markDone(first, now, 'processed'));
    expect(reads.largest()).toBe(1);
    expect((await inbox.get(first))?.status).toBe('done');
  });
});
