import type { DispatcherDeps } from '../../src/delivery/dispatcher';
import type { NotificationDraft } from '../../src/domain/notification';
import type { CaseRepository } from '../../src/ports/case-repository';
import type { OutboxStore } from '../../src/ports/outbox-store';
import { createNode, createWorld, MINUTE, MONDAY_8, type World } from '../reminders/reminder-world';
import { deliveries, expectOrderPerCase, outboxOf } from './delivery-checks';

/** Thrown where a process dies; the instance that threw is never used again. */
class Crash extends Error {
  constructor(step: string) {
    super(`crash: ${step}`);
  }
}

/** Dispatcher stores that die at the first call of one step (after the calls before it went through). */
function crashingAt(step: 'relay-enqueue' | 'relay-remove-drafts' | 'mark-sent') {
  return (deps: DispatcherDeps): DispatcherDeps => {
    const outbox: OutboxStore = Object.create(deps.outbox) as OutboxStore;
    const cases: CaseRepository = Object.create(deps.cases) as CaseRepository;
    if (step === 'relay-enqueue') outbox.enqueue = () => Promise.reject(new Crash(step));
    // The relay's only case write is the one that removes the drafts it has just enqueued.
    if (step === 'relay-remove-drafts') cases.update = () => Promise.reject(new Crash(step));
    if (step === 'mark-sent') outbox.markSent = () => Promise.reject(new Crash(step));
    return { ...deps, outbox, cases };
  };
}

/** A repository whose relay scan finds nothing, so the dispatcher only sends what the outbox holds. */
function withoutRelay(cases: CaseRepository): CaseRepository {
  const view: CaseRepository = Object.create(cases) as CaseRepository;
  view.list = () => Promise.resolve([]);
  return view;
}

let world: World;
beforeEach(async () => {
  world = await createWorld(new Date(Date.parse(MONDAY_8) - 40 * MINUTE));
});
afterEach(() => world.close());

/**
 * Stores, without sending anything, one of everything: two alerts, an escalation (case write by the reminders), a
 * take (alert update, owner card, member message) and the morning digests (straight into the outbox).
 */
async function storeEverything(): Promise<{ caseIds: string[]; digestIds: string[] }> {
  const urgent = await world.submit('mira', { urgent: true });
  const normal = await world.submit('olle', { districtId: 'vastby' });
  world.clock.advance(30 * MINUTE);
  const escalation = await world.reminders.runSweep(world.clock.now(), 'escalation');
  expect(escalation.escalations.map((e) => e.number)).toEqual([urgent.number]);
  world.clock.advance(10 * MINUTE);
  await world.take(normal.id, 'vera');
  const digest = await world.reminders.runSweep(world.clock.now(), 'digest');
  expect(digest.digests).toBeGreaterThan(1);
  expect(world.sent.sent).toEqual([]);
  return { caseIds: [urgent.id, normal.id], digestIds: digest.notificationIds };
}

/** A fresh process over the same stores (the node's services are built anew; the stores are the database). */
const restart = () => createNode(world.stores, world.platform, world.clock);

