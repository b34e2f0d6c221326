import { ACTION } from '../../src/engine/actions';
import { incidentReport } from '../../src/export/incident-report';
import { startTestApp, type TestApp } from '../support/app-harness';

/**
 * A way to reach the member (issue 12): phone, e-mail or "only here in the chat", checked where it is typed; only the
 * owner sees it (not the channel, not the other contacts, not the central contact); the member can change it later.
 */
const CHANNEL = 'console:channel:norrby';
const PHONE = '070-123 45 67';
const EMAIL = 'mira.medlem@example.org';
const SENT_FIRST = [
  'skicka nu',
  '1',
  'hot',
  'Någon ringer mitt i natten och andas.',
  'telefonsamtal',
  'igår',
  '1',
  'nej',
];

let app: TestApp;
beforeEach(async () => {
  app = await startTestApp();
  await app.bind('norrby');
});
afterEach(async () => app.close());

async function theCase() {
  const [c, ...more] = await app.stores.cases.list({ reporterUserId: app.userId('mira') });
  if (!c || more.length > 0) throw new Error('expected one case');
  return c;
}

/** Mira sends first, answers the essentials and leaves her phone number. */
async function reportWithPhone(): Promise<void> {
  await app.say('mira', 'hej');
  for (const answer of SENT_FIRST) await app.say('mira', answer);
  await app.say('mira', '1'); // call or text me
  await app.say('mira', PHONE);
  await app.say('mira', 'skicka');
}

describe('a way to reach the member', () => {
  it('shows the phone number to the owner only: not in the channel, not to the other contacts or the central', async () => {
    await reportWithPhone();
    const c = await theCase();
    expect(c.report.reachAt).toEqual({ via: 'phone', value: PHONE });
    expect(app.notifier.textOf(CHANNEL)).not.toContain(PHONE);

    await app.press('alex', ACTION.caseView, c.id);
    expect(app.notifier.lastTextOf(app.dm('alex'))).toContain('Någon ringer mitt i natten');
    expect(app.notifier.textOf(app.dm('alex'))).not.toContain(PHONE);
    await app.press('cecilia', ACTION.caseView, c.id);
    expect(app.notifier.textOf(app.dm('cecilia'))).not.toContain(PHONE);

    await app.press('kim', ACTION.caseTake, c.id);
    expect(app.notifier.textOf(app.dm('kim'))).toContain(`Nå medlemmen: Telefon ${PHONE}`);
    expect(app.notifier.textOf(CHANNEL)).not.toContain(PHONE);
    expect(app.notifier.textOf(app.dm('alex'))).not.toContain(PHONE);
  });

  it('reaches the municipality only once the exposed person said yes and the owner shared the case', async () => {
    await reportWithPhone();
    const c = await theCase();
    await app.press('kim', ACTION.caseTake, c.id);
    await app.press('kim', ACTION.caseShare, c.id);
    expect(app.notifier.lastTextOf(app.dm('kim'))).toContain('har inte sagt ja');
    expect(app.notifier.textOf(app.dm('sam'))).not.toContain(PHONE);

    await app.say('mira', 'hur går det');
    const consent = app.notifier.actions(app.dm('mira'), 'member:consent').at(-1);
    await app.press('mira', 'member:consent', consent?.value ?? '');
    await app.press('kim', ACTION.caseShare, c.id);
    expect(app.notifier.textOf(app.dm('sam'))).toContain(`Nå medlemmen: Telefon ${PHONE}`);
  });

  it('puts it in the incident report the owner exports', async () => {
    await reportWithPhone();
    await app.press('kim', ACTION.caseTake, (await theCase()).id);
    const c = await theCase();
    const paper = incidentReport(
      c,
      { districtName: 'Norrby', sharedWith: null, madeFor: 'Kim', now: new Date() },
      'sv',
    );
    expect(paper.answers[0]?.answer).toContain(`Nå medlemmen: Telefon ${PHONE}`);
  });

  it('can be changed later from the case card; a bad address is refused and nothing stored is lost', async () => {
    await reportWithPhone();
    const c = await theCase();
    await app.press('kim', ACTION.caseTake, c.id);
    await app.say('mira', 'hur går det');
    const change = app.notifier.actions(app.dm('mira'), 'member:reach').at(-1);
    expect(change?.label).toBe('Ändra hur vi når dig');
    await app.press('mira', 'member:reach', change?.value ?? '');
    expect(app.notifier.lastTextOf(app.dm('mira'))).toContain(`Hur når vi dig i ${c.number}?`);
    expect(app.notifier.lastTextOf(app.dm('mira'))).toContain(`Nu: Telefon ${PHONE}.`);
    const email = app.notifier.actions(app.dm('mira'), 'member:reach_set').find((a) => a.label === 'Mejla mig');

    await app.press('mira', 'member:reach_set', email?.value ?? '', 'mira på example');
    expect(app.notifier.lastTextOf(app.dm('mira'))).toContain('Det ser inte ut som en e-postadress.');
    expect((await theCase()).report.reachAt).toEqual({ via: 'phone', value: PHONE });

    await app.press('mira', 'member:reach_set', email?.value ?? '', EMAIL);
    expect(app.notifier.lastTextOf(app.dm('mira'))).toContain(`Nu vet den som tar hand om ärende ${c.number}`);
    const stored = await theCase();
    expect(stored.report.reachAt).toEqual({ via: 'email', value: EMAIL });
    // The timeline, which every contact of the district reads, says that it changed, never to what.
    expect(JSON.stringify(stored.timeline)).not.toContain(EMAIL);
    expect(app.notifier.textOf(app.dm('kim'))).toContain(`Mira Medlem har ändrat hur du når hen i ärende ${c.number}.`);
    expect(app.notifier.lastTextOf(app.dm('kim'))).toContain(`Nå medlemmen: E-post ${EMAIL}`);

    const chat = app.notifier.actions(app.dm('mira'), 'member:reach_set').find((a) => a.label === 'Bara här i chatten');
    await app.press('mira', 'member:reach_set', chat?.value ?? '');
    expect((await theCase()).report.reachAt).toEqual({ via: 'chat' });
  });

  it('lets a member on the quick path leave one after sending', async () => {
    await app.say('mira', 'hej');
    for (const answer of ['nej', '1', 'hot', 'Hotfullt brev.', 'brev', 'igår', '1', 'skicka']) {
      await app.say('mira', answer);
    }
    const c = await theCase();
    expect(c.report.reachAt).toBeUndefined();
    await app.press('mira', 'member:reach', c.id);
    const phone = app.notifier
      .actions(app.dm('mira'), 'member:reach_set')
      .find((a) => a.label === 'Ring eller sms:a mig');
    await app.press('mira', 'member:reach_set', phone?.value ?? '', 'inte ett nummer');
    expect(app.notifier.lastTextOf(app.dm('mira'))).toContain('Det ser inte ut som ett telefonnummer.');
    await app.press('mira', 'member:reach_set', phone?.value ?? '', PHONE);
    expect((await theCase()).report.reachAt).toEqual({ via: 'phone', value: PHONE });
  });
});
