import { ACTION } from '../../src/engine/actions';
import { startTestApp, type TestApp } from '../support/app-harness';
import { DAY, fakeClock, HOUR } from './reminder-world';

/**
 * Aftercare: with the member's yes, "Hur mår du? Behöver du stöd?" a day and a week after the report, sent by the
 * same sweep `npm run remind -- --at` runs; the owner sees the answers.
 */
const QUICK = ['nej', '1', 'hot', 'Någon skrev att de vet var jag bor.', 'e-post', 'igår', '1', 'skicka'];

let app: TestApp;
afterEach(async () => app.close());

const checkIns = (): string[] =>
  app.notifier
    .to(app.dm('mira'))
    .map((m) => m.text)
    .filter((t) => t.startsWith('Hur mår du?'));

it('checks in after one day and one week, once each, and the owner sees the answer', async () => {
  const clock = fakeClock('2026-03-02T09:00:00.000Z');
  app = await startTestApp({ clock });
  await app.bind('norrby');
  await app.say('mira', 'hej');
  for (const answer of QUICK) await app.say('mira', answer);
  const [c] = await app.stores.cases.list({ reporterUserId: app.userId('mira') });
  if (!c) throw new Error('no case');
  await app.press('kim', ACTION.caseTake, c.id);
  const offer = app.notifier.actions(app.dm('mira'), 'member:checkins')[0];
  expect(offer?.label).toBe('Ja, gärna');
  await app.press('mira', 'member:checkins', offer?.value ?? '');

  const sweep = async (): Promise<void> => {
    await app.vaktpost.reminders.sweep(clock.now(), 'both');
    await app.flush();
  };
  clock.advance(23 * HOUR);
  await sweep();
  expect(checkIns()).toEqual([]);
  clock.advance(2 * HOUR);
  await sweep();
  await sweep();
  expect(checkIns()).toHaveLength(1);
  expect(checkIns()[0]).toContain('Det har gått en dag');
  expect(checkIns()[0]).toContain('Behöver du stöd?');

  const support = app.notifier.actions(app.dm('mira'), 'member:checkin').find((a) => a.label === 'Jag behöver stöd');
  await app.press('mira', 'member:checkin', support?.value ?? '', 'Jag sover dåligt och vill prata med någon.');
  expect(app.notifier.textOf(app.dm('kim'))).toContain(
    `Mira Medlem svarade på uppföljningen av ${c.number}: behöver stöd. Jag sover dåligt och vill prata med någon.`,
  );
  const stored = await app.stores.cases.get(c.id);
  expect(stored?.timeline.at(-1)).toMatchObject({ kind: 'check_in' });

  clock.advance(6 * DAY);
  await sweep();
  expect(checkIns()).toHaveLength(2);
  expect(checkIns()[1]).toContain('Det har gått en vecka');
  clock.advance(7 * DAY);
  await sweep();
  expect(checkIns()).toHaveLength(2);
});

it('sends nothing without the member’s yes', async () => {
  const clock = fakeClock('2026-03-02T09:00:00.000Z');
  app = await startTestApp({ clock });
  await app.say('mira', 'hej');
  for (const answer of QUICK) await app.say('mira', answer);
  clock.advance(8 * DAY);
  await app.vaktpost.reminders.sweep(clock.now(), 'both');
  await app.flush();
  expect(checkIns()).toEqual([]);
});
