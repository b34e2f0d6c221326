import { translate } from '../../src/i18n/translate';
import { CHANNEL, createWorld, dm, HOUR, MINUTE, type World } from './reminder-world';

let world: World;
beforeEach(async () => {
  // A Monday afternoon, 14:02 in Stockholm.
  world = await createWorld('2026-03-02T13:02:00.000Z');
});
afterEach(() => world.close());

/** One escalation sweep "every five minutes" from now until `untilMs` after the start, delivering as it goes. */
async function sweepEvery5Minutes(fromMs: number, untilMs: number, start: number): Promise<void> {
  for (let t = fromMs; t <= untilMs; t += 5 * MINUTE) {
    world.clock.set(new Date(start + t));
    await world.reminders.runSweep(world.clock.now(), 'escalation');
    await world.flush();
  }
}

const titles = (address: string): string[] => world.sent.to(address).map((m) => m.text.split('\n')[0] ?? '');

describe('escalation of a case nobody takes', () => {
  it('urgent: nothing at 29 minutes, then channel and central contact at 30 and 60 minutes, until it is taken', async () => {
    const start = world.clock.now().getTime();
    const c = await world.submit('mira', { urgent: true });
    await world.flush();
    expect(titles(CHANNEL)).toEqual([`AKUT ärende ${c.number}`]);
    expect(titles(dm('cecilia'))).toEqual([]);

    world.clock.set(new Date(start + 29 * MINUTE));
    const early = await world.reminders.runSweep(world.clock.now(), 'escalation');
    await world.flush();
    expect(early.escalations).toEqual([]);
    expect(titles(CHANNEL)).toHaveLength(1);

    world.clock.set(new Date(start + 30 * MINUTE));
    const first = await world.reminders.runSweep(world.clock.now(), 'escalation');
    await world.flush();
    expect(first.escalations).toEqual([{ caseId: c.id, number: c.number, n: 1 }]);
    expect(titles(CHANNEL)).toEqual([`AKUT ärende ${c.number}`, `AKUT och fortfarande inte taget: ärende ${c.number}`]);
    expect(titles(dm('cecilia'))).toEqual([`AKUT, eskalerat till dig: ärende ${c.number}`]);
    expect(world.sent.lastTextOf(CHANNEL)).toContain('Ingen har tagit ärendet på 30 minuter (påminnelse 1).');
    expect(world.sent.lastTextOf(dm('cecilia'))).toContain(
      'Ingen i Norrby har tagit ärendet på 30 minuter (påminnelse 1).',
    );

    // The sweeps in between (every five minutes) add nothing.
    await sweepEvery5Minutes(35 * MINUTE, 55 * MINUTE, start);
    expect(world.sent.to(CHANNEL)).toHaveLength(2);
    expect(world.sent.to(dm('cecilia'))).toHaveLength(1);

    world.clock.set(new Date(start + 60 * MINUTE));
    const second = await world.reminders.runSweep(world.clock.now(), 'escalation');
    await world.flush();
    expect(second.escalations.map((e) => e.n)).toEqual([2]);
    expect(world.sent.lastTextOf(CHANNEL)).toContain('(påminnelse 2)');
    expect(world.sent.lastTextOf(dm('cecilia'))).toContain(
      'Ingen i Norrby har tagit ärendet på 60 minuter (påminnelse 2).',
    );

    // Cecilia takes it from her escalation: the ladder stops.
    const take = world.sent.actions(dm('cecilia'), 'case:take')[0];
    expect(take?.value).toBe(c.id);
    world.clock.set(new Date(start + 70 * MINUTE));
    await world.take(c.id, 'cecilia');
    await world.flush();
    const sentBefore = world.sent.sent.length;
    await sweepEvery5Minutes(75 * MINUTE, 4 * HOUR, start);
    expect(world.sent.sent.length).toBe(sentBefore);

    const stored = await world.stores.cases.get(c.id);
    expect(stored?.escalations).toBe(2);
    expect(stored?.lastEscalatedAt).toBe(new Date(start + 60 * MINUTE).toISOString());
    expect(stored?.timeline.map((e) => e.kind)).toEqual(['submitted', 'escalated', 'escalated', 'taken']);
  });

  it('re-announces in a new message (the alert itself turns into "taken" for everyone later)', async () => {
    const c = await world.submit('mira', { urgent: true });
    world.clock.advance(30 * MINUTE);
    const report = await world.reminders.runSweep(world.clock.now(), 'escalation');
    await world.flush();

    expect([...report.notificationIds].sort()).toEqual(
      [
        `${c.id}:escalation-1:${CHANNEL}`,
        `${c.id}:escalation-1:${dm('cecilia')}`,
        // The member hears that nobody has taken it yet and whom we alerted.
        `${c.id}:escalation-1:${dm('mira')}`,
      ].sort(),
    );
    const again = world.sent.to(CHANNEL)[1];
    expect(again?.message.updateKey).toBeUndefined();
    // Only the minimum in the channel (DOMAIN rule 11): the same fields as the alert, never the report.
    const card = again?.message.prompt.kind === 'card' ? again.message.prompt.card : undefined;
    expect(card?.fields?.map((f) => translate('sv', f.label))).toEqual(['Distrikt', 'Kategori', 'Brådska', 'Inkom']);
    expect(world.sent.actions(CHANNEL, 'case:take').map((a) => a.value)).toEqual([c.id, c.id]);
    for (const address of [CHANNEL, dm('cecilia')]) {
      expect(world.sent.textOf(address)).not.toContain('HEMLIG');
      expect(world.sent.textOf(address)).not.toContain('Mira');
    }
    // The central contact can look at it first.
    expect(world.sent.actions(dm('cecilia'), 'case:view').map((a) => a.value)).toEqual([c.id]);

    world.clock.advance(5 * MINUTE);
    await world.take(c.id, 'kim');
    await world.flush();
    // The original alert now says who took it; the earlier re-announcement stays as it was.
    expect(world.sent.current(CHANNEL, `alert:${c.id}`)?.text).toContain('Tas om hand av Kim Kontakt');
  });

  it('normal cases: nothing before four hours, then every four hours until taken', async () => {
    const start = world.clock.now().getTime();
    const c = await world.submit('mira');
    await world.flush();
    await sweepEvery5Minutes(5 * MINUTE, 4 * HOUR - 5 * MINUTE, start);
    expect(world.sent.to(CHANNEL)).toHaveLength(1);
    expect(world.sent.to(dm('cecilia'))).toHaveLength(0);

    await sweepEvery5Minutes(4 * HOUR, 8 * HOUR, start);
    expect(titles(CHANNEL)).toEqual([
      `Nytt ärende ${c.number}`,
      `Fortfarande inte taget: ärende ${c.number}`,
      `Fortfarande inte taget: ärende ${c.number}`,
    ]);
    expect(world.sent.to(dm('cecilia')).map((m) => m.text.split('\n')[1])).toEqual([
      'Ingen i Norrby har tagit ärendet på 4 timmar (påminnelse 1). Som central säkerhetsansvarig kan du ta det själv eller få någon i distriktet att ta det.',
      'Ingen i Norrby har tagit ärendet på 8 timmar (påminnelse 2). Som central säkerhetsansvarig kan du ta det själv eller få någon i distriktet att ta det.',
    ]);

    await world.take(c.id, 'alex');
    await world.flush();
    const before = world.sent.sent.length;
    await sweepEvery5Minutes(8 * HOUR + 5 * MINUTE, 13 * HOUR, start);
    expect(world.sent.sent.length).toBe(before);
  });

  it('a district without a channel: its contacts and the central contact get it by DM', async () => {
    const c = await world.submit('olle', { districtId: 'vastby', urgent: true });
    await world.flush();
    world.clock.advance(30 * MINUTE);
    await world.reminders.runSweep(world.clock.now(), 'escalation');
    await world.flush();
    expect(titles(dm('vera'))).toEqual([
      `AKUT ärende ${c.number}`,
      `AKUT och fortfarande inte taget: ärende ${c.number}`,
    ]);
    expect(titles(dm('cecilia'))).toEqual([`AKUT, eskalerat till dig: ärende ${c.number}`]);
  });

  it('a district without contacts: the central contact, who has the alert already, gets the escalation once', async () => {
    const c = await world.submit('olle', { districtId: 'sjodal', urgent: true });
    await world.flush();
    world.clock.advance(30 * MINUTE);
    await world.reminders.runSweep(world.clock.now(), 'escalation');
    await world.flush();
    expect(titles(dm('cecilia'))).toEqual([`AKUT ärende ${c.number}`, `AKUT, eskalerat till dig: ärende ${c.number}`]);
  });

  it('writes in the central contact’s language', async () => {
    await world.stores.profiles.put(
      { userId: 'console:cecilia', language: 'en', updatedAt: world.clock.now().toISOString(), revision: 0 },
      null,
    );
    const c = await world.submit('mira', { urgent: true });
    world.clock.advance(30 * MINUTE);
    await world.reminders.runSweep(world.clock.now(), 'escalation');
    await world.flush();
    expect(world.sent.lastTextOf(dm('cecilia'))).toContain(`URGENT, escalated to you: case ${c.number}`);
    expect(world.sent.lastTextOf(dm('cecilia'))).toContain(
      'Nobody in Norrby has taken this case for 30 minutes (reminder 1).',
    );
  });
});
