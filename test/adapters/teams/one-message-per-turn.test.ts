import { startTestApp, type TestApp } from '../../support/app-harness';
import { personalConversation, personalMessage, type Person } from './activities';
import { startFakeConnector, type ConnectorCall, type FakeConnector } from './fake-connector';

/**
 * A turn answers with one message wherever one can carry it: in Teams the greeting and the first question are one
 * card, and each answer brings one card, not a line of the bot's own and then the question.
 */
const MIRA: Person = { teamsId: '29:mira', aadObjectId: 'aad-mira', name: 'Mira Medlem' };

type Node = Record<string, unknown>;

function nodes(value: unknown): Node[] {
  if (Array.isArray(value)) return value.flatMap(nodes);
  if (typeof value !== 'object' || value === null) return [];
  return [value as Node, ...Object.values(value).flatMap(nodes)];
}

/** What a person reads of a card: its texts, one per line. */
function textOf(call: ConnectorCall | undefined): string {
  return nodes(call?.body.attachments)
    .flatMap((n) => (n.type === 'TextRun' ? [String(n.text)] : []))
    .join('\n');
}

let connector: FakeConnector;
let app: TestApp;

beforeEach(async () => {
  connector = await startFakeConnector();
  app = await startTestApp({ listen: true, env: { TEAMS_DEV_NO_AUTH: '1' } });
});
afterEach(async () => {
  await app.close();
  await connector.close();
});

async function say(text: string): Promise<void> {
  const res = await fetch(`${app.vaktpost.url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(personalMessage(connector.serviceUrl, MIRA, text)),
  });
  expect(res.status).toBeLessThan(300);
  await app.flush();
}

const sent = () => connector.calls.filter((c) => c.conversationId === personalConversation(MIRA) && c.kind !== 'other');

describe('Teams: one message per turn', () => {
  it('greets and asks the first question in one card, then one card per answer', async () => {
    await say('hej');
    expect(sent()).toHaveLength(1);
    const card = textOf(sent()[0]);
    expect(card).toMatch(/^Hej, jag är Vaktpost/);
    expect(card).toMatch(/fara/);

    await say('nej');
    expect(sent()).toHaveLength(2);
    await say('1');
    expect(sent()).toHaveLength(3);
  });
});
