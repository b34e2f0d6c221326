import type { ChecklistItemId } from '../../src/domain/case';
import { t } from '../../src/i18n/translate';
import { CHANNEL, createWorld, DAY, dm, HOUR, MONDAY_8, type World } from './reminder-world';

const item = (id: ChecklistItemId): string => t('sv', `case.item.${id}`);
const morning = (day: number): Date => new Date(Date.parse(MONDAY_8) + day * DAY);

let world: World;
beforeEach(async () => {
  world = await createWorld(MONDAY_8);
});
afterEach(() => world.close());

/** The digests of one sweep: the messages sent while it was delivered. */
async function digestAt(when: Date): Promise<Map<string, string[]>> {
  world.clock.set(when);
  await world.flush();
  const before = world.sent.sent.length;
  await world.reminders.runSweep(when, 'digest');
  await world.flush();
  const byAddress = new Map<string, string[]>();
  for (const m of world.sent.sent.slice(before))
    byAddress.set(m.address, [...(byAddress.get(m.address) ?? []), m.text]);
  return byAddress;
}

describe('the daily digest', () => {
  it('gives each owner one message: their open cases, overdue items first, then items due soon', async () => {
    // Monday 2 March: case 1 comes in, Kim takes it and ticks the first items.
    world.clock.set(morning(0).getTime() + 2 * HOUR);
    const first = await world.submit('mira');
    await world.take(first.id, 'kim');
    await world.tick(first.id, 'kim', ['not_alone', 'company_home', 'police_report']);
    // Thursday 12 March: case 2 comes in, Kim takes it too; Alex takes case 3.
    world.clock.set(morning(10).getTime() + HOUR);
    const second = await world.submit('olle', { urgent: true });
    await world.take(second.id, 'kim');
    const third = await world.submit('mira');
    await world.take(third.id, 'alex');
    await world.tick(third.id, 'alex', ['not_alone', 'company_home', 'police_report']);

    // Saturday 14 March, 08:00.
    const digests = await digestAt(morning(12));

    expect(digests.get(dm('kim'))).toEqual([
      [
        'Daglig påminnelse 14 mars 2026',
        '# Dina öppna ärenden (2)',
        'Försenade punkter: 2 · Snart: 3',
        `AKUT ${second.number} · inkom 12 mars 2026`,
        `⚠ Försenad: ${item('not_alone')} – skulle ha varit klar 13 mars 2026`,
        `⚠ Försenad: ${item('company_home')} – skulle ha varit klar 13 mars 2026`,
        '[Visa]',
        `${first.number} · inkom 2 mars 2026`,
        `Snart: ${item('initial_followup')} – senast 16 mars 2026`,
        `Snart: ${item('further_conversations')} – senast 16 mars 2026`,
        `Snart: ${item('professional_support')} – senast 16 mars 2026`,
        '[Visa]',
      ].join('\n'),
    ]);
    expect(world.sent.actions(dm('kim'), 'case:view').map((a) => a.value)).toEqual(
      expect.arrayContaining([first.id, second.id]),
    );
    expect(digests.get(dm('alex'))).toEqual([
      [
        'Daglig påminnelse 14 mars 2026',
        '# Dina öppna ärenden (1)',
        'Försenade punkter: 0 · Snart: 0',
        `${third.number} · inkom 12 mars 2026`,
        t('sv', 'reminder.digest.nothing_due'),
        '[Visa]',
      ].join('\n'),
    ]);
    // Nobody else heard anything: no untaken cases, and members get no digest.
    expect([...digests.keys()].sort()).toEqual([dm('alex'), dm('kim')]);
    for (const texts of digests.values()) expect(texts.join('\n')).not.toContain('HEMLIG');
  });

  it('gives each district channel one message listing every case nobody has taken', async () => {
    world.clock.set(morning(0).getTime() - 3 * HOUR);
    const older = await world.submit('mira');
    world.clock.set(morning(0).getTime() - HOUR);
    const urgent = await world.submit('olle', { urgent: true });
    const taken = await world.submit('mira');
    await world.take(taken.id, 'kim');

    const digests = await digestAt(morning(0));

    expect(digests.get(CHANNEL)).toEqual([
      [
        'Daglig påminnelse 2 mars 2026',
        '# Ingen har tagit dessa ärenden i Norrby (2)',
        t('sv', 'reminder.digest.untaken_hint'),
        `AKUT ${urgent.number} · Hot · inkom 2 mars 2026`,
        '[Ta ärendet] [Visa]',
        `${older.number} · Hot · inkom 2 mars 2026`,
        '[Ta ärendet] [Visa]',
      ].join('\n'),
    ]);
    expect(
      world.sent
        .actions(CHANNEL, 'case:take')
        .slice(0, 2)
        .map((a) => a.value),
    ).toEqual([urgent.id, older.id]);
    // Only what an alert may carry: no names, no report text.
    expect(digests.get(CHANNEL)?.join()).not.toMatch(/HEMLIG|Mira|Olle|Hemliga gatan/);
  });

  it('sends a contact one message holding both their own cases and their channel-less district’s untaken cases', async () => {
    world.clock.set(morning(0).getTime() - 2 * HOUR);
    const own = await world.submit('olle', { districtId: 'vastby' });
    await world.take(own.id, 'vera');
    const waiting = await world.submit('olle', { districtId: 'vastby' });
    const nobodys = await world.submit('olle', { districtId: 'sjodal' });

    const digests = await digestAt(morning(0));

    const vera = digests.get(dm('vera')) ?? [];
    expect(vera).toHaveLength(1);
    expect(vera[0]).toContain('# Dina öppna ärenden (1)');
    expect(vera[0]).toContain(`${own.number} · inkom`);
    expect(vera[0]).toContain('# Ingen har tagit dessa ärenden i Västby (1)');
    expect(vera[0]).toContain(`${waiting.number} · Hot · inkom`);
    // The district without contacts: its untaken cases go to the central contact.
    expect(digests.get(dm('cecilia'))?.[0]).toContain('# Ingen har tagit dessa ärenden i Sjödal (1)');
    expect(digests.get(dm('cecilia'))?.[0]).toContain(nobodys.number);
  });

  it('lists at most eight cases per group and says how many more there are, never cutting silently', async () => {
    world.clock.set(morning(0).getTime() - 2 * HOUR);
    for (let i = 0; i < 11; i += 1) await world.submit('mira');

    const text = (await digestAt(morning(0))).get(CHANNEL)?.[0] ?? '';

    expect(text).toContain('# Ingen har tagit dessa ärenden i Norrby (11)');
    expect(text.match(/\[Ta ärendet\]/g)).toHaveLength(8);
    expect(text.split('\n').slice(-2)).toEqual(['… och 3 till.', '[Visa alla ärenden]']);
    expect(world.sent.actions(CHANNEL, 'bot:cases')).toHaveLength(1);
  });

  it('is sent once a day per recipient however often the sweep runs, and again the next day', async () => {
    world.clock.set(morning(0).getTime() - HOUR);
    const c = await world.submit('mira');
    await world.take(c.id, 'kim');

    world.clock.set(morning(0));
    const first = await world.reminders.runSweep(morning(0), 'digest');
    await world.flush();
    world.clock.advance(2 * HOUR);
    const again = await world.reminders.runSweep(world.clock.now(), 'digest');
    await world.flush();
    expect([first.digests, first.digestsAlreadyQueued]).toEqual([1, 0]);
    expect([again.digests, again.digestsAlreadyQueued]).toEqual([0, 1]);
    expect(first.notificationIds).toEqual([`digest:2026-03-02:${dm('kim')}`]);
    expect(world.sent.to(dm('kim')).filter((m) => m.text.startsWith('Daglig påminnelse'))).toHaveLength(1);

    const next = await digestAt(morning(1));
    expect(next.get(dm('kim'))?.[0]).toContain('Daglig påminnelse 3 mars 2026');
  });

  it('stops when the owner closes the case', async () => {
    world.clock.set(morning(0).getTime() - HOUR);
    const c = await world.submit('mira');
    await world.take(c.id, 'kim');
    await world.cases.close(c.id, world.actor('kim'), 'Personen vill inte ha mer hjälp.', world.clock.now());
    expect((await digestAt(morning(0))).size).toBe(0);
  });
});

