import { randomUUID } from 'node:crypto';
import { ACTION } from '../../src/engine/actions';
import type { Stores } from '../../src/ports/stores';
import { createEmbeddedStores } from '../../src/store/embedded/create-embedded-stores';
import { startTestApp, type TestApp } from '../support/app-harness';
import { RecordingNotifier } from '../support/recording-notifier';
import { dyingStores, type DeathPoint } from './dying-stores';

/**
 * A process killed at every store write a member's turn makes, then started again over the same data: the turn is
 * processed (at least once) and its effects happen once: one case, one alert, one receipt, each question once.
 */
const CHANNEL = 'console:channel:norrby';
const BEFORE_SUBMIT = ['hej', 'nej', '1', 'hot', 'Någon skrev att de vet var jag bor.', 'e-post', 'igår', '1'];

let stores: Stores;
let platform: RecordingNotifier;
const apps: TestApp[] = [];

beforeEach(async () => {
  stores = await createEmbeddedStores({});
  platform = new RecordingNotifier(['console:']);
});
afterEach(async () => {
  for (const app of apps.splice(0)) await app.close();
  await stores.close();
});

/** A process on `over` whose messages reach the shared fake platform. */
async function start(over: Stores): Promise<TestApp> {
  const app = await startTestApp({ stores: over, extraNotifiers: [platform], recordPrefixes: ['none:'] });
  return app;
}

async function healthy(): Promise<TestApp> {
  const app = await start(stores);
  apps.push(app);
  return app;
}

/** Runs `act` in a process that dies at `point`; waits until it has died. */
async function dieAt(point: DeathPoint, act: (app: TestApp) => Promise<void>): Promise<void> {
  const dying = dyingStores(stores, point);
  const app = await start(dying.stores);
  void act(app);
  for (let i = 0; i < 400 && !dying.dead(); i += 1) await new Promise((r) => setTimeout(r, 5));
  expect(dying.dead()).toBe(true);
  app.vaktpost.inbox.stop();
}

/** A process does `setup` and stops; the next one on the same data dies at `point` during `act`; a third starts. */
async function killedDuring(
  setup: (app: TestApp) => Promise<void>,
  point: DeathPoint,
  act: (app: TestApp) => Promise<void>,
): Promise<TestApp> {
  const first = await healthy();
  await setup(first);
  await first.close();
  apps.length = 0;
  await dieAt(point, act);
  const restarted = await healthy();
  await restarted.flush();
  return restarted;
}

const count = (address: string, pattern: RegExp) => platform.to(address).filter((m) => pattern.test(m.text)).length;

const SUBMIT_DEATHS: Array<[string, DeathPoint]> = [
  ['right after the turn is stored (the ack)', { store: 'inbox', method: 'accept', when: 'after' }],
  ['after the case is stored', { store: 'cases', method: 'create', when: 'after' }],
  ['after the counter moved, before the case', { store: 'counters', method: 'next', when: 'after' }],
  [
    'after the session is marked as ended, before the receipt is queued',
    { store: 'sessions', method: 'put', when: 'after' },
  ],
  [
    'after the receipt is queued, before the session goes',
    { store: 'outbox', method: 'enqueue', when: 'after', match: (a) => JSON.stringify(a).includes('reply:') },
  ],
  [
    'after the session is deleted, before the turn is marked done',
    { store: 'sessions', method: 'delete', when: 'after' },
  ],
  ['before the turn is marked done', { store: 'inbox', method: 'markDone', when: 'before' }],
];

describe('a submit killed at any store write, then restarted', () => {
  it.each(SUBMIT_DEATHS)('%s: one case, one alert, one receipt', async (_label, point) => {
    const first = await healthy();
    await first.bind('norrby');
    for (const text of BEFORE_SUBMIT) await first.say('mira', text);
    await first.close();
    apps.length = 0;

    await dieAt(point, (app) => app.say('mira', 'skicka', `Ev-submit-${randomUUID()}`));

    const restarted = await healthy();
    await restarted.flush();

    const cases = await stores.cases.list({ reporterUserId: 'console:mira' });
    expect(cases).toHaveLength(1);
    // A number may be skipped (the counter moved before the crash), never used twice.
    expect(count(CHANNEL, /Nytt ärende VP-\d{4}-\d{4}/)).toBe(1);
    expect(count('console:dm:mira', new RegExp(`mottagen som ärende ${cases[0]?.number}`))).toBe(1);
    expect(await stores.sessions.ofUser('console:mira')).toEqual([]);
    expect(await stores.inbox.claimable(new Date(Date.now() + 3_600_000), 10)).toEqual([]);
    // The member can go on as usual afterwards: a new word starts a new report, it is not taken for the old one.
    await restarted.say('mira', 'hej');
    expect(platform.lastTextOf('console:dm:mira')).toContain('Är någon i fara just nu');
  });
});

