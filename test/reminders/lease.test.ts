import { createNode, createWorld, MINUTE, MONDAY_8, type World } from './reminder-world';

let world: World;
beforeEach(async () => {
  world = await createWorld(new Date(Date.parse(MONDAY_8) - 40 * MINUTE));
});
afterEach(() => world.close());

describe('the sweep lease', () => {
  it('leaves a sweep to the process holding its lease, and takes over once that lease has run out', async () => {
    const c = await world.submit('mira', { urgent: true });
    world.clock.advance(40 * MINUTE);
    // Another process is in the middle of the escalation sweep (and died there, say).
    expect(await world.stores.leases.acquire('sweep:escalation', 'other-process', world.clock.now(), 2 * MINUTE)).toBe(
      true,
    );

    const skipped = await world.reminders.runSweep(world.clock.now(), 'both');
    expect(skipped.skipped).toEqual(['escalation']);
    expect(skipped.escalations).toEqual([]);
    expect(skipped.digests).toBe(1);

    world.clock.advance(2 * MINUTE);
    const taken = await world.reminders.runSweep(world.clock.now(), 'escalation');
    expect(taken.skipped).toEqual([]);
    expect(taken.escalations.map((e) => e.number)).toEqual([c.number]);
  });

  it('is released after each sweep, so the next sweep of another process is not held up', async () => {
    await world.submit('mira', { urgent: true });
    world.clock.advance(30 * MINUTE);
    const other = createNode(world.stores, world.platform, world.clock);
    expect((await world.reminders.runSweep(world.clock.now(), 'escalation')).escalations).toHaveLength(1);
    world.clock.advance(30 * MINUTE);
    const next = await other.reminders.runSweep(world.clock.now(), 'escalation');
    expect(next.skipped).toEqual([]);
    expect(next.escalations.map((e) => e.n)).toEqual([2]);
  });
});
