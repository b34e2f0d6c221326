import { POLICE_ACTION } from '../../src/police/police-actions';
import { ACTION } from '../../src/engine/actions';
import { t } from '../../src/i18n/translate';
import { startTestApp, type TestApp } from '../support/app-harness';
import { makeReport } from '../support/fixtures';
import { Transcript } from '../support/transcript';

/**
 * The police-report helper through the real bot: a report made in the real dialog (on someone's behalf, with a
 * hate-crime motive), the member's and the owner's button to the ready text, the police number added afterwards,
 * and the owner's digest a week on.
 */
const DAY = 24 * 60 * 60_000;
const START = new Date('2026-03-02T08:00:00.000Z');
const say = (key: string): string => t('sv', key);

let app: TestApp;
let time = START.getTime();
const clock = { now: () => new Date(time) };

beforeEach(async () => {
  time = START.getTime();
  app = await startTestApp({ clock });
  await app.bind('norrby');
});
afterEach(() => app.close());

/** A full report on behalf of a colleague, typed in the real dialog, as the report transcripts do. */
function onBehalfHateCrimeReport() {
  // Typed the way a member types, as in the report transcripts.
  const w = {
    no: 'nej',
    yes: 'ja',
    other: 'någon annan',
    tellMore: 'berätta mer',
    done: 'klar',
    dontKnow: 'vet inte',
    submit: 'skicka',
  };
  const transcript = new Transcript('sv')
    .start()
    .say(w.no, w.other)
    .say('Kollega i fullmäktigegruppen', 'Alex Exempel, gruppledare', 'Sam Prov')
    .say('1, 4')
    .say('Han skrev att han vet var jag bor och att det ska gå illa för oss sådana.')
    .press(['social_media', 'letter'])
    .say('2026-03-01 21:15', w.tellMore)
    .say(w.no)
    .say('Torget i Exempelby', 'https://social.example.org/post/1')
    .say({
      kind: 'attachments',
      files: [{ id: 'console:F1', name: 'skarmdump.png', url: 'https://files.example.org/F1' }],
    })
    .say(w.done)
    .say('Brevet ligger i en plastpåse hemma.')
    .press('wants_help')
    .say(w.yes)
    .say(w.yes, 'Sällskap hem från möten', 'Kim Stöd')
    .say('Ledamot i kultur- och fritidsnämnden')
    .press('unknown')
    .press('one')
    .say('Man, ca 50 år, @hatkonto_99', 'Vet inte', w.dontKnow)
    .say(w.yes) // hate crime
    .say(w.no) // sexual character
    .say('Beslutet om nya moskén', 'Grannen Eva såg brevet', w.yes)
    .say('Skrämmande', 'Hennes partner', 'Ingen än', 'Sällskap till möten')
    .press('chat') // how to reach the member
    .say(w.submit);
  return transcript;
}

