import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ACTION } from '../../../src/engine/actions';
import { TEST_DIRECTORY_FILE, startTestApp, type TestApp } from '../../support/app-harness';
import { CHANNEL, cardPress, channelMention, personalConversation, personalMessage, type Person } from './activities';
import { buttons, textOf, type CardNode } from './card-text';
import { startFakeConnector, type FakeConnector } from './fake-connector';

/**
 * The whole story in Teams, through main.ts's wiring over real HTTP: activities posted to /api/messages, every reply
 * and proactive send captured by the fake Bot Connector at the activities' serviceUrl.
 */
const KIM: Person = { teamsId: '29:kim', aadObjectId: 'aad-kim', name: 'Kim Kontakt' };
const ALEX: Person = { teamsId: '29:alex', aadObjectId: 'aad-alex', name: 'Alex Andrakontakt' };
const MIRA: Person = { teamsId: '29:mira', aadObjectId: 'aad-mira', name: 'Mira Medlem' };
const DESCRIPTION = 'Någon skrev att de vet var jag bor och att jag ska akta mig.';
const ANSWERS = ['1', 'hot', DESCRIPTION, 'e-post', 'igår', '1', 'skicka'];

type Node = CardNode;

let connector: FakeConnector;
let app: TestApp;
let dir: string;

