import { createNode, createWorld, dm, MONDAY_8, type World } from '../reminders/reminder-world';
import { deliveries, outboxOf } from './delivery-checks';

let world: World;
beforeEach(async () => {
  world = await createWorld(MONDAY_8);
});
afterEach(() => world.close());

async function someCases(): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < 4; i += 1) ids.push((await world.submit(i % 2 === 0 ? 'mira' : 'olle')).id);
  await world.take(ids[0] as string, 'kim');
  await world.take(ids[1] as string, 'alex');
  return ids;
}

describe('the dispatcher', () => {
  it('never overlaps its own passes: a kick during a drain, or two drains at once, send nothing twice', async () => {
    const ids = await someCases();
    world.dispatcher.kick();
    await Promise.all([world.dispatcher.drain(), world.dispatcher.drain(), world.dispatcher.runOnce()]);
    world.dispatcher.kick();
    await world.dispatcher.drain();

    const all = await outboxOf(world.stores.outbox, ids);
    expect(all.filter((n) => n.status !== 'sent')).toEqual([]);
    expect([...deliveries(all, world.sent)].filter(([, count]) => count !== 1)).toEqual([]);
  });

  it('two dispatchers over one store send each notification once', async () => {
    const ids = await someCases();
    const other = createNode(world.stores, world.platform, world.clock);
    await Promise.all([world.dispatcher.drain(), other.dispatcher.drain()]);
    await Promise.all([world.dispatcher.drain(), other.dispatcher.drain()]);

    const all = await outboxOf(world.stores.outbox, ids);
    expect(all.filter((n) => n.status !== 'sent')).toEqual([]);
    expect(world.sent.sent).toHaveLength(all.length);
  });

  it('honours Retry-After and keeps the case’s later messages behind the one that waits', async () => {
    const c = await world.submit('mira');
    world.platform.failWith(() => ({ kind: 'retry', retryAfterMs: 120_000, reason: '429 rate_limited' }));
    await world.flush();
    world.platform.recover();
    await world.take(c.id, 'kim');

    world.clock.advance(119_000);
    await world.flush();
    // The take's private messages went out; the channel's "taken" update waits behind the alert that must come first.
    expect(world.sent.to(dm('kim'))).toHaveLength(1);
    expect(world.sent.to('console:channel:norrby')).toEqual([]);

    world.clock.advance(1_000);
    await world.flush();
    expect(world.sent.to('console:channel:norrby').map((m) => m.text.split('\n')[0])).toEqual([
      `Nytt ärende ${c.number}`,
      `Nytt ärende ${c.number}`,
    ]);
    expect(world.sent.current('console:channel:norrby', `alert:${c.id}`)?.text).toContain('Tas om hand av Kim Kontakt');
  });
});
