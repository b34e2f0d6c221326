import { makeCase, makeInboxEntry, makeNotification, makeSession } from '../../support/fixtures';
import { type MakeStores, freshStoresPerTest } from './harness';

/** Close and open again: nothing written before is lost. */
export function restartContract(makeStores: MakeStores): void {
  const { current, harness } = freshStoresPerTest(makeStores);

  it('keeps every kind of record across a restart', async () => {
    const stores = current();
    const original = makeCase();
    await stores.cases.create(original);
    const taken = { ...original, status: 'open' as const, owner: { userId: 'web:k', displayName: 'K' }, revision: 1 };
    expect(await stores.cases.update(taken, 0)).toBe(true);
    const session = makeSession({ answers: { 'step.with.dots': 'svar' } });
    await stores.sessions.put(session, null);
    const profile = {
      userId: 'web:test-ledamot',
      districtId: 'norrby',
      updatedAt: '2026-03-01T00:00:00.000Z',
      revision: 0,
    };
    await stores.profiles.put(profile, null);
    await stores.keyValues.put('bindings', 'norrby', { channel: 'teams:19:abc' });
    const entry = makeInboxEntry();
    expect(await stores.inbox.accept(entry)).toBe(true);
    await stores.counters.next('case-2026');
    await stores.leases.acquire('sweep', 'a', new Date('2026-03-01T00:00:00Z'), 3_600_000);
    const queued = makeNotification();
    await stores.outbox.enqueue([queued]);
    await stores.sessions.delete('nobody');

    await stores.close();
    const reopened = await harness().reopen();

    expect(await reopened.cases.get(original.id)).toEqual(taken);
    expect(await reopened.cases.getByNumber(original.number)).toEqual(taken);
    expect(await reopened.sessions.get(session.key)).toEqual(session);
    expect(await reopened.profiles.get(profile.userId)).toEqual(profile);
    expect(await reopened.keyValues.get('bindings', 'norrby')).toEqual({ channel: 'teams:19:abc' });
    expect(await reopened.inbox.get(entry.id)).toEqual(entry);
    expect(await reopened.inbox.accept(entry)).toBe(false);
    expect(await reopened.counters.next('case-2026')).toBe(2);
    expect(await reopened.leases.acquire('sweep', 'b', new Date('2026-03-01T00:30:00Z'), 60_000)).toBe(false);
    expect(await reopened.outbox.get(queued.id)).toEqual(queued);
    // Unique indexes hold after a restart too.
    await expect(reopened.cases.create({ ...makeCase(), number: original.number })).rejects.toMatchObject({
      code: 'store.duplicate',
    });
    expect(await reopened.ping()).toBe(true);
  });
}
