import { erase } from '../../scripts/erase';
import { ACTION } from '../../src/engine/actions';
import type { Clock } from '../../src/ports/clock';
import type { Stores } from '../../src/ports/stores';
import { statisticsRecordOf } from '../../src/statistics/statistics-record';
import { createStores } from '../../src/store/create-stores';
import { startTestApp, TEST_DIRECTORY_FILE, type TestApp } from '../support/app-harness';

const WORDS = 'GRANSKOG9911';
const MONTH = 30 * 24 * 60 * 60_000;

/** A clock the test moves. */
function movableClock(start: string): Clock & { set(at: string | number): void } {
  let now = Date.parse(start);
  return { now: () => new Date(now), set: (at) => (now = typeof at === 'number' ? at : Date.parse(at)) };
}

async function reportAs(
  app: TestApp,
  account: string,
  what: string,
  clock?: Clock & { set(at: number): void },
): Promise<string> {
  // A report's case id comes from its session, which a new minute tells apart.
  clock?.set(clock.now().getTime() + 60_000);
  await app.press(account, ACTION.startReport, '');
  for (const text of ['nej', '1', 'hot', `${WORDS} ${what}`, 'sms', 'igår', '1', 'skicka']) {
    await app.say(account, text);
  }
  const [c] = await app.stores.cases.list({ reporterUserId: app.userId(account) });
  return c?.id ?? '';
}

describe('retention, erasure and the access log', () => {
  let stores: Stores;
  let app: TestApp;
  const clock = movableClock('2024-01-10T09:00:00.000Z');
  beforeEach(async () => {
    clock.set('2024-01-10T09:00:00.000Z');
    // The encrypted stack main.ts opens (in memory, with a key of its own).
    stores = await createStores({});
    app = await startTestApp({ stores, clock });
    await app.bind('norrby');
  });
  afterEach(async () => {
    await app.close();
    await stores.close();
  });

  it('anonymises a case closed 25 months ago and keeps it in the statistics; younger and open cases stay', async () => {
    const old = await reportAs(app, 'mira', 'gammalt');
    await app.press('kim', ACTION.caseTake, old);
    await app.press('kim', ACTION.caseClose, old, `${WORDS} klart`);
    const before = await app.stores.cases.get(old);
    clock.set('2024-03-10T09:00:00.000Z');
    const young = await reportAs(app, 'alex', 'yngre');
    await app.press('kim', ACTION.caseTake, young);
    await app.press('kim', ACTION.caseClose, young, 'klart');
    const open = await reportAs(app, 'mira', 'öppet');

    const at = new Date(Date.parse('2024-01-10T09:00:00.000Z') + 25 * MONTH);
    const outcome = await app.vaktpost.privacy.retention.sweep(at);
    expect(outcome.anonymised).toEqual([before?.number]);

    const after = await app.stores.cases.get(old);
    expect(after).toMatchObject({ id: old, number: before?.number, districtId: 'norrby', status: 'closed' });
    expect(after?.anonymisedAt).toBe(at.toISOString());
    expect(after?.report.description).toBe('');
    expect(after?.reporter).toMatchObject({ userId: 'anonymised', displayName: '' });
    expect(after?.closeReason).toBeNull();
    expect(JSON.stringify(after)).not.toContain(WORDS);
    expect(JSON.stringify(after)).not.toMatch(/Mira|Kim/);
    // Still counted: every statistics field is what it was.
    expect(statisticsRecordOf(after!)).toEqual(statisticsRecordOf(before!));
    expect((await app.stores.cases.get(young))?.report.description).toBe(`${WORDS} yngre`);
    expect((await app.stores.cases.get(open))?.report.description).toBe(`${WORDS} öppet`);
    // The member's list no longer finds it as theirs.
    expect((await app.stores.cases.list({ reporterUserId: app.userId('mira') })).map((c) => c.id)).toEqual([open]);
    const audit = await app.vaktpost.privacy.audit.list();
    expect(audit).toEqual([expect.objectContaining({ action: 'retention', cases: [before?.number], by: 'retention' })]);
    // A second sweep has nothing left to do.
    expect((await app.vaktpost.privacy.retention.sweep(at)).anonymised).toEqual([]);
  });

  it('erases a person on request, whatever the status of their cases, and leaves an audit entry without content', async () => {
    const first = await reportAs(app, 'mira', 'första', clock);
    const second = await reportAs(app, 'mira', 'andra', clock);
    const other = await reportAs(app, 'alex', 'annans', clock);
    await app.say('mira', 'hej');
    await app.say('mira', 'nej');
    expect(await app.stores.sessions.ofUser(app.userId('mira'))).toHaveLength(1);

    const entry = await app.vaktpost.privacy.retention.erasePerson(app.userId('mira'), 'console:cecilia', clock.now());
    expect(entry.cases).toHaveLength(2);
    for (const id of [first, second]) {
      const c = await app.stores.cases.get(id);
      expect(c?.anonymisedAt).toBeTruthy();
      expect(JSON.stringify(c)).not.toContain(WORDS);
    }
    expect((await app.stores.cases.get(other))?.report.description).toBe(`${WORDS} annans`);
    expect(await app.stores.sessions.ofUser(app.userId('mira'))).toEqual([]);
    const audit = await app.vaktpost.privacy.audit.list();
    expect(audit).toEqual([
      expect.objectContaining({ action: 'erasure', person: 'console:mira', by: 'console:cecilia', sessions: 1 }),
    ]);
    expect(JSON.stringify(audit)).not.toContain(WORDS);
  });

  it('records every view of a case: who, when, which parts', async () => {
    const id = await reportAs(app, 'mira', 'läst');
    clock.set('2024-01-10T10:00:00.000Z');
    await app.press('kim', ACTION.caseTake, id);
    clock.set('2024-01-10T11:00:00.000Z');
    await app.press('cecilia', ACTION.caseView, id);
    await app.press('mira', ACTION.caseView, id);
    await app.press('vera', ACTION.caseView, id);
    const views = await app.vaktpost.privacy.access.forCase(id);
    const seen = views.map((v) => `${v.userId} ${v.role} ${v.fields.join('+')}`);
    expect(seen).toEqual(
      expect.arrayContaining([
        'console:kim owner incident+names+timeline+checklist',
        'console:cecilia central incident+names+timeline+checklist',
        'console:mira reporter status+owner',
      ]),
    );
    // Vera may not see the case: nothing was shown, nothing recorded.
    expect(seen.some((s) => s.startsWith('console:vera'))).toBe(false);
    expect(views.find((v) => v.userId === 'console:cecilia')?.at).toBe('2024-01-10T11:00:00.000Z');
  });
});