const ANSWER_DEATHS: Array<[string, DeathPoint]> = [
  ['right after the turn is stored (the ack)', { store: 'inbox', method: 'accept', when: 'after' }],
  ['after the session is stored, before the question is queued', { store: 'sessions', method: 'put', when: 'after' }],
  ['after the question is queued', { store: 'outbox', method: 'enqueue', when: 'after' }],
  ['before the turn is marked done', { store: 'inbox', method: 'markDone', when: 'before' }],
];

describe('an answer killed at any store write, then restarted', () => {
  it.each(ANSWER_DEATHS)('%s: applied once, the next question shown once', async (_label, point) => {
    const first = await healthy();
    for (const text of BEFORE_SUBMIT.slice(0, 3)) await first.say('mira', text);
    await first.close();
    apps.length = 0;
    const [before] = await stores.sessions.ofUser('console:mira');
    const questionsBefore = platform.to('console:dm:mira').length;

    await dieAt(point, (app) => app.say('mira', 'hot'));
    const restarted = await healthy();
    await restarted.flush();

    const [after] = await stores.sessions.ofUser('console:mira');
    expect(after?.trail).toEqual([...(before?.trail ?? []), before?.stepId]);
    expect(after?.answers).toMatchObject({ [before?.stepId ?? '?']: expect.anything() });
    const newMessages = platform.to('console:dm:mira').slice(questionsBefore);
    expect(newMessages).toHaveLength(1);
    expect(newMessages[0]?.text).toMatch(/Beskriv vad som hände/);
  });
});

describe('the inbox', () => {
  it('ignores a redelivery of the same event and marks the turn done once processed', async () => {
    const app = await healthy();
    await app.say('mira', 'hej', 'Ev-1');
    const first = platform.to('console:dm:mira').length;
    await app.say('mira', 'hej', 'Ev-1');
    expect(platform.to('console:dm:mira')).toHaveLength(first);
    const entry = await stores.inbox.get('console:Ev-1');
    expect(entry).toMatchObject({ status: 'done', outcome: 'processed' });
  });
});

const CASE_BUTTON_DEATHS: Array<[string, DeathPoint]> = [
  [
    'after the note is written to the case, before the reply is queued',
    { store: 'cases', method: 'update', when: 'after' },
  ],
  ['before the turn is marked done', { store: 'inbox', method: 'markDone', when: 'before' }],
];

describe('a case button killed at any store write, then restarted', () => {
  it.each(CASE_BUTTON_DEATHS)('%s: the note is in the case once, the reply shown once', async (_label, point) => {
    let caseId = '?';
    const setup = async (app: TestApp) => {
      await app.bind('norrby');
      for (const text of [...BEFORE_SUBMIT, 'skicka']) await app.say('mira', text);
      caseId = (await stores.cases.list({ reporterUserId: 'console:mira' }))[0]?.id ?? '?';
      await app.press('kim', ACTION.caseTake, caseId);
    };
    const note = (app: TestApp) => app.press('kim', ACTION.caseNote, caseId, 'Ringde upp Mira.', `Ev-${randomUUID()}`);
    await killedDuring(setup, point, note);

    const after = await stores.cases.get(caseId);
    expect(after?.timeline.filter((e) => e.kind === 'note').map((e) => e.detail)).toEqual(['Ringde upp Mira.']);
    expect(count('console:dm:kim', /Anteckningen är sparad/)).toBe(1);
  });
});

const FILES_DEATHS: Array<[string, DeathPoint]> = [
  [
    'after the files are stored in the session, before the text is',
    { store: 'sessions', method: 'put', when: 'after' },
  ],
  ['after the files are acknowledged, before the text is', { store: 'outbox', method: 'enqueue', when: 'after' }],
];

describe('a message with files and text killed between its two steps, then restarted', () => {
  it.each(FILES_DEATHS)('%s: the files and the text are both in, each reply once', async (_label, point) => {
    let before = 0;
    const setup = async (app: TestApp) => {
      for (const text of BEFORE_SUBMIT.slice(0, 4)) await app.say('mira', text);
      before = platform.to('console:dm:mira').length;
    };
    const description = 'De skickade den här bilden till mig.';
    const file = { id: 'console:F1', name: 'hot.png', mimeType: 'image/png' };
    await killedDuring(setup, point, (app) =>
      app.turn({
        eventId: `Ev-files-${randomUUID()}`,
        platform: 'console',
        address: 'console:dm:mira',
        isDirect: true,
        user: { id: 'console:mira', displayName: 'Mira Medlem', locale: 'sv-SE' },
        text: description,
        attachments: [file],
      }),
    );

    const [session] = await stores.sessions.ofUser('console:mira');
    expect(session?.answers.description).toBe(description);
    expect(JSON.stringify(session?.answers)).toContain('console:F1');
    const texts = platform
      .to('console:dm:mira')
      .slice(before)
      .map((m) => m.text);
    // The files' receipt, then the question after the description (the description's own, asked again with the
    // receipt, is superseded by it before it goes out).
    expect(texts).toEqual([
      expect.stringMatching(/en fil sparad som bevis/),
      expect.stringMatching(/^Hur skedde det\?/),
    ]);
  });
});
