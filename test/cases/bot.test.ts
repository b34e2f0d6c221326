import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ACTION } from '../../src/engine/actions';
import { createEmbeddedStores } from '../../src/store/embedded/create-embedded-stores';
import { startTestApp, type TestApp } from '../support/app-harness';

/**
 * The whole flow through the real bot: the real engine and report dialog, the case service, the outbox and the
 * dispatcher, over in-memory stores, with console users typing and pressing as they would in `npm run console`.
 */
const CHANNEL = 'console:channel:norrby';
const DESCRIPTION = 'Någon skrev att de vet var jag bor och att jag ska akta mig.';

/** The essentials of a self-report, typed the way a member would: words and numbers. */
const QUICK_REPORT = ['nej', '1', 'hot', DESCRIPTION, 'e-post', 'igår', '1', 'skicka'];

let app: TestApp;
afterEach(async () => {
  // Closing twice is harmless: the pause test closes its apps itself, in order, before removing their files.
  await app.close();
});

async function report(account: string, answers: string[] = QUICK_REPORT): Promise<void> {
  await app.say(account, 'hej');
  for (const answer of answers) await app.say(account, answer);
}

describe('a member reports and a contact takes the case', () => {
  beforeEach(async () => {
    app = await startTestApp();
    await app.bind('norrby');
  });

  it('goes from the first word to "taken by Kim", telling everyone what they need and no more', async () => {
    await report('mira');

    const member = app.notifier.textOf(app.dm('mira'));
    expect(member).toContain('Är någon i fara just nu');
    expect(member).not.toContain('Ring 112 nu');
    expect(member).toContain('Din rapport');
    expect(member).toMatch(/mottagen som ärende VP-\d{4}-0001 och har gått till säkerhetsansvariga i Norrby/);
    const [c] = await app.stores.cases.list({ reporterUserId: app.userId('mira') });
    expect(c).toMatchObject({ districtId: 'norrby', urgent: false, status: 'new', owner: null });
    expect(c?.report.description).toBe(DESCRIPTION);
    expect(c?.report.categories).toEqual(['threat']);
    expect(c?.report.channels).toEqual(['email']);

    const alert = app.notifier.current(CHANNEL, `alert:${c?.id}`);
    expect(alert?.text).toContain(`Nytt ärende ${c?.number}`);
    expect(alert?.text).toContain('Distrikt: Norrby');
    expect(alert?.text).toContain('[Ta ärendet]');
    expect(app.notifier.textOf(CHANNEL)).not.toContain(DESCRIPTION);
    expect(app.notifier.textOf(CHANNEL)).not.toContain('Mira');

    const take = app.notifier.actions(CHANNEL, ACTION.caseTake)[0];
    expect(take?.value).toBe(c?.id);
    await app.press('kim', ACTION.caseTake, take?.value ?? '');

    const updated = app.notifier.current(CHANNEL, `alert:${c?.id}`);
    expect(app.notifier.to(CHANNEL)).toHaveLength(2);
    expect(updated?.text).toMatch(/Tas om hand av Kim Kontakt sedan \d\d:\d\d/);
    expect(updated?.text).not.toContain('[Ta ärendet]');
    const kim = app.notifier.textOf(app.dm('kim'));
    expect(kim).toContain(`Ärende ${c?.number}`);
    expect(kim).toContain(DESCRIPTION);
    expect(kim).toContain('Ansvarig: Kim Kontakt');
    expect(app.notifier.lastTextOf(app.dm('mira'))).toContain(`Kim Kontakt har tagit ditt ärende ${c?.number}`);

    // Alex was a moment too late: told who took it, nothing changes.
    await app.press('alex', ACTION.caseTake, c?.id ?? '');
    expect(app.notifier.lastTextOf(app.dm('alex'))).toMatch(/Ärendet togs redan av Kim Kontakt kl\. \d\d:\d\d/);
    expect((await app.stores.cases.get(c?.id ?? ''))?.owner?.userId).toBe('console:kim');

    // The member gave no consent to share with the municipality, and the bot says so.
    await app.press('kim', ACTION.caseShare, c?.id ?? '');
    expect(app.notifier.lastTextOf(app.dm('kim'))).toContain('har inte sagt ja till att ärendet delas med kommunen');

    // Kim ticks an item with a note from the case card.
    const tick = app.notifier.actions(app.dm('kim'), ACTION.caseTick).find((a) => a.label.startsWith('Första'));
    await app.press('kim', ACTION.caseTick, tick?.value ?? '', 'Ringde Mira');
    expect(app.notifier.textOf(app.dm('kim'))).toContain(`Punkten är avbockad i ${c?.number}.`);
    expect(app.notifier.lastTextOf(app.dm('kim'))).toMatch(/☑ Första uppföljningssamtal.*\(Kim Kontakt\): Ringde Mira/);

    // Someone outside the case finds nothing.
    await app.press('vera', ACTION.caseView, c?.id ?? '');
    expect(app.notifier.lastTextOf(app.dm('vera'))).toBe('Jag hittar inget sådant ärende.');
  });

  it('makes a contact who reports on a member’s behalf the owner at once', async () => {
    const onBehalf = ['nej', 'någon annan', 'Säkerhetsansvarig', 'hoppa över', 'Mira Medlem'];
    await report('kim', [...onBehalf, 'trakasserier', DESCRIPTION, 'sms', 'igår', '1', 'skicka']);

    const [c] = await app.stores.cases.list({ reporterUserId: app.userId('kim') });
    expect(c?.owner?.userId).toBe('console:kim');
    expect(c?.report.reporter).toMatchObject({ onBehalf: true, relation: 'Säkerhetsansvarig' });
    expect(app.notifier.textOf(app.dm('kim'))).toContain(
      `Rapporten är sparad som ärende ${c?.number} i Norrby. Du har tagit första samtalet och är ansvarig för uppföljningen.`,
    );
    const alert = app.notifier.current(CHANNEL, `alert:${c?.id}`)?.text;
    expect(alert).toMatch(/Tas om hand av Kim Kontakt/);
    expect(alert).not.toContain('[Ta ärendet]');
  });

  it('changes nothing on a duplicate delivery of the same event', async () => {
    await app.say('mira', 'hej', 'event-1');
    await app.say('mira', 'nej', 'event-2');
    const [session] = await app.stores.sessions.ofUser(app.userId('mira'));
    const sent = app.notifier.sent.length;

    await app.say('mira', 'nej', 'event-2');
    await app.say('mira', 'hej', 'event-1');
    expect(await app.stores.sessions.ofUser(app.userId('mira'))).toEqual([session]);
    expect(app.notifier.sent.length).toBe(sent);
    expect(session?.stepId).toBe('on_behalf');
  });

  it('lists the open cases of the district when a contact writes "ärenden", and the member’s own for a member', async () => {
    await report('mira');
    const [c] = await app.stores.cases.list({ reporterUserId: app.userId('mira') });

    await app.say('kim', 'ärenden');
    const list = app.notifier.lastTextOf(app.dm('kim'));
    expect(list).toContain('Öppna ärenden i dina distrikt');
    expect(list).toContain(`${c?.number} · Nytt, ingen ansvarig ännu · -`);
    expect(list).toContain('[Visa]');

    await app.say('vera', 'ärenden');
    expect(app.notifier.lastTextOf(app.dm('vera'))).toContain('Inga öppna ärenden just nu.');

    await app.say('mira', 'ärenden');
    expect(app.notifier.lastTextOf(app.dm('mira'))).toContain('Dina ärenden');
    expect(app.notifier.lastTextOf(app.dm('mira'))).toContain(c?.number ?? 'missing');
  });
});

