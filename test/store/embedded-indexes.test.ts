import { openCollection, type Collection } from '../../src/store/embedded/datastore';
import { PLAIN_INDEXES } from '../../src/store/embedded/create-embedded-stores';
import { EmbeddedInboxStore } from '../../src/store/embedded/embedded-inbox-store';
import { EmbeddedOutboxStore } from '../../src/store/embedded/embedded-outbox-store';
import { makeInboxEntry, makeNotification } from '../support/fixtures';

/**
 * NeDB tests every candidate document its index lookup returns. A write to one queued message must look at that
 * message only, not at the whole queue: under a hate storm the outbox holds thousands of pending replies, and a
 * by-id write that tests all of them makes every send slower the further delivery falls behind (it never catches up).
 */
function countingCandidates(collection: Collection): { largest(): number; reset(): void } {
  const raw = collection as unknown as { _getRawCandidates(query: unknown): unknown[] };
  const original = raw._getRawCandidates.bind(collection);
  let largest = 0;
  raw._getRawCandidates = (query: unknown) => {
    const found = original(query);
    largest = Math.max(largest, found.length);
    return found;
  };
  return {
    largest: () => largest,
    reset: () => {
      largest = 0;
    },
  };
}

const QUEUED = 2000;

describe('the embedded store under a long queue', () => {
  it('claims, marks sent and reads one member’s replies without testing every pending message', async () => {
    const collection = await openCollection(undefined, 'outbox', [], PLAIN_INDEXES.outbox ?? []);
    const outbox = new EmbeddedOutboxStore(collection);
    await outbox.enqueue(
      Array.from({ length: QUEUED }, (_, i) =>
        makeNotification({ id: `reply:${i}`, caseId: null, seq: i, stream: `reply|slack:dm:U${i % 500}` }),
      ),
    );
    const candidates = countingCandidates(collection);
    const now = new Date('2026-03-02T10:00:00.000Z');

    expect(await outbox.claim('reply:7', 'dispatcher-a', now, new Date(now.getTime() + 60_000))).toBe(true);
    await outbox.markSent('reply:7', now);
    await outbox.reschedule('reply:8', now, '503');
    await outbox.markSuperseded('reply:9');
    await outbox.markDead('reply:10', 'blocked');
    expect(candidates.largest()).toBe(1);

    candidates.reset();
    const mates = await outbox.pendingInStream('reply|slack:dm:U11');
    expect(mates.map((n) => n.id)).toEqual(['reply:11', 'reply:511', 'reply:1011', 'reply:1511']);
    expect(candidates.largest()).toBeLessThanOrEqual(4);
    expect((await outbox.get('reply:7'))?.status).toBe('sent');
  });

  it('claims and closes one turn of the inbox without testing every pending turn', async () => {
    const collection = await openCollection(undefined, 'inbox', [], PLAIN_INDEXES.inbox ?? []);
    const inbox = new EmbeddedInboxStore(collection);
    const entries = Array.from({ length: QUEUED }, () => makeInboxEntry({ claimedBy: null, claimedUntil: null }));
    for (const entry of entries) await inbox.accept(entry);
    const candidates = countingCandidates(collection);
    const now = new Date('2026-03-02T10:00:00.000Z');
    const first = entries[0]?.id ?? '';

    expect(await inbox.claim(first, 'inbox-b', now, new Date(now.getTime() + 60_000))).toBe(true);
    await inbox.markDone(first, now, 'processed');
    expect(candidates.largest()).toBe(1);
    expect((await inbox.get(first))?.status).toBe('done');
  });
});