async function post(activity: object): Promise<{ status: number; body: unknown }> {
  const res = await fetch(`${app.vaktpost.url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(activity),
  });
  const text = await res.text();
  await app.flush();
  return { status: res.status, body: text ? (JSON.parse(text) as unknown) : undefined };
}

const toConversation = (id: string) => connector.calls.filter((c) => c.conversationId === id && c.kind !== 'other');
const say = (person: Person, text: string) => post(personalMessage(connector.serviceUrl, person, text));

beforeEach(async () => {
  connector = await startFakeConnector();
  // The test directory, with Teams accounts (Entra object ids) for the people in this story.
  dir = await mkdtemp(join(tmpdir(), 'vaktpost-teams-'));
  const directory = (await readFile(TEST_DIRECTORY_FILE, 'utf8'))
    .replace('accounts: { console: kim, web: kim }', 'accounts: { console: kim, web: kim, teams: aad-kim }')
    .replace('accounts: { console: alex, web: alex }', 'accounts: { console: alex, web: alex, teams: aad-alex }')
    .replace('accounts: { console: mira, web: mira }', 'accounts: { console: mira, web: mira, teams: aad-mira }')
    .replace('accounts: { console: cecilia, web: cecilia }', 'accounts: { teams: aad-cecilia }');
  await writeFile(join(dir, 'directory.yml'), directory);
  app = await startTestApp({
    listen: true,
    env: { TEAMS_DEV_NO_AUTH: '1', DIRECTORY_FILE: join(dir, 'directory.yml') },
  });
});
afterEach(async () => {
  await app.close();
  await connector.close();
  await rm(dir, { recursive: true, force: true });
});

async function bindChannel(): Promise<void> {
  await post(channelMention(connector.serviceUrl, KIM, 'bind norrby'));
  expect(textOf(toConversation(CHANNEL).at(-1))).toMatch(/Norrby/);
}

/** Mira reports in her personal chat: the first question is answered with its button, the rest typed. */
async function report(): Promise<void> {
  await say(MIRA, 'hej');
  const question = toConversation(personalConversation(MIRA)).at(-1);
  const no = buttons(question).find((b) => b.title === 'Nej') as Node;
  const pressed = await post(cardPress(connector.serviceUrl, MIRA, String(no.verb), no.data as Node));
  expect(pressed.status).toBe(200);
  for (const answer of ANSWERS) await say(MIRA, answer);
}

describe('Teams: the whole story over HTTP', () => {
  it('binds a channel, alerts it with the minimum, lets the first taker own the case and tells everyone', async () => {
    await bindChannel();
    await report();

    const [c] = await app.stores.cases.list({ reporterUserId: 'teams:aad-mira' });
    expect(c).toMatchObject({ districtId: 'norrby', owner: null });
    expect(c?.report.description).toBe(DESCRIPTION);
    const miraSaw = () => toConversation(personalConversation(MIRA)).map(textOf).join('\n');
    expect(miraSaw()).toMatch(new RegExp(`mottagen som ärende ${c?.number}`));

    // The alert in the bound channel: a new post with only the minimum, and a Take button.
    const alert = toConversation(CHANNEL).find((call) => textOf(call).includes(c?.number ?? '?'));
    expect(alert?.kind).toBe('send');
    expect(textOf(alert)).toContain('Norrby');
    expect(JSON.stringify(alert?.body)).not.toContain(DESCRIPTION);
    expect(JSON.stringify(alert?.body)).not.toContain('Mira');
    const take = buttons(alert).find((b) => b.verb === ACTION.caseTake) as Node;

    // Kim and Alex press at the same moment, and Kim's press is delivered twice: one owner.
    const alertId = alert?.responseId ?? '';
    const kimPress = cardPress(connector.serviceUrl, KIM, ACTION.caseTake, take.data as Node, 'channel', alertId);
    const presses = await Promise.all([
      post(kimPress),
      post(cardPress(connector.serviceUrl, ALEX, ACTION.caseTake, take.data as Node, 'channel', alertId)),
    ]);
    expect(presses.map((p) => p.status)).toEqual([200, 200]);
    await post(kimPress);
    const owned = await app.stores.cases.get(c?.id ?? '');
    const owner = owned?.owner?.displayName;
    expect(['Kim Kontakt', 'Alex Andrakontakt']).toContain(owner);
    expect(owned?.timeline.filter((e) => e.kind === 'taken')).toHaveLength(1);

    // The channel card is updated in place for everyone: taken by the owner, no Take button.
    const update = toConversation(CHANNEL).find((call) => call.kind === 'update');
    expect(update?.activityId).toBe(alertId);
    expect(textOf(update)).toMatch(new RegExp(`Tas om hand av ${owner} sedan \\d\\d:\\d\\d`));
    expect(buttons(update)).toEqual([]);

    // The owner gets the whole case proactively, in a personal chat the bot opens.
    const ownerTeamsId = owner === 'Kim Kontakt' ? KIM.teamsId : ALEX.teamsId;
    const created = connector.calls.find(
      (call) => call.kind === 'create' && JSON.stringify(call.body).includes(ownerTeamsId),
    );
    expect(created).toBeDefined();
    const full = connector.calls.filter((call) => call.kind === 'send' && call.conversationId?.startsWith('a:created'));
    expect(full.map(textOf).join('\n')).toContain(DESCRIPTION);

    // The member is told who helps her.
    expect(miraSaw()).toContain(`${owner} har tagit ditt ärende ${c?.number}`);
  });

  it('makes one case of a redelivered message', async () => {
    await bindChannel();
    await say(MIRA, 'hej');
    for (const answer of ['nej', ...ANSWERS.slice(0, -1)]) await say(MIRA, answer);
    const submit = personalMessage(connector.serviceUrl, MIRA, 'skicka');
    await post(submit);
    await post(submit);
    expect(await app.stores.cases.list({ reporterUserId: 'teams:aad-mira' })).toHaveLength(1);
  });

  it('routes the alert to the central contact when the channel answers 403', async () => {
    await bindChannel();
    connector.failNext({ status: 403, kind: 'send', conversationId: CHANNEL });
    await report();

    const [c] = await app.stores.cases.list({ reporterUserId: 'teams:aad-mira' });
    expect(c?.timeline.map((e) => e.kind)).toContain('delivery_failed');
    const toCecilia = connector.calls.find(
      (call) => call.kind === 'create' && JSON.stringify(call.body).includes('aad-cecilia'),
    );
    expect(toCecilia).toBeDefined();
    const rerouted = connector.calls.filter(
      (call) => call.kind === 'send' && call.conversationId?.startsWith('a:created'),
    );
    expect(rerouted.map(textOf).join('\n')).toContain(c?.number);
  });
});
