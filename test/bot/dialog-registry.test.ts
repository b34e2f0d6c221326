import { ACTION } from '../../src/engine/actions';
import type { DialogDef } from '../../src/engine/dialog';
import type { DialogPlugin } from '../../src/engine/registry';
import type { DialogEffectCall, DialogService } from '../../src/ports/dialog-service';
import { tx } from '../../src/engine/prompt';
import type { IncomingTurn } from '../../src/engine/turn';
import { startTestApp, type TestApp } from '../support/app-harness';

/**
 * The bot routes by the registry alone: a dialog it has never heard of ("toy", registered by this test) is started
 * by its word, hands its effects to the service it names, and ranks below the report, which always wins.
 */
const toyDialog: DialogDef<{ first: string; more: string }> = {
  id: 'toy',
  version: 1,
  steps: [
    {
      id: 'toy_first',
      text: 'bot.menu.title',
      summaryLabel: 'bot.district.label',
      input: { type: 'yesno' },
      optional: false,
      // "Create it now, fill it in later": the first answer already goes to the service.
      emit: (answer) => [{ name: 'early', payload: { first: answer } }],
    },
    {
      id: 'toy_more',
      text: 'bot.menu.intro',
      summaryLabel: 'bot.district.label',
      input: { type: 'text', maxLength: 200, multiline: false },
      optional: false,
      emit: (answer, _answers, context) => [{ name: 'addition', payload: { ticket: context.ticket, text: answer } }],
    },
  ],
  intro: [],
  summaryTitle: 'bot.menu.title',
  migrate: () => null,
  finish: (answers) => ({ ok: true, result: { first: String(answers.toy_first), more: String(answers.toy_more) } }),
  afterSubmit: () => [],
};

const toyPlugin: DialogPlugin = {
  dialog: toyDialog,
  service: 'toy-service',
  name: 'bot.dialog.unknown_name',
  start: { words: { sv: ['leka'], en: ['play'] }, menu: { label: 'bot.menu.cases', order: 5 } },
  priority: 5,
};

/** A fake service: records what it was asked, hands a ticket back on the early effect. */
class ToyService implements DialogService {
  readonly actionPrefixes = ['toy:'];
  readonly presses: string[] = [];
  act(turn: IncomingTurn) {
    this.presses.push(`${turn.action?.id}=${turn.action?.value}`);
    return Promise.resolve([{ kind: 'message' as const, text: tx('bot.dialog.continue') }]);
  }
  readonly calls: Array<Pick<DialogEffectCall, 'name' | 'payload'> & { context: Record<string, string> }> = [];
  handle(call: DialogEffectCall) {
    this.calls.push({ name: call.name, payload: call.payload, context: call.session.context });
    if (call.name === 'early') return Promise.resolve({ prompts: [], context: { ticket: 'T-1' } });
    return Promise.resolve({ prompts: [] });
  }
}

const QUICK_REPORT = ['nej', '1', 'hot', 'Ett hotfullt brev.', 'e-post', 'igår', '1', 'skicka'];

let app: TestApp;
let toy: ToyService;
beforeEach(async () => {
  toy = new ToyService();
  app = await startTestApp({ extraDialogs: { plugins: [toyPlugin], services: { 'toy-service': toy } } });
});
afterEach(async () => {
  await app.close();
});

const keysOf = async (account: string) =>
  (await app.stores.sessions.ofUser(app.userId(account))).map((s) => `${s.dialogId}${s.suspended ? ' (waits)' : ''}`);

describe('the dialog registry', () => {
  it('hands a step effect to the named service at once, and its answer travels with the later effects', async () => {
    await app.say('mira', 'leka');
    await app.say('mira', 'ja');
    await app.say('mira', 'mer text');
    await app.say('mira', 'skicka');
    expect(toy.calls.map((c) => c.name)).toEqual(['early', 'addition', 'submit']);
    expect(toy.calls[0]?.payload).toEqual({ first: 'yes' });
    expect(toy.calls[1]?.payload).toEqual({ ticket: 'T-1', text: 'mer text' });
    expect(toy.calls[2]?.context.ticket).toBe('T-1');
    expect(await keysOf('mira')).toEqual([]);
  });

  it('lets the report win over an open dialog, keeps that one waiting with its answers, and offers it after', async () => {
    await app.say('mira', 'leka');
    await app.say('mira', 'ja');
    await app.say('mira', 'rapportera');
    expect(app.notifier.textOf(app.dm('mira'))).toContain('dina svar finns kvar');
    expect(app.notifier.lastTextOf(app.dm('mira'))).toContain('Är någon i fara just nu');
    expect((await keysOf('mira')).sort()).toEqual(['report', 'toy (waits)']);

    for (const answer of QUICK_REPORT) await app.say('mira', answer);
    const [c] = await app.stores.cases.list({ reporterUserId: app.userId('mira') });
    expect(c?.report.description).toBe('Ett hotfullt brev.');
    expect(app.notifier.textOf(app.dm('mira'))).toContain('Du har kvar det du hade påbörjat');

    const resume = app.notifier.actions(app.dm('mira'), ACTION.resume)[0];
    expect(resume?.label).toBe('Fortsätt');
    await app.press('mira', ACTION.resume, resume?.value ?? '');
    // The toy went on at its second question: its first answer was kept.
    expect(app.notifier.lastTextOf(app.dm('mira'))).toContain('ring 112');
    await app.say('mira', 'sista');
    await app.say('mira', 'skicka');
    expect(toy.calls.map((c) => c.name)).toEqual(['early', 'addition', 'submit']);
  });

  it('keeps the report in front when another dialog is asked for, and says how to get there after', async () => {
    await app.say('mira', 'rapportera');
    await app.say('mira', 'nej');
    await app.say('mira', 'leka');
    expect(app.notifier.textOf(app.dm('mira'))).toContain('Vi gör klart din rapport först');
    expect(await keysOf('mira')).toEqual(['report']);
    // "leka" was not taken as an answer: the report still asks who it is about.
    const [session] = await app.stores.sessions.ofUser(app.userId('mira'));
    expect(session?.stepId).toBe('on_behalf');
  });

  it('continues a session stored before sessions were kept per dialog, under its old key', async () => {
    await app.say('mira', 'hej');
    const [current] = await app.stores.sessions.ofUser(app.userId('mira'));
    if (!current) throw new Error('no session');
    await app.stores.sessions.delete(current.key);
    const legacy = { ...current, key: app.userId('mira') };
    await app.stores.sessions.put(legacy, null);
    await app.say('mira', 'nej');
    const after = await app.stores.sessions.ofUser(app.userId('mira'));
    expect(after.map((s) => [s.key, s.stepId])).toEqual([[app.userId('mira'), 'on_behalf']]);
  });

  it('hands a press of a button the service owns to that service', async () => {
    await app.press('kim', 'toy:take', 'T-1');
    expect(toy.presses).toEqual(['toy:take=T-1']);
    expect(app.notifier.lastTextOf(app.dm('kim'))).toBe('Fortsätt');
  });

  it('shows the registered dialogs in the menu', async () => {
    await app.say('mira', 'meny');
    const starts = app.notifier.actions(app.dm('mira'), ACTION.start).map((a) => `${a.value}:${a.label}`);
    expect(starts).toEqual([
      'report:Rapportera en händelse',
      'risk-inventory:Riskinventering inför ett möte',
      'guidance:Råd och checklistor',
      'toy:Mina ärenden',
    ]);
  });
});
