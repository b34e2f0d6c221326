import { anonymiseCase } from '../../src/domain/anonymise';
import { createCaseWorld, outcome, SECRET, type CaseWorld } from '../cases/case-world';

/**
 * Case notifications are references (issue 11): the outbox holds what to say and to whom, the words are rendered
 * from the case when the notification is sent. These tests pin what a person sees when the case moved on between
 * the change that queued a message and its delivery.
 */
let world: CaseWorld;
beforeEach(async () => {
  world = await createCaseWorld();
});
afterEach(() => world.close());

const CHANNEL = 'console:channel:norrby';
const dm = (id: string): string => `console:dm:${id}`;

async function outboxOf(caseId: string) {
  await world.dispatcher.runOnce().catch(() => undefined);
  return world.stores.outbox.listForCase(caseId);
}

describe('case notifications in the outbox', () => {
  it('carry no words: the owner still reads the whole report, rendered when it is sent', async () => {
    await world.bind('norrby');
    const c = await world.submit('mira');
    await world.cases.take(c.id, world.actor('kim'), world.now());
    await world.flush();

    const all = await world.stores.outbox.listForCase(c.id);
    expect(all.length).toBeGreaterThanOrEqual(4);
    for (const n of all) {
      expect(n).not.toHaveProperty('message');
      expect(n.render?.caseId).toBe(c.id);
      expect(JSON.stringify(n)).not.toContain(SECRET.description);
      expect(JSON.stringify(n)).not.toContain(SECRET.target);
    }
    expect(world.notifier.textOf(dm('kim'))).toContain(SECRET.description);
    expect(world.notifier.textOf(dm('mira'))).toContain('Kim Kontakt');
    expect(world.notifier.textOf(CHANNEL)).not.toContain(SECRET.description);
  });

  it('an alert sent after the case was taken shows who took it and no "Take case"; the first taker still wins', async () => {
    await world.bind('norrby');
    world.notifier.failFor(CHANNEL, { kind: 'retry', retryAfterMs: 60_000, reason: '503' });
    const c = await world.submit('mira');
    await world.flush();
    expect(world.notifier.to(CHANNEL)).toEqual([]);

    // Kim takes it from the central list while the channel is down; Alex, pressing a stale button, is told who was first.
    await world.cases.take(c.id, world.actor('kim'), world.now());
    expect(await outcome(() => world.cases.take(c.id, world.actor('alex'), world.now()))).toBe('case.already_taken');

    world.notifier.recoverFor(CHANNEL);
    world.advance(5 * 60_000);
    await world.flush();
    const alert = world.notifier.current(CHANNEL, `alert:${c.id}`);
    expect(alert?.text).toContain('Kim Kontakt');
    expect(world.notifier.actions(CHANNEL, 'case:take')).toEqual([]);
    expect((await world.cases.view(c.id, 'console:kim')).case.owner?.userId).toBe('console:kim');
  });

  it('an alert sent while the case is untaken offers "Take case", and the first press of it owns the case', async () => {
    await world.bind('norrby');
    const c = await world.submit('mira');
    await world.flush();
    const [take] = world.notifier.actions(CHANNEL, 'case:take');
    expect(take?.value).toBe(c.id);
    const results = await Promise.all(
      ['kim', 'alex'].map((who) => outcome(() => world.cases.take(take?.value ?? '', world.actor(who), world.now()))),
    );
    expect(results.sort()).toEqual(['case.already_taken', 'ok']);
    await world.flush();
    expect(world.notifier.actions(CHANNEL, 'case:take').length).toBe(1);
    expect(world.notifier.current(CHANNEL, `alert:${c.id}`)?.text).toMatch(/Kim Kontakt|Alex/);
  });

  it('a status message keeps what it told of: "closed because …" still says why after the case was reopened', async () => {
    const c = await world.submit('mira');
    await world.cases.take(c.id, world.actor('kim'), world.now());
    await world.flush();
    world.notifier.failFor(dm('mira'), { kind: 'retry', retryAfterMs: 60_000, reason: '503' });
    await world.cases.close(c.id, world.actor('kim'), 'Polisen har tagit över', world.now());
    await world.cases.reopen(c.id, world.actor('kim'), world.now());
    world.notifier.recoverFor(dm('mira'));
    world.advance(5 * 60_000);
    await world.flush();
    const texts = world.notifier.to(dm('mira')).map((m) => m.text);
    expect(texts.some((t) => t.includes('Polisen har tagit över'))).toBe(true);
    expect(texts.at(-1)).toContain(c.number);
  });

  it('nothing is sent for a case anonymised or erased before its notification went out', async () => {
    const c = await world.submit('mira');
    world.notifier.failFor(dm('kim'), { kind: 'retry', retryAfterMs: 60_000, reason: '503' });
    await world.cases.take(c.id, world.actor('kim'), world.now());
    await world.flush();
    const stored = await world.stores.cases.get(c.id);
    if (!stored) throw new Error('case missing');
    await world.stores.cases.update(anonymiseCase(stored, world.now()), stored.revision);

    world.notifier.recoverFor(dm('kim'));
    world.advance(5 * 60_000);
    await world.flush();
    expect(world.notifier.textOf(dm('kim'))).not.toContain(SECRET.description);
    const toKim = (await outboxOf(c.id)).filter((n) => n.address === dm('kim'));
    expect(toKim.length).toBeGreaterThan(0);
    expect(toKim.every((n) => n.status === 'superseded')).toBe(true);
  });

  it('a hand-over offer that is no longer pending when its turn comes is not sent: no buttons that cannot work', async () => {
    const c = await world.submit('mira');
    await world.cases.take(c.id, world.actor('kim'), world.now());
    await world.flush();
    world.notifier.failFor(dm('alex'), { kind: 'retry', retryAfterMs: 60_000, reason: '503' });
    await world.cases.offerHandover(c.id, world.actor('kim'), 'console:alex', world.now());
    // Kim offers it to Cecilia instead before Alex's chat is back: Alex's offer no longer stands.
    await world.cases.offerHandover(c.id, world.actor('kim'), 'console:cecilia', world.now());
    world.notifier.recoverFor(dm('alex'));
    world.advance(5 * 60_000);
    await world.flush();
    expect(world.notifier.actions(dm('alex'), 'case:accept')).toEqual([]);
    expect(world.notifier.actions(dm('cecilia'), 'case:accept').map((a) => a.value)).toEqual([c.id]);
    const offers = (await world.stores.outbox.listForCase(c.id)).filter((n) => n.render?.kind === 'handover-offer');
    expect(offers.map((n) => [n.address, n.status]).sort()).toEqual([
      [dm('alex'), 'superseded'],
      [dm('cecilia'), 'sent'],
    ]);
  });

  it('renders in the language the reference names, with the words of the entry it tells of', async () => {
    await world.stores.profiles.put(
      { userId: 'console:kim', language: 'en', updatedAt: world.now().toISOString(), revision: 0 },
      null,
    );
    const c = await world.submit('mira');
    await world.cases.take(c.id, world.actor('kim'), world.now());
    await world.cases.recordCheckIn(
      c.id,
      world.actor('mira'),
      { kind: 'check_in', day: 1, answer: 'support', note: 'Jag sover dåligt' },
      world.now(),
    );
    await world.flush();
    expect(world.notifier.lastTextOf(dm('kim'))).toBe(
      `Mira Medlem answered the check-in on ${c.number}: needs support. Jag sover dåligt`,
    );
    const [checkIn] = (await world.stores.outbox.listForCase(c.id)).filter((n) => n.render?.kind === 'owner-check-in');
    expect(checkIn?.render?.language).toBe('en');
    expect(JSON.stringify(checkIn)).not.toContain('Jag sover dåligt');
  });
});
