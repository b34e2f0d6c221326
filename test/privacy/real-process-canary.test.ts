import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createVaktpost } from '../../main';
import { FakeSlackApi } from '../adapters/slack/fake-slack-api';
import { freePort, processEnv, startVaktpost, stop, waitUntil, type VaktpostProcess } from '../chaos/child-process';
import { postSlackMessage, REPORT_ANSWERS, slackEnv } from '../chaos/slack-chaos';

/**
 * The README's "never in logs, never in clear on disk, never in the channel", for a whole report as a member sends
 * it: the real `main.ts` process at LOG_LEVEL=debug, signed Slack events over HTTP, replies and the alert to the fake
 * Slack Web API, the embedded store in a data folder of its own. Canaries in the member's words (the description and
 * what she adds after submitting) and in her Slack profile name: none reaches a log line, a file under DATA_DIR or
 * the channel, while the case, opened again from that folder, holds her words.
 */
const WORDS = 'KANARIEORD7781';
const ADDED = 'KANARIETILLAGG3342';
const PROFILE_NAME = 'Kanarieprofil Medlemsson';
const CHANNEL = 'C0NORRBY';
const DM = 'D0MIRA';

let fake: FakeSlackApi;
let dataDir: string;
let vaktpost: VaktpostProcess | null = null;

beforeEach(async () => {
  fake = await FakeSlackApi.start();
  fake.users.set('U0MIRA', { name: 'mira', realName: PROFILE_NAME, locale: 'sv-SE' });
  dataDir = await mkdtemp(join(tmpdir(), 'vaktpost-canary-process-'));
});
afterEach(async () => {
  if (vaktpost) await stop(vaktpost, 'SIGKILL');
  await fake.close();
  await rm(dataDir, { recursive: true, force: true });
});

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

it('keeps a report out of the logs, the data files and the channel, and the owner can still read it', async () => {
  const env = { ...processEnv(slackEnv(fake), dataDir, await freePort()), LOG_LEVEL: 'debug' };
  vaktpost = await startVaktpost(env, 'Vaktpost did not start', true);
  const running = vaktpost;
  const answers = REPORT_ANSWERS.map((a, i) => (i === 4 ? `${a} Han skrev ${WORDS} på min dörr.` : a));
  for (const [i, text] of [...answers, 'skicka'].entries()) {
    expect(await postSlackMessage(running.url, 'U0MIRA', text, `EvCanary${i}`)).toBe(true);
  }
  const receipt = () => fake.messagesIn(DM).some((m) => /VP-\d{4}-\d+/.test(JSON.stringify(m)));
  expect(await waitUntil(() => fake.messagesIn(CHANNEL).length > 0 && receipt(), 30_000)).toBe(true);
  const before = fake.messagesIn(DM).length;
  expect(await postSlackMessage(running.url, 'U0MIRA', `Jag glömde: ${ADDED}`, 'EvCanaryAdded')).toBe(true);
  expect(await waitUntil(() => fake.messagesIn(DM).length > before, 30_000)).toBe(true);
  await stop(running, 'SIGTERM');
  vaktpost = null;

  // The process did log (at debug level), so an empty output cannot pass this.
  expect(running.output()).toMatch(/listening|started|ready/i);
  for (const canary of [WORDS, ADDED, PROFILE_NAME]) expect(running.output()).not.toContain(canary);
  for (const file of await filesUnder(dataDir)) {
    const bytes = await readFile(file);
    for (const canary of [WORDS, ADDED, PROFILE_NAME])
      expect({ file, found: bytes.includes(canary) }).toEqual({
        file,
        found: false,
      });
  }
  const channel = JSON.stringify(fake.messagesIn(CHANNEL));
  for (const canary of [WORDS, ADDED, PROFILE_NAME]) expect(channel).not.toContain(canary);

  // Opened again from the same folder and key, the case holds the member's words.
  const app = await createVaktpost({ env, listen: false, schedule: false, dispatchIntervalMs: 0 });
  try {
    const [theCase] = await app.stores.cases.list({ reporterUserId: 'slack:U0MIRA' });
    expect(theCase?.report.description).toContain(WORDS);
  } finally {
    await app.close();
  }
}, 120_000);
