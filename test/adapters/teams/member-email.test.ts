import { createMemoryLogger } from '../../../src/ports/logger';
import { createEmbeddedStores } from '../../../src/store/embedded/create-embedded-stores';
import { TEST_DIRECTORY_FILE, startTestApp, type TestApp } from '../../support/app-harness';
import { CHANNEL, channelMention, type Person } from './activities';
import { textOf } from './card-text';
import { postActivity } from './teams-app';
import { startFakeConnector, type FakeConnector } from './fake-connector';

/**
 * The test directory names Kim, Norrby's security contact, by e-mail only (no Teams account). When Kim first writes,
 * the bot asks the Bot Connector who Kim is (`GET /v3/conversations/{id}/members/{userId}`), finds the address and
 * binds the account: Kim may bind the district's channel at once, and is still known after a restart.
 */
const KIM: Person = { teamsId: '29:kim', aadObjectId: 'aad-kim', name: 'Kim Kontakt' };
const STRANGER: Person = { teamsId: '29:okand', aadObjectId: 'aad-okand', name: 'Okänd Person' };

let connector: FakeConnector;
let app: TestApp | null = null;
beforeEach(async () => {
  connector = await startFakeConnector();
  connector.members.set(KIM.teamsId, { aadObjectId: KIM.aadObjectId, name: KIM.name, email: 'Kim@Example.org' });
  connector.members.set(STRANGER.teamsId, {
    aadObjectId: STRANGER.aadObjectId,
    name: STRANGER.name,
    email: 'x@example.org',
  });
});
afterEach(async () => {
  await app?.close();
  await connector.close();
});

const post = (activity: object): Promise<void> => postActivity(app as TestApp, activity);
const lastInChannel = () =>
  textOf(connector.calls.filter((c) => c.conversationId === CHANNEL && c.kind !== 'other').at(-1));
/** Kim's user ids in the directory now in force. */
const kimIds = (): string[] => {
  const kim = app?.vaktpost.directory.person('kim');
  return kim && app ? app.vaktpost.directory.userIdsOf(kim) : [];
};
const memberCalls = () => connector.calls.filter((c) => c.method === 'GET' && c.path.includes('/members/'));

describe('Teams people the directory names by e-mail', () => {
  it('binds the account from the connector’s member e-mail on the first message, and asks only once', async () => {
    const logger = createMemoryLogger();
    app = await startTestApp({
      listen: true,
      logger,
      env: { TEAMS_DEV_NO_AUTH: '1', DIRECTORY_FILE: TEST_DIRECTORY_FILE },
    });
    // Not a mistake in the file: on Teams, people named by e-mail are found as they write.
    const notSeen = logger.lines.find((l) => l.message.startsWith('directory: not seen yet'));
    expect(notSeen?.fields).toMatchObject({ platform: 'teams', people: expect.stringContaining('kim') });
    expect(logger.lines.filter((l) => l.message.includes('not found'))).toEqual([]);
    expect(kimIds()).not.toContain('teams:aad-kim');

    await post(channelMention(connector.serviceUrl, KIM, 'bind norrby'));
    expect(memberCalls().map((c) => c.path)).toEqual([expect.stringMatching(/\/members\/29%3Akim$/)]);
    expect(lastInChannel()).toContain('Klart. Larm för Norrby kommer hit');
    expect(kimIds()).toContain('teams:aad-kim');

    await post(channelMention(connector.serviceUrl, KIM, 'bind norrby'));
    expect(memberCalls()).toHaveLength(1);
  });

  it('leaves someone whose address the directory does not name as they are, and keeps a learnt account over a restart', async () => {
    const stores = await createEmbeddedStores({});
    const env = { TEAMS_DEV_NO_AUTH: '1', DIRECTORY_FILE: TEST_DIRECTORY_FILE };
    app = await startTestApp({ listen: true, stores, env });
    await post(channelMention(connector.serviceUrl, STRANGER, 'bind norrby'));
    expect(lastInChannel()).toContain('Bara säkerhetsansvariga i Norrby');
    await post(channelMention(connector.serviceUrl, KIM, 'bind norrby'));
    await app.close();
    app = await startTestApp({ listen: true, stores, env });
    expect(kimIds()).toContain('teams:aad-kim');
    await app.close();
    app = null;
    await stores.close();
  });
});