describe('the 14-day initial follow-up conversation in the daily digest', () => {
  it('is due soon from 12 days after, overdue from 15 days after, and gone once ticked', async () => {
    // Monday 2 March, 10:15: the case comes in and Kim takes it; the other items are dealt with at once.
    world.clock.set(morning(0).getTime() + 2 * HOUR + 15 * 60_000);
    const c = await world.submit('mira');
    await world.take(c.id, 'kim');
    await world.tick(
      c.id,
      'kim',
      c.checklist.map((i) => i.id).filter((id) => id !== 'initial_followup'),
    );

    const lineOfDay: string[] = [];
    for (let day = 1; day <= 16; day += 1) {
      const text = (await digestAt(morning(day))).get(dm('kim'))?.[0] ?? '(no digest)';
      lineOfDay.push(`day ${day}: ${text.split('\n')[4]}`);
    }
    const soon = `Snart: ${item('initial_followup')} – senast 16 mars 2026`;
    const late = `⚠ Försenad: ${item('initial_followup')} – skulle ha varit klar 16 mars 2026`;
    const nothing = t('sv', 'reminder.digest.nothing_due');
    expect(lineOfDay).toEqual([
      ...Array.from({ length: 11 }, (_, i) => `day ${i + 1}: ${nothing}`),
      `day 12: ${soon}`,
      `day 13: ${soon}`,
      `day 14: ${soon}`,
      `day 15: ${late}`,
      `day 16: ${late}`,
    ]);

    await world.tick(c.id, 'kim', ['initial_followup']);
    expect((await digestAt(morning(17))).get(dm('kim'))?.[0]).toContain(nothing);
  });
});