describe('the member’s district', () => {
  beforeEach(async () => {
    app = await startTestApp();
  });

  const districtQuestion = 'Vilket distrikt hör du (eller den utsatta) till?';
  const casesOf = (account: string) => app.stores.cases.list({ reporterUserId: app.userId(account) });

  it('is asked once of a member the directory does not know, remembered, and changed with "distrikt"', async () => {
    await report('utan', ['nej', 'norrby', '1', 'hot', DESCRIPTION, 'sms', 'igår', '1', 'skicka']);
    expect(app.notifier.textOf(app.dm('utan'))).toContain(districtQuestion);
    expect((await casesOf('utan')).map((c) => c.districtId)).toEqual(['norrby']);

    app.notifier.clear();
    await report('utan');
    expect(app.notifier.textOf(app.dm('utan'))).not.toContain(districtQuestion);
    expect((await casesOf('utan')).map((c) => c.districtId)).toEqual(['norrby', 'norrby']);

    app.notifier.clear();
    await app.say('utan', 'distrikt');
    expect(app.notifier.textOf(app.dm('utan'))).toContain(districtQuestion);
    await app.say('utan', 'sjödal');
    expect(app.notifier.lastTextOf(app.dm('utan'))).toBe('Tack. Jag har sparat distriktet Sjödal.');

    await report('utan');
    const districts = (await casesOf('utan')).map((c) => c.districtId).sort();
    expect(districts).toEqual(['norrby', 'norrby', 'sjodal']);
    // Sjödal has no contacts: the central contact gets the alert.
    expect(app.notifier.textOf(app.dm('cecilia'))).toContain('Distrikt: Sjödal');
  });

  it('is never asked of a member the directory places in a district', async () => {
    await report('mira');
    expect(app.notifier.textOf(app.dm('mira'))).not.toContain(districtQuestion);
  });
});

describe('pause and restart', () => {
  let dataDir: string;
  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'vaktpost-bot-'));
  });
  afterEach(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('resumes the session where it stopped after the app and its file-backed store restart', async () => {
    const first = await createEmbeddedStores({ dataDir });
    app = await startTestApp({ stores: first });
    await report('mira', ['nej', '1', 'hot', 'pausa']);
    expect(app.notifier.lastTextOf(app.dm('mira'))).toContain('Din rapport är sparad');
    await app.close();
    await first.close();

    const second = await createEmbeddedStores({ dataDir });
    app = await startTestApp({ stores: second });
    try {
      await app.press('mira', ACTION.startReport, '');
      const resumed = app.notifier.textOf(app.dm('mira'));
      expect(resumed).toContain('Välkommen tillbaka. Vi fortsätter där du slutade.');
      expect(resumed).toContain('Beskriv vad som hände, med egna ord.');
      expect(resumed).not.toContain('Är någon i fara just nu');

      for (const answer of [DESCRIPTION, 'e-post', 'igår', '1', 'skicka']) await app.say('mira', answer);
      const [c] = await app.stores.cases.list({ reporterUserId: app.userId('mira') });
      expect(c?.report).toMatchObject({ urgent: false, categories: ['threat'], description: DESCRIPTION });
    } finally {
      await app.close();
      await second.close();
    }
  });
});