describe('a crash between storing and sending, then a restart', () => {
  it('after the case write, before the relay: everything is sent once after the restart', async () => {
    const { caseIds, digestIds } = await storeEverything();
    const dying = createNode(world.stores, world.platform, world.clock, {
      dispatcherDeps: crashingAt('relay-enqueue'),
    });
    await expect(dying.dispatcher.drain()).rejects.toThrow('crash: relay-enqueue');
    // The digests were in the outbox already and are due; the crash came before anything was sent.
    expect(world.sent.sent).toEqual([]);

    await restart().dispatcher.drain();

    const all = await outboxOf(world.stores.outbox, caseIds, digestIds);
    expect(all.length).toBeGreaterThan(8);
    expect(all.every((n) => n.status === 'sent')).toBe(true);
    expect([...deliveries(all, world.sent)].filter(([, count]) => count !== 1)).toEqual([]);
    expectOrderPerCase(all, world.sent);
    for (const id of caseIds) expect((await world.stores.cases.get(id))?.pendingNotifications).toEqual([]);
  });

  it('after the relay enqueued, before it removed the drafts from the case: sent once, re-enqueueing is harmless', async () => {
    const { caseIds, digestIds } = await storeEverything();
    const dying = createNode(world.stores, world.platform, world.clock, {
      dispatcherDeps: crashingAt('relay-remove-drafts'),
    });
    await expect(dying.dispatcher.drain()).rejects.toThrow('crash: relay-remove-drafts');
    // The relay had enqueued one case's drafts: they are both in the outbox and still in the case.
    const halfway: NotificationDraft[] = [];
    for (const id of caseIds) {
      const drafts = (await world.stores.cases.get(id))?.pendingNotifications ?? [];
      const queued = new Set((await world.stores.outbox.listForCase(id)).map((n) => n.id));
      if (drafts.length > 0 && drafts.every((d) => queued.has(d.id))) halfway.push(...drafts);
    }
    expect(halfway.length).toBeGreaterThan(0);

    // Another process, alive all along, sends what the outbox holds before the restarted one relays again (its
    // relay finds nothing to do: it looked just before the crash).
    const other = createNode(world.stores, world.platform, world.clock, {
      dispatcherDeps: (deps) => ({ ...deps, cases: withoutRelay(deps.cases) }),
    });
    await other.dispatcher.drain();
    const sentByOther = world.sent.sent.map((m) => m.notificationId);
    expect(halfway.every((d) => sentByOther.includes(d.id))).toBe(true);
    await restart().dispatcher.drain();

    const all = await outboxOf(world.stores.outbox, caseIds, digestIds);
    expect(all.every((n) => n.status === 'sent')).toBe(true);
    expect([...deliveries(all, world.sent)].filter(([, count]) => count !== 1)).toEqual([]);
    expect(world.sent.sent.length).toBe(all.length);
    expectOrderPerCase(all, world.sent);
    for (const id of caseIds) expect((await world.stores.cases.get(id))?.pendingNotifications).toEqual([]);
  });

  it('after the platform accepted a message, before markSent: that one message may arrive twice, nothing else', async () => {
    const { caseIds, digestIds } = await storeEverything();
    const dying = createNode(world.stores, world.platform, world.clock, { dispatcherDeps: crashingAt('mark-sent') });
    await expect(dying.dispatcher.drain()).rejects.toThrow('crash: mark-sent');
    expect(world.sent.sent).toHaveLength(1);
    const inFlight = world.sent.sent[0];

    // Restarted at once: the dead process's claim still holds, so the message in flight (and whatever its recipient
    // should see after it) waits; everything else goes out.
    const restarted = restart();
    await restarted.dispatcher.drain();
    const all = await outboxOf(world.stores.outbox, caseIds, digestIds);
    const waiting = all.filter((n) => n.status === 'pending');
    expect(waiting.length).toBeGreaterThan(0);
    expect(waiting.every((n) => n.address === inFlight?.address)).toBe(true);

    // When the claim has expired (60 s) the message is sent again: at-least-once, because no platform can be asked
    // whether a message arrived, and giving up on an expired claim could silently lose an alert.
    world.clock.advance(61_000);
    await restarted.dispatcher.drain();

    const final = await outboxOf(world.stores.outbox, caseIds, digestIds);
    expect(final.every((n) => n.status === 'sent')).toBe(true);
    const counts = deliveries(final, world.sent);
    const twice = [...counts.entries()].filter(([, count]) => count !== 1);
    expect(twice).toHaveLength(1);
    expect(twice[0]?.[1]).toBe(2);
    expect(world.sent.sent.filter((m) => m.address === inFlight?.address && m.text === inFlight.text)).toHaveLength(2);
    expect(world.sent.sent.length).toBe(final.length + 1);
    expectOrderPerCase(final, world.sent);
  });

  it('a store failure right after a send is not taken for a failed send: no immediate resend', async () => {
    const c = await world.submit('mira');
    const flaky = createNode(world.stores, world.platform, world.clock, { dispatcherDeps: crashingAt('mark-sent') });
    await expect(flaky.dispatcher.drain()).rejects.toThrow('crash: mark-sent');
    // Within the claim nobody sends it again, however often the dispatchers run.
    const fresh = restart();
    for (let i = 0; i < 5; i += 1) {
      world.clock.advance(10_000);
      await fresh.dispatcher.drain();
    }
    expect(world.sent.sent).toHaveLength(1);
    expect((await world.stores.outbox.listForCase(c.id))[0]?.attempts).toBe(0);
  });
});