describe('npm run erase', () => {
  it('erases through the command line and says what it did in numbers only', async () => {
    const stores = await createStores({});
    const app = await startTestApp({ stores });
    try {
      await app.bind('norrby');
      const id = await reportAs(app, 'mira', 'kommandorad');
      const printed: string[] = [];
      await erase(
        ['--person', 'console:mira'],
        { env: { DIRECTORY_FILE: TEST_DIRECTORY_FILE, LOG_LEVEL: 'silent' }, stores },
        (l) => printed.push(l),
      );
      expect(printed.join('\n')).toMatch(/^Erased console:mira: 1 cases anonymised \(VP-\d{4}-\d{4}\)/);
      expect(printed.join('\n')).not.toContain(WORDS);
      expect((await stores.cases.get(id))?.anonymisedAt).toBeTruthy();
      await expect(erase([], { stores })).rejects.toThrow(/usage: npm run erase/);
    } finally {
      await app.close();
      await stores.close();
    }
  });
});

describe('the central contact’s privacy commands in the bot', () => {
  let stores: Stores;
  let app: TestApp;
  beforeEach(async () => {
    stores = await createStores({});
    app = await startTestApp({ stores });
    await app.bind('norrby');
  });
  afterEach(async () => {
    await app.close();
    await stores.close();
  });

  it('lists who read a case, and erases a person on request; nobody else may', async () => {
    const id = await reportAs(app, 'mira', 'kommando');
    await app.press('kim', ACTION.caseTake, id);
    const c = await app.stores.cases.get(id);

    await app.say('cecilia', `läsare ${c?.number ?? ''}`);
    const list = app.notifier.lastTextOf(app.dm('cecilia'));
    expect(list).toContain(`Vem har läst ${c?.number}`);
    expect(list).toMatch(/Kim Kontakt \(ansvarig\) · hela ärendet/);

    await app.say('kim', `radera ${app.userId('mira')}`);
    expect(app.notifier.lastTextOf(app.dm('kim'))).toContain('Det kan bara den centrala säkerhetsansvariga göra');
    expect((await app.stores.cases.get(id))?.anonymisedAt).toBeFalsy();

    await app.say('cecilia', `radera ${app.userId('mira')}`);
    expect(app.notifier.lastTextOf(app.dm('cecilia'))).toMatch(
      new RegExp(`Uppgifterna om console:mira är raderade: 1 ärenden anonymiserade \\(${c?.number}\\)`),
    );
    expect((await app.stores.cases.get(id))?.anonymisedAt).toBeTruthy();
    expect(await app.vaktpost.privacy.audit.list()).toEqual([
      expect.objectContaining({ action: 'erasure', by: 'console:cecilia', person: 'console:mira' }),
    ]);
  });
});
