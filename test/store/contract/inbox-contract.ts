import { makeInboxEntry } from '../../support/fixtures';
import { concurrently, type MakeStores, freshStoresPerTest } from './harness';

const AT = new Date('2026-03-02T09:30:00.000Z');
const later = (ms: number) => new Date(AT.getTime() + ms);

/** The durable inbox: one record per delivery, claims, done marks, start-up take-over and pruning. */
export function inboxContract(makeStores: MakeStores): void {
  const { current } = freshStoresPerTest(makeStores);

  it('stores a delivery once and reads it back unchanged; a redelivery is refused and changes nothing', async () => {
    const entry = makeInboxEntry(
      {},
      { action: { id: 'dialog:answer', value: 'what.kind|$set', values: ['a.b', '$x'] }, channelAddress: 'slack:C1' },
    );
    expect(await current().inbox.accept(entry)).toBe(true);
    expect(await current().inbox.accept({ ...entry, turn: { ...entry.turn, text: 'changed' } })).toBe(false);
    expect(await current().inbox.get(entry.id)).toEqual(entry);
    expect(await current().inbox.get('slack:missing')).toBeNull();
  });

  it('gives exactly one of 20 concurrent deliveries of one event true', async () => {
    const entry = makeInboxEntry();
    const results = await concurrently(20, () => current().inbox.accept(entry));
    expect(results.filter((first) => first)).toHaveLength(1);
  });

  it('lists pending entries nobody holds, oldest first, and hands each claim to one holder', async () => {
    const inbox = current().inbox;
    const held = makeInboxEntry({ receivedAt: '2026-03-02T09:29:00.000Z' });
    const free2 = makeInboxEntry({ claimedBy: null, claimedUntil: null, receivedAt: '2026-03-02T09:29:30.000Z' });
    const free1 = makeInboxEntry({ claimedBy: null, claimedUntil: null, receivedAt: '2026-03-02T09:29:10.000Z' });
    for (const e of [held, free2, free1]) await inbox.accept(e);
    expect((await inbox.claimable(AT, 10)).map((e) => e.id)).toEqual([free1.id, free2.id]);
    // Once the first holder's claim has run out (at 09:32), its entry is claimable again, and first in line.
    expect((await inbox.claimable(later(3 * 60_000), 10)).map((e) => e.id)).toEqual([held.id, free1.id, free2.id]);

    const winners = await concurrently(10, (i) => inbox.claim(free1.id, `p${i}`, AT, later(60_000)));
    expect(winners.filter((won) => won)).toHaveLength(1);
    expect(await inbox.claim(held.id, 'b', AT, later(60_000))).toBe(false);
    expect(await inbox.claim(held.id, 'b', later(3 * 60_000), later(4 * 60_000))).toBe(true);
    expect(await inbox.get(held.id)).toMatchObject({ status: 'pending', claimedBy: 'b' });
  });

  it('marks an entry done once; a done entry is never claimable again', async () => {
    const inbox = current().inbox;
    const entry = makeInboxEntry();
    await inbox.accept(entry);
    await inbox.markDone(entry.id, later(1000), 'processed');
    await inbox.markDone(entry.id, later(5000), 'failed');
    expect(await inbox.get(entry.id)).toEqual({
      id: entry.id,
      status: 'done',
      outcome: 'processed',
      doneAt: later(1000).toISOString(),
    });
    expect(await inbox.claimable(later(10 * 60_000), 10)).toEqual([]);
    expect(await inbox.claim(entry.id, 'x', later(10 * 60_000), later(11 * 60_000))).toBe(false);
  });

  it('keeps no payload of a handled turn (no text, files, name or address), and still refuses its redelivery', async () => {
    const inbox = current().inbox;
    const entry = makeInboxEntry(
      {},
      {
        text: 'Han skrev att han vet var jag bor',
        action: { id: 'dialog:answer', value: 'x', input: 'en anteckning' },
        attachments: [{ id: 'slack:F1', name: 'skarmbild.png', mimeType: 'image/png' }],
      },
    );
    await inbox.accept(entry);
    await inbox.markDone(entry.id, later(1000), 'processed');
    const done = await inbox.get(entry.id);
    expect(done).toEqual({ id: entry.id, status: 'done', outcome: 'processed', doneAt: later(1000).toISOString() });
    expect(JSON.stringify(done)).not.toMatch(/vet var jag bor|anteckning|skarmbild|Test Ledamot|slack:dm:|slack:U/);
    // The platform delivers it again: refused, nothing processed, nothing of it stored again.
    expect(await inbox.accept(entry)).toBe(false);
    expect(await inbox.get(entry.id)).toEqual(done);
    expect(await inbox.claimable(later(10 * 60_000), 10)).toEqual([]);
  });

  it('lets every claim lapse at start-up, so the turns of a dead process are redone at once', async () => {
    const inbox = current().inbox;
    const a = makeInboxEntry();
    const b = makeInboxEntry({ claimedBy: null, claimedUntil: null });
    const done = makeInboxEntry();
    for (const e of [a, b, done]) await inbox.accept(e);
    await inbox.markDone(done.id, AT, 'processed');
    expect(await inbox.expireClaims(AT)).toBe(1);
    expect((await inbox.claimable(AT, 10)).map((e) => e.id).sort()).toEqual([a.id, b.id].sort());
  });

  it('prunes only done entries finished before the cut-off, never pending ones', async () => {
    const inbox = current().inbox;
    const old = makeInboxEntry();
    const recent = makeInboxEntry();
    const pending = makeInboxEntry({ receivedAt: '2020-01-01T00:00:00.000Z' });
    for (const e of [old, recent, pending]) await inbox.accept(e);
    await inbox.markDone(old.id, AT, 'processed');
    await inbox.markDone(recent.id, later(60 * 60_000), 'throttled');
    expect(await inbox.prune(later(30 * 60_000))).toBe(1);
    expect(await inbox.get(old.id)).toBeNull();
    expect((await inbox.get(recent.id))?.outcome).toBe('throttled');
    expect((await inbox.get(pending.id))?.status).toBe('pending');
    // A pruned delivery is forgotten: were it delivered again days later, it would be new.
    expect(await inbox.accept(old)).toBe(true);
  });
}
