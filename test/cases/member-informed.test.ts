import { ACTION } from '../../src/engine/actions';
import { startTestApp, type TestApp } from '../support/app-harness';
import { fakeClock, HOUR, MINUTE } from '../reminders/reminder-world';

/**
 * DOMAIN rule 15, through the real bot: the member hears when the case is received, when nobody has taken it yet and
 * who has been alerted, who took it and that they will be in touch, who took it over, and that it was closed and why.
 */
const DESCRIPTION = 'Någon skrev att de vet var jag bor.';
const QUICK = ['nej', '1', 'hot', DESCRIPTION, 'e-post', 'igår', '1', 'skicka'];

let app: TestApp;
afterEach(async () => app.close());

async function report(account: string, answers: string[]): Promise<void> {
  await app.say(account, 'hej');
  for (const answer of answers) await app.say(account, answer);
}

/** What the member read after `since` messages. */
const readSince = (since: number): string =>
  app.notifier
    .to(app.dm('mira'))
    .slice(since)
    .map((m) => m.text)
    .join('\n');

describe('the member is never left without word', () => {
  it('hears of the escalation, the taking, the hand-over and the closing with its reason', async () => {
    const clock = fakeClock('2026-03-02T09:00:00.000Z');
    app = await startTestApp({ clock });
    await app.bind('norrby');
    await report('mira', QUICK);
    const [c] = await app.stores.cases.list({ reporterUserId: app.userId('mira') });
    if (!c) throw new Error('no case');
    expect(readSince(0)).toContain(`mottagen som ärende ${c.number} och har gått till säkerhetsansvariga i Norrby`);

    let seen = app.notifier.to(app.dm('mira')).length;
    clock.advance(4 * HOUR + MINUTE);
    await app.vaktpost.reminders.sweep(clock.now(), 'escalation');
    await app.flush();
    expect(readSince(seen)).toBe(
      `Ingen har tagit ditt ärende ${c.number} än. Vi har nu påmint säkerhetsansvariga i Norrby och larmat partiets centrala säkerhetsansvariga. Du får veta här så fort någon tar det. Är någon i fara: ring 112.`,
    );
    // Once: a second escalation goes to the contacts only.
    seen = app.notifier.to(app.dm('mira')).length;
    clock.advance(4 * HOUR);
    await app.vaktpost.reminders.sweep(clock.now(), 'escalation');
    await app.flush();
    expect(readSince(seen)).toBe('');

    await app.press('kim', ACTION.caseTake, c.id);
    expect(readSince(seen)).toContain(`Kim Kontakt har tagit ditt ärende ${c.number}`);
    expect(readSince(seen)).toContain('Kim Kontakt hör av sig till dig snart.');

    seen = app.notifier.to(app.dm('mira')).length;
    await app.press('kim', ACTION.caseHandover, c.id, app.userId('alex'));
    expect(readSince(seen)).toBe('');
    await app.press('alex', ACTION.caseAccept, c.id);
    expect(readSince(seen)).toBe(
      `Ditt ärende ${c.number} har lämnats över till Alex Andrakontakt, som hjälper dig från och med nu. Alex Andrakontakt hör av sig till dig snart.`,
    );

    seen = app.notifier.to(app.dm('mira')).length;
    await app.press('alex', ACTION.caseClose, c.id, 'Polisen har tagit över, och Mira vill inte ha mer stöd nu.');
    expect(readSince(seen)).toContain(`Ditt ärende ${c.number} är avslutat.`);
    expect(readSince(seen)).toContain('"Polisen har tagit över, och Mira vill inte ha mer stöd nu."');
  });

  it('hears of the escalation once even when the sweep ran late and the case is many windows overdue', async () => {
    const clock = fakeClock('2026-03-02T09:00:00.000Z');
    app = await startTestApp({ clock });
    await app.bind('norrby');
    await report('mira', ['ja', '1', 'hot', DESCRIPTION, 'sms', 'nu', '1', 'nej', 'hoppa över', 'skicka']);
    const [c] = await app.stores.cases.list({ reporterUserId: app.userId('mira') });
    const seen = app.notifier.to(app.dm('mira')).length;
    // Urgent cases escalate every 30 minutes; the first sweep to see it runs 4 hours late.
    clock.advance(4 * HOUR + MINUTE);
    await app.vaktpost.reminders.sweep(clock.now(), 'escalation');
    await app.flush();
    expect(readSince(seen)).toContain(`Ingen har tagit ditt ärende ${c?.number} än.`);
    const after = app.notifier.to(app.dm('mira')).length;
    clock.advance(30 * MINUTE + MINUTE);
    await app.vaktpost.reminders.sweep(clock.now(), 'escalation');
    await app.flush();
    expect(readSince(after)).toBe('');
  });

  it('is told that the central contact has the case when the district has no contacts', async () => {
    app = await startTestApp();
    await report('utan', ['nej', 'sjödal', '1', 'hot', DESCRIPTION, 'sms', 'igår', '1', 'skicka']);
    const text = app.notifier.textOf(app.dm('utan'));
    expect(text).toMatch(/mottagen som ärende VP-\d{4}-\d{4} och har gått till partiets centrala säkerhetsansvariga\./);
    expect(text).not.toContain('säkerhetsansvariga i Sjödal');
  });
});
