import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ACTION } from '../../../src/engine/actions';
import { startTestApp, type TestApp } from '../../support/app-harness';
import { CHANNEL, cardPress, channelMention, personalMessage, type Person } from './activities';
import { cardNodes as nodes, textOf, type CardNode as Node } from './card-text';
import { directoryWithTeamsAccounts, postActivity } from './teams-app';
import { startFakeConnector, type FakeConnector } from './fake-connector';

/**
 * Evidence in Teams, through main.ts over real HTTP: the member's picture and file are fetched from their content
 * urls at arrival, and the owner gets a card per file with a short-lived link to Vaktpost's copy.
 */
const KIM: Person = { teamsId: '29:kim', aadObjectId: 'aad-kim', name: 'Kim Kontakt' };
const MIRA: Person = { teamsId: '29:mira', aadObjectId: 'aad-mira', name: 'Mira Medlem' };
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

let connector: FakeConnector;
let app: TestApp;
let dir: string;

const post = (activity: object): Promise<void> => postActivity(app, activity);
const say = (person: Person, text: string, extra: Record<string, unknown> = {}) =>
  post(personalMessage(connector.serviceUrl, person, text, extra));
const sent = () => connector.calls.filter((c) => c.kind === 'send' || c.kind === 'reply');

beforeEach(async () => {
  connector = await startFakeConnector();
  dir = await mkdtemp(join(tmpdir(), 'vaktpost-teams-evidence-'));
  const directoryFile = await directoryWithTeamsAccounts(dir, ['kim', 'mira']);
  app = await startTestApp({
    listen: true,
    env: { TEAMS_DEV_NO_AUTH: '1', DIRECTORY_FILE: directoryFile },
  });
});
afterEach(async () => {
  await app.close();
  await connector.close();
  await rm(dir, { recursive: true, force: true });
});

describe('Teams: evidence the owner can open', () => {
  it('fetches the picture and the file at arrival, records their SHA-256, and links the owner to the same bytes', async () => {
    const picture = randomBytes(40_000);
    const letter = randomBytes(120_000);
    await post(channelMention(connector.serviceUrl, KIM, 'bind norrby'));
    await say(MIRA, 'hej');
    const question = sent().at(-1);
    const no = nodes(question?.body.attachments).find((n) => n.type === 'Action.Execute' && n.title === 'Nej') as Node;
    await post(cardPress(connector.serviceUrl, MIRA, String(no.verb), no.data as Node));
    // A pasted picture (contentUrl on the Bot Framework) and an uploaded file (pre-authenticated downloadUrl).
    await say(MIRA, '', {
      attachments: [
        { contentType: 'image/png', contentUrl: connector.serveFile('skarmbild.png', picture, 'image/png') },
        {
          contentType: 'application/vnd.microsoft.teams.file.download.info',
          contentUrl: 'https://contoso.sharepoint.example.org/personal/mira/brev.pdf',
          name: 'brev.pdf',
          content: { downloadUrl: connector.serveFile('brev.pdf', letter), fileType: 'pdf', uniqueId: 'u1' },
        },
      ],
    });
    expect(connector.downloads).toEqual(['skarmbild.png', 'brev.pdf']);
    for (const answer of ['1', 'hot', 'Ett hot med en bild och ett brev.', 'e-post', 'igår', '1', 'klar', 'skicka']) {
      await say(MIRA, answer);
    }
    const [c] = await app.stores.cases.list({ reporterUserId: 'teams:aad-mira' });
    expect(c?.report.evidence.map((f) => f.sha256)).toEqual([sha256(picture), sha256(letter)]);

    const alert = connector.calls.find(
      (call) => call.conversationId === CHANNEL && textOf(call).includes(c?.number ?? '?'),
    );
    const take = nodes(alert?.body.attachments).find((n) => n.verb === ACTION.caseTake) as Node;
    await post(cardPress(connector.serviceUrl, KIM, ACTION.caseTake, take.data as Node, 'channel', alert?.responseId));

    // Kim's chat: one card per file, naming it with its SHA-256 and a button to open it.
    const toKim = connector.calls.filter(
      (call) => call.kind === 'send' && call.conversationId?.startsWith('a:created'),
    );
    const fileCards = toKim.filter((call) => textOf(call).includes('SHA-256'));
    expect(fileCards.map(textOf).join('\n')).toContain(sha256(letter));
    const links = fileCards.flatMap((call) =>
      nodes(call.body.attachments)
        .filter((n) => n.type === 'Action.OpenUrl')
        .map((n) => String(n.url)),
    );
    expect(links).toHaveLength(2);
    for (const [index, bytes] of [picture, letter].entries()) {
      const res = await fetch(links[index] as string);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-disposition')).toMatch(/^attachment/);
      expect(Buffer.from(await res.arrayBuffer()).equals(bytes)).toBe(true);
    }
    // Erased with the case, the link opens nothing: the copies are gone.
    await app.vaktpost.privacy.retention.erasePerson('teams:aad-mira', 'test', new Date());
    expect(await app.stores.blobs.ids()).toEqual([]);
    expect((await fetch(links[0] as string)).status).toBe(410);
  });
});
