import { startTestApp, type TestApp } from '../support/app-harness';

/**
 * DOMAIN rule 14 through the real bot: after "ja" to "is anyone in danger now", the district hears of it as soon as
 * the district is known, at most two answers later, and the member has the case number at once; the rest of the
 * dialog fills in the same case.
 */
const CHANNEL = 'console:channel:norrby';
const DESCRIPTION = 'Han står utanför mitt hus och skriker att han ska döda mig.';

let app: TestApp;
afterEach(async () => app.close());

describe('urgent first, details after', () => {
  beforeEach(async () => {
    app = await startTestApp();
    await app.bind('norrby');
  });

  it('alerts the channel one answer after "ja" and fills the same case with the rest', async () => {
    await app.say('mira', 'hej');
    await app.say('mira', 'ja');
    expect(app.notifier.to(CHANNEL)).toHaveLength(0);
    await app.say('mira', '1'); // myself: the district is known from the directory
    const [c] = await app.stores.cases.list({ reporterUserId: app.userId('mira') });
    if (!c) throw new Error('no case after the second answer');
    expect(c).toMatchObject({ urgent: true, preliminary: true, districtId: 'norrby' });
    const alert = app.notifier.current(CHANNEL, `alert:${c.id}`);
    expect(alert?.text).toContain(`AKUT ärende ${c.number}`);
    expect(alert?.text).toContain('Kategori: Inte berättat än');
    const member = app.notifier.textOf(app.dm('mira'));
    expect(member).toContain(`Jag har redan larmat säkerhetsansvariga i Norrby. Ditt ärende har nummer ${c.number}.`);

    for (const answer of ['hot', DESCRIPTION, 'sms', 'nu', '1', 'nej', 'hoppa över', 'skicka'])
      await app.say('mira', answer);
    const cases = await app.stores.cases.list({ reporterUserId: app.userId('mira') });
    expect(cases.map((x) => x.number)).toEqual([c.number]);
    expect(cases[0]?.preliminary).toBeUndefined();
    expect(cases[0]?.report.description).toBe(DESCRIPTION);
    expect(cases[0]?.timeline.map((e) => e.kind)).toEqual(['submitted', 'completed']);
    // The alert now names what happened, still without the member's words.
    expect(app.notifier.current(CHANNEL, `alert:${c.id}`)?.text).toContain('Kategori: Hot');
    expect(app.notifier.textOf(CHANNEL)).not.toContain(DESCRIPTION);
    expect(app.notifier.textOf(app.dm('mira'))).toContain(`Allt du har berättat finns nu i ärende ${c.number}.`);
  });

  it('shows the owner the case grow: taken while preliminary, the owner gets the full report when it comes', async () => {
    await app.say('mira', 'hej');
    await app.say('mira', 'ja');
    await app.say('mira', '1');
    const [c] = await app.stores.cases.list({ reporterUserId: app.userId('mira') });
    if (!c) throw new Error('no case');
    await app.press('kim', 'case:take', c.id);
    for (const answer of ['hot', DESCRIPTION, 'sms', 'nu', '1', 'nej', 'hoppa över', 'skicka'])
      await app.say('mira', answer);
    const owner = app.notifier.textOf(app.dm('kim'));
    expect(owner).toContain(DESCRIPTION);
  });

  it('alerts the central contact two answers after "ja" when the district is asked and has no contacts', async () => {
    await app.say('utan', 'hej');
    await app.say('utan', 'ja');
    await app.say('utan', 'sjödal');
    expect(await app.stores.cases.list({ reporterUserId: app.userId('utan') })).toEqual([]);
    await app.say('utan', '1');
    const [c] = await app.stores.cases.list({ reporterUserId: app.userId('utan') });
    expect(c?.districtId).toBe('sjodal');
    expect(app.notifier.textOf(app.dm('cecilia'))).toContain(`AKUT ärende ${c?.number}`);
    expect(app.notifier.textOf(app.dm('utan'))).toContain('Jag har redan larmat partiets centrala säkerhetsansvariga.');
  });

  it('keeps the alerted case when the member cancels, and says so', async () => {
    await app.say('mira', 'hej');
    await app.say('mira', 'ja');
    await app.say('mira', '1');
    await app.say('mira', 'avbryt');
    await app.say('mira', 'ja');
    const [c] = await app.stores.cases.list({ reporterUserId: app.userId('mira') });
    expect(app.notifier.lastTextOf(app.dm('mira'))).toContain(`ärende ${c?.number} finns kvar`);
  });
});

describe('send now, tell more later', () => {
  beforeEach(async () => {
    app = await startTestApp();
    await app.bind('norrby');
  });

  it('sends the case to the channel one answer after the choice, not flagged urgent, and fills it with the rest', async () => {
    await app.say('mira', 'hej');
    await app.say('mira', 'skicka nu');
    expect(app.notifier.to(CHANNEL)).toHaveLength(0);
    await app.say('mira', '1'); // myself
    const [c] = await app.stores.cases.list({ reporterUserId: app.userId('mira') });
    if (!c) throw new Error('no case after the second answer');
    expect(c).toMatchObject({ urgent: false, preliminary: true, districtId: 'norrby' });
    const alert = app.notifier.current(CHANNEL, `alert:${c.id}`);
    expect(alert?.text).toContain(`Nytt ärende ${c.number}`);
    expect(alert?.text).not.toContain('AKUT');
    const member = app.notifier.textOf(app.dm('mira'));
    expect(member).toContain(
      `Jag har skickat det till säkerhetsansvariga i Norrby. Ditt ärende har nummer ${c.number}.`,
    );
    // Nobody said anyone is in danger: no "call 112 now" pressed on the member.
    expect(member).not.toContain('Ring 112 nu');

    for (const answer of ['hot', DESCRIPTION, 'sms', 'igår', '1', 'ja', 'hoppa över', 'skicka'])
      await app.say('mira', answer);
    const cases = await app.stores.cases.list({ reporterUserId: app.userId('mira') });
    expect(cases.map((x) => x.number)).toEqual([c.number]);
    // The fast path asked about sharing with the municipality once, and the yes is kept.
    expect(cases[0]).toMatchObject({
      urgent: false,
      report: { description: DESCRIPTION, urgent: false, consentMunicipality: true },
    });
    expect(cases[0]?.timeline.map((e) => e.kind)).toEqual(['submitted', 'completed']);
    expect(app.notifier.current(CHANNEL, `alert:${c.id}`)?.text).toContain('Kategori: Hot');
  });
});
