import { randomUUID } from 'node:crypto';
import { ACTION } from '../../src/engine/actions';
import { startTestApp, type TestApp } from '../support/app-harness';

/**
 * After the report is in: what the member sends is offered as an addition to their open case (not a new report),
 * the owner sees it; the member can ask how the case is going, and change whether the municipality may see it.
 */
const DESCRIPTION = 'Någon skrev att de vet var jag bor.';
const QUICK = ['nej', '1', 'hot', DESCRIPTION, 'e-post', 'igår', '1', 'skicka'];
const SCREENSHOT = { id: 'console:F1', name: 'skarmdump-hotet.png', url: 'https://files.example.org/F1' };

let app: TestApp;
beforeEach(async () => {
  app = await startTestApp();
  await app.bind('norrby');
  await app.say('mira', 'hej');
  for (const answer of QUICK) await app.say('mira', answer);
});
afterEach(async () => app.close());

async function theCase() {
  const [c, ...more] = await app.stores.cases.list({ reporterUserId: app.userId('mira') });
  if (!c || more.length > 0) throw new Error(`expected one case, found ${more.length + (c ? 1 : 0)}`);
  return c;
}

/** Mira sends a file (and words) in her direct conversation, as an adapter would hand it over. */
async function sendFile(text = ''): Promise<void> {
  await app.turn({
    eventId: randomUUID(),
    platform: 'console',
    address: app.dm('mira'),
    isDirect: true,
    user: { id: app.userId('mira'), displayName: 'Mira Medlem' },
    text,
    attachments: [SCREENSHOT],
  });
}

describe('follow-through after submitting', () => {
  it('offers a file sent after submit as an addition to the open case; the owner is told and sees it', async () => {
    const c = await theCase();
    await app.press('kim', ACTION.caseTake, c.id);
    await sendFile('Här är skärmdumpen jag lovade.');
    expect(app.notifier.lastTextOf(app.dm('mira'))).toContain(`Lägga till i ${c.number}?`);
    expect(app.notifier.lastTextOf(app.dm('mira'))).toContain(`[Ja, lägg till i ${c.number}]`);
    // Nothing started: no new dialog, no second case.
    expect(await app.stores.sessions.ofUser(app.userId('mira'))).toEqual([]);

    const add = app.notifier.actions(app.dm('mira'), 'member:add').at(-1);
    await app.press('mira', 'member:add', add?.value ?? '');
    const stored = await theCase();
    expect(stored.report.evidence.map((f) => f.name)).toEqual(['skarmdump-hotet.png']);
    expect(stored.timeline.at(-1)).toMatchObject({
      kind: 'member_added',
      detail: 'Här är skärmdumpen jag lovade. · skarmdump-hotet.png',
    });
    expect(app.notifier.lastTextOf(app.dm('mira'))).toContain(
      `Tack, det är tillagt i ${c.number}. Kim Kontakt har fått veta det.`,
    );
    const owner = app.notifier.textOf(app.dm('kim'));
    expect(owner).toContain(`Mira Medlem har lagt till något i ärende ${c.number}`);
    expect(owner).toContain('Mira Medlem lade till: Här är skärmdumpen jag lovade. · skarmdump-hotet.png');
    expect(owner).toContain('https://files.example.org/F1');
  });

  it('starts a new report with the file when the member says it is something new', async () => {
    await sendFile();
    await app.press('mira', 'member:new', '');
    const [session] = await app.stores.sessions.ofUser(app.userId('mira'));
    expect(session?.answers.evidence).toEqual([SCREENSHOT]);
  });

  it('answers "hur går det med mitt ärende?" with the open case and where it stands', async () => {
    const c = await theCase();
    await app.say('mira', 'Hur går det med mitt ärende?');
    expect(app.notifier.lastTextOf(app.dm('mira'))).toContain('Dina öppna ärenden');
    expect(app.notifier.lastTextOf(app.dm('mira'))).toContain(`Ditt ärende ${c.number}`);
    expect(app.notifier.lastTextOf(app.dm('mira'))).toContain('Ingen har tagit det än.');
    await app.press('kim', ACTION.caseTake, c.id);
    await app.say('mira', 'hur går det');
    expect(app.notifier.lastTextOf(app.dm('mira'))).toMatch(/Kim Kontakt hjälper dig sedan \d/);
  });

  it('lets the member say yes to sharing later, and then the owner can share', async () => {
    const c = await theCase();
    expect(c.report.consentMunicipality).toBe(false);
    await app.press('kim', ACTION.caseTake, c.id);
    await app.press('kim', ACTION.caseShare, c.id);
    expect(app.notifier.lastTextOf(app.dm('kim'))).toContain('har inte sagt ja');

    await app.say('mira', 'mitt ärende');
    const consent = app.notifier.actions(app.dm('mira'), 'member:consent').at(-1);
    expect(consent?.label).toBe('Dela med kommunen');
    await app.press('mira', 'member:consent', consent?.value ?? '');
    expect(app.notifier.lastTextOf(app.dm('mira'))).toContain(`Ärende ${c.number} får nu delas`);
    expect(app.notifier.textOf(app.dm('kim'))).toContain(`har sagt ja till att ärende ${c.number} delas med kommunen`);

    await app.press('kim', ACTION.caseShare, c.id);
    expect((await theCase()).sharedWithMunicipality).toBe('norrby-kommun');
    expect(app.notifier.textOf(app.dm('sam'))).toContain(DESCRIPTION);
  });
});