describe('the police-report helper', () => {
  it("is offered with the receipt of a report made through the bot, on the member's own case", async () => {
    await app.say('mira', 'hej');
    for (const answer of ['nej', '1', 'hot', 'Någon skrev att de vet var jag bor.', 'e-post', 'igår', '1', 'skicka']) {
      await app.say('mira', answer);
    }
    const [c] = await app.stores.cases.list({ reporterUserId: app.userId('mira') });
    expect(app.notifier.textOf(app.dm('mira'))).toContain(`Polisanmälan för ${c?.number}`);
    expect(app.notifier.textOf(app.dm('mira'))).toContain('Vill du polisanmäla? Jag har en färdig text');
    const offered = app.notifier.actions(app.dm('mira'), POLICE_ACTION.text).map((a) => a.value);
    expect(offered).toEqual([c?.id]);
    await app.press('mira', POLICE_ACTION.text, c?.id ?? '');
    expect(app.notifier.lastTextOf(app.dm('mira'))).toContain('Det här hände: Någon skrev att de vet var jag bor.');
  });

  it('gives the member a ready text with office, åtkomstskydd, hate-crime motive and evidence, and files nothing', async () => {
    const transcript = onBehalfHateCrimeReport();
    expect(transcript.text).toContain('(submitted)');
    const report = transcript.report;
    expect(report).toMatchObject({ reporter: { onBehalf: true }, hateCrimeMotive: 'yes' });
    const c = await app.vaktpost.cases.submit(
      {
        id: 'police-1',
        reporter: { userId: app.userId('mira'), displayName: 'Mira Medlem', address: app.dm('mira'), language: 'sv' },
        districtId: 'norrby',
        report,
        exposedUserId: null,
      },
      clock.now(),
    );
    await app.flush();
    const before = app.notifier.sent.length;

    // The member finds the helper on their own case.
    await app.press('mira', ACTION.caseView, c.id);
    expect(app.notifier.actions(app.dm('mira'), POLICE_ACTION.text).map((a) => a.value)).toContain(c.id);
    await app.press('mira', POLICE_ACTION.text, c.id);
    const text = app.notifier.lastTextOf(app.dm('mira'));

    expect(text).toContain(`Polisanmälan – text att läsa upp eller klistra in (${c.number})`);
    expect(text).toContain('114 14');
    expect(text).toContain('Vaktpost anmäler ingenting själv');
    expect(text).toContain('Det här hände: Han skrev att han vet var jag bor');
    // When: local Swedish time in words, not an ISO stamp.
    expect(text).toContain('När: söndag 1 mars 2026 kl. 21:15.');
    expect(text).not.toMatch(/\d{4}-\d\d-\d\dT/);
    expect(text).toContain('Var: Torget i Exempelby, https://social.example.org/post/1.');
    // Office in the named municipality, and the link to it.
    expect(text).toContain('Jag gör anmälan för Sam Prov. Min relation till hen: Kollega i fullmäktigegruppen.');
    expect(text).toContain(
      'Sam Prov är förtroendevald med politiskt uppdrag som Ledamot i kultur- och fritidsnämnden i Norrby kommun.',
    );
    expect(text).toContain('Händelsen kan ha samband med det politiska uppdraget.');
    expect(text).toContain('Jag ber att anmälan blir åtkomstskyddad.');
    expect(text).toContain('Det finns ett hatbrottsmotiv');
    expect(text).toContain('Vittnen: Grannen Eva såg brevet.');
    expect(text).toContain('Sparade bevis: skarmdump.png; Brevet ligger i en plastpåse hemma. Inget är raderat.');
    expect(text).toContain('Jag ber om löpande återkoppling från ansvarig utredare');
    expect(text).toContain('[Lägg till polisens diarienummer]');

    // Nothing went anywhere but back to the member: no channel, no police.
    const sent = app.notifier.sent.slice(before).map((m) => m.address);
    expect(new Set(sent)).toEqual(new Set([app.dm('mira')]));
  });

  it('asks for the injuries documented by healthcare after violence, and leaves blanks rather than gaps', async () => {
    const c = await app.vaktpost.cases.submit(
      {
        id: 'police-2',
        reporter: { userId: app.userId('mira'), displayName: 'Mira Medlem', address: app.dm('mira'), language: 'sv' },
        districtId: 'vastby',
        report: makeReport({ categories: ['violence_person'], hateCrimeMotive: 'no', target: { name: 'Mira' } }),
        exposedUserId: app.userId('mira'),
      },
      clock.now(),
    );
    await app.press('mira', POLICE_ACTION.text, c.id);
    const text = app.notifier.lastTextOf(app.dm('mira'));
    expect(text).toContain('dokumenterats hos sjukvården');
    // Västby has no municipality in the directory: the district is named instead.
    expect(text).toContain('Jag är förtroendevald med politiskt uppdrag som (fyll i) i Västby.');
    expect(text).toContain('Vittnen: (fyll i om någon annan såg eller hörde det).');
    expect(text).not.toContain('hatbrottsmotiv');
  });

  it('lets the member add the police number, shows it on the case for member and owner, and tells the owner', async () => {
    const c = await app.vaktpost.cases.submit(
      {
        id: 'police-3',
        reporter: { userId: app.userId('mira'), displayName: 'Mira Medlem', address: app.dm('mira'), language: 'sv' },
        districtId: 'norrby',
        report: makeReport({ police: { status: 'wants_help' } }),
        exposedUserId: app.userId('mira'),
      },
      clock.now(),
    );
    await app.press('kim', ACTION.caseTake, c.id);
    expect(app.notifier.actions(app.dm('kim'), POLICE_ACTION.text).map((a) => a.value)).toContain(c.id);

    // A number that is not one is refused, and nothing is stored.
    await app.press('mira', POLICE_ACTION.number, c.id, 'ring mig');
    expect(app.notifier.lastTextOf(app.dm('mira'))).toContain(say('error.police.number_invalid'));
    expect((await app.stores.cases.get(c.id))?.report.police.caseNumber).toBeUndefined();
    // Someone who may not see the case cannot add one.
    await app.press('vera', POLICE_ACTION.number, c.id, '5000-K999999-26');
    expect(app.notifier.lastTextOf(app.dm('vera'))).toContain(say('error.case.not_found'));

    await app.press('mira', POLICE_ACTION.number, c.id, ' 5000-K123456-26 ');
    const member = app.notifier.textOf(app.dm('mira'));
    expect(member).toContain(`Polisens diarienummer 5000-K123456-26 är sparat på ärende ${c.number}`);
    expect(app.notifier.lastTextOf(app.dm('mira'))).toContain('Polisens diarienummer: 5000-K123456-26');
    expect(app.notifier.lastTextOf(app.dm('kim'))).toContain(
      `Mira Medlem sparade polisens diarienummer 5000-K123456-26 på ärende ${c.number}`,
    );
    await app.press('kim', ACTION.caseView, c.id);
    const owner = app.notifier.lastTextOf(app.dm('kim'));
    expect(owner).toContain('Polisens diarienummer: 5000-K123456-26');
    expect(owner).toContain('Mira Medlem sparade polisens diarienummer 5000-K123456-26');
    const stored = await app.stores.cases.get(c.id);
    expect(stored?.report.police).toEqual({ status: 'reported', caseNumber: '5000-K123456-26' });
  });

  it("says in the owner's digest, a week on, that the police number is still missing, and stops once it is added", async () => {
    const c = await app.vaktpost.cases.submit(
      {
        id: 'police-4',
        reporter: { userId: app.userId('mira'), displayName: 'Mira Medlem', address: app.dm('mira'), language: 'sv' },
        districtId: 'norrby',
        report: makeReport({ police: { status: 'wants_help' } }),
        exposedUserId: app.userId('mira'),
      },
      clock.now(),
    );
    await app.press('kim', ACTION.caseTake, c.id);
    const digest = async (day: number): Promise<string> => {
      time = START.getTime() + day * DAY;
      const before = app.notifier.sent.length;
      await app.vaktpost.reminders.sweep(clock.now(), 'digest');
      await app.flush();
      return app.notifier.sent
        .slice(before)
        .filter((m) => m.address === app.dm('kim'))
        .map((m) => m.text)
        .join('\n');
    };
    const missing = say('police.digest.number_missing');

    const sixDays = await digest(6);
    expect(sixDays).toContain(c.number);
    expect(sixDays).not.toContain(missing);
    expect(await digest(7)).toContain(missing);

    await app.press('mira', POLICE_ACTION.number, c.id, '5000-K123456-26');
    const afterwards = await digest(8);
    expect(afterwards).toContain(c.number);
    expect(afterwards).not.toContain(missing);
  });
});
