import { ACTION } from '../../src/engine/actions';
import { startTestApp, type TestApp } from '../support/app-harness';

/**
 * The risk inventory (seed 001 Riskinventering) as Mira, a member of Norrby, would go through it in a chat with the
 * bot, and the security contacts Kim and Alex receiving what she sends.
 */
const CHANNEL = 'console:channel:norrby';
let app: TestApp;

beforeEach(async () => {
  app = await startTestApp();
  await app.bind('norrby');
});
afterEach(async () => {
  await app.close();
});

type R = 'låg' | 'måttlig' | 'hög';
const ratings = (moderate: number, high: number): R[] => [
  ...Array<R>(moderate).fill('måttlig'),
  ...Array<R>(high).fill('hög'),
  ...Array<R>(10 - moderate - high).fill('låg'),
];

/** Starts the inventory from its word and answers the activity and the ten ratings. */
async function inventory(answers: R[]): Promise<string> {
  await app.say('mira', 'riskinventering');
  await app.say('mira', 'Torgmöte i Norrby lördag kl. 14');
  for (const answer of answers) await app.say('mira', answer);
  return app.notifier.textOf(app.dm('mira'));
}

function neverReassures(text: string): void {
  expect(text.toLowerCase()).not.toMatch(/låg risk|inget att oroa|ingen risk|ofarlig/);
}

describe('the risk inventory', () => {
  it('asks VEM, VAD, HUR, VAR and NÄR, each rated LÅG / MÅTTLIG / HÖG', async () => {
    await app.say('mira', 'riskinventering');
    await app.say('mira', 'Torgmöte i Norrby lördag kl. 14');
    const text = app.notifier.textOf(app.dm('mira'));
    expect(text).toContain('VEM ska du träffa?');
    expect(text).toContain('1) LÅG 2) MÅTTLIG 3) HÖG');
    for (const answer of ratings(0, 0)) await app.say('mira', answer);
    const all = app.notifier.textOf(app.dm('mira'));
    for (const word of ['VAD ska ni', 'HUR sker mötet', 'VAR och NÄR är det']) expect(all).toContain(word);
  });

  it('advises preventive measures and offers to send it after MÅTTLIG on four questions', async () => {
    const text = await inventory(ratings(4, 0));
    expect(text).toContain('Fundera på förebyggande åtgärder');
    expect(text).toContain('MÅTTLIG på 4 och HÖG på 0 frågor.');
    expect(app.notifier.lastTextOf(app.dm('mira'))).toContain('Vill du skicka inventeringen till säkerhetsansvariga');
    neverReassures(text);
  });

  it('advises preventive measures after HÖG on three questions', async () => {
    const text = await inventory(ratings(0, 3));
    expect(text).toContain('Fundera på förebyggande åtgärder');
    expect(text).toContain('MÅTTLIG på 0 och HÖG på 3 frågor.');
    expect(app.notifier.lastTextOf(app.dm('mira'))).toContain('Vill du skicka inventeringen');
  });

  it('gives no advice for MÅTTLIG on three and HÖG on two, and still does not say there is nothing to worry about', async () => {
    const text = await inventory(ratings(3, 2));
    expect(text).not.toContain('Fundera på förebyggande åtgärder');
    expect(text).not.toContain('Vill du skicka inventeringen');
    expect(app.notifier.lastTextOf(app.dm('mira'))).toContain('Din egen känsla gäller ändå');
    expect(app.notifier.lastTextOf(app.dm('mira'))).toContain('ring 112');
    neverReassures(text);
    expect(await app.stores.sessions.ofUser(app.userId('mira'))).toEqual([]);
  });

  it('sends it to the district’s contacts in private, not as an alert; the first to take it owns it', async () => {
    await inventory(ratings(1, 3));
    await app.say('mira', 'ja');
    expect(app.notifier.lastTextOf(app.dm('mira'))).toContain(
      'Inventeringen är skickad till säkerhetsansvariga i Norrby',
    );
    // No threat alert: nothing in the district's channel, and no case.
    expect(app.notifier.to(CHANNEL)).toEqual([]);
    expect(await app.stores.cases.list({ reporterUserId: app.userId('mira') })).toEqual([]);

    for (const contact of ['kim', 'alex']) {
      const card = app.notifier.textOf(app.dm(contact));
      expect(card).toContain('Riskinventering inför Torgmöte i Norrby lördag kl. 14');
      expect(card).toContain('Från Mira Medlem i Norrby.');
      expect(card).toContain('Det här är inget larm om hot');
      expect(card).toContain('VEM: MÅTTLIG');
      expect(card).toContain('VAD: HÖG');
      expect(card).toContain('[Ta hand om den]');
    }

    const take = app.notifier.actions(app.dm('kim'), 'inventory:take')[0];
    await app.press('kim', take?.id ?? '', take?.value ?? '');
    expect(app.notifier.lastTextOf(app.dm('kim'))).toContain('Du tar hand om den, Kim Kontakt');
    expect(app.notifier.lastTextOf(app.dm('mira'))).toContain('Kim Kontakt tar hand om din riskinventering');
    const alexCard = app.notifier.current(app.dm('alex'), `inventory:${take?.value}`);
    expect(alexCard?.text).toContain('Tas om hand av Kim Kontakt.');
    expect(alexCard?.text).not.toContain('[Ta hand om den]');

    // Alex was a moment too late; Vera (another district) may not take it at all.
    await app.press('alex', 'inventory:take', take?.value ?? '');
    expect(app.notifier.lastTextOf(app.dm('alex'))).toContain('Den togs redan av Kim Kontakt');
    await app.press('vera', 'inventory:take', take?.value ?? '');
    expect(app.notifier.lastTextOf(app.dm('vera'))).toContain('Bara säkerhetsansvariga i Norrby');
  });

  it('keeps nothing to send when the member says no', async () => {
    await inventory(ratings(4, 0));
    await app.say('mira', 'nej');
    expect(app.notifier.lastTextOf(app.dm('mira'))).toContain('den skickas inte');
    expect(app.notifier.textOf(app.dm('kim'))).toBe('');
  });

  it('waits, answers kept, when the member starts a report, and is offered again after', async () => {
    await app.say('mira', 'riskinventering');
    await app.say('mira', 'Torgmöte');
    await app.say('mira', 'hög');
    await app.say('mira', 'rapportera');
    for (const answer of ['nej', '1', 'hot', 'Ett hotfullt brev.', 'e-post', 'igår', '1', 'skicka']) {
      await app.say('mira', answer);
    }
    const resume = app.notifier.actions(app.dm('mira'), ACTION.resume)[0];
    expect(resume?.value).toBe('risk-inventory');
    await app.press('mira', ACTION.resume, resume?.value ?? '');
    expect(app.notifier.lastTextOf(app.dm('mira'))).toContain('VAD ska ni göra');
  });
});
