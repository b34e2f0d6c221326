import { spawn, type ChildProcess } from 'node:child_process';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createVaktpost } from '../../main';
import { FakeSlackApi } from '../adapters/slack/fake-slack-api';
import { asEvent, messageIm } from '../adapters/slack/payloads';
import { postSigned } from '../adapters/slack/sign';

/**
 * The chaos run: a member's Slack report is submitted to the REAL process (`tsx main.ts`, embedded store, the fake
 * Slack Web API), which is killed with SIGKILL at a random moment between the submit's arrival and the end of
 * delivery, then started again on the same data. Like Slack, the test delivers the event again when the first try got
 * no 200. Counted per run: the report lost (no case reached anyone), duplicate alerts, receipts missing or twice.
 */
const ROOT = resolve(__dirname, '../..');
const SECRET = 'chaos-signing-secret';
const DIRECTORY = resolve(ROOT, 'test/adapters/slack/directory.slack.yml');
const CHANNEL = 'C0NORRBY';
const DM = 'D0MIRA';
const ANSWERS = ['hej', 'nej', '1', 'hot', 'Någon hotade mig utanför kommunhuset.', 'e-post', 'igår', '1'];

export interface ChaosResult {
  runs: number;
  lost: number;
  duplicateAlerts: number;
  receiptsMissing: number;
  receiptsTwice: number;
  guidanceMissing: number;
  killDelaysMs: number[];
}

async function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => done(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

function envFor(dataDir: string, port: number, fake: FakeSlackApi): Record<string, string> {
  return {
    DATA_DIR: dataDir,
    DIRECTORY_FILE: DIRECTORY,
    PORT: String(port),
    HOST: '127.0.0.1',
    SLACK_BOT_TOKEN: 'xoxb-chaos',
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_API_URL: fake.url,
    LOG_LEVEL: 'silent',
  };
}

/** A template data folder with Mira's urgent report at its summary, written by the app itself. */
async function seed(fake: FakeSlackApi): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'vaktpost-chaos-seed-'));
  const app = await createVaktpost({
    env: envFor(dir, 0, fake),
    listen: false,
    schedule: false,
    dispatchIntervalMs: 0,
  });
  for (const [i, text] of ANSWERS.entries()) {
    await app.bot.handleTurn({
      eventId: `seed-${i}`,
      platform: 'slack',
      address: 'slack:dm:U0MIRA',
      isDirect: true,
      user: { id: 'slack:U0MIRA', displayName: 'Mira Medlem', locale: 'sv-SE' },
      text,
    });
  }
  await app.flush();
  await app.close();
  return dir;
}

/** What the processes wrote to stderr, for the error when one does not start. */
let stderr = '';

function startProcess(env: Record<string, string>): ChildProcess {
  const child = spawn(join(ROOT, 'node_modules/.bin/tsx'), ['main.ts'], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = `${stderr}${chunk.toString('utf8')}`.slice(-4000);
  });
  return child;
}

async function waitUntil(check: () => boolean | Promise<boolean>, timeoutMs: number): Promise<boolean> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, 25));
  }
  return false;
}

async function ready(port: number): Promise<boolean> {
  return waitUntil(async () => {
    try {
      return (await fetch(`http://127.0.0.1:${port}/healthz`)).ok;
    } catch {
      return false;
    }
  }, 60_000);
}

async function kill(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill(signal);
  await exited;
}

const texts = (fake: FakeSlackApi, channel: string) => fake.messagesIn(channel).map((m) => m.text);

/** Runs `runs` kill-and-restart rounds; `maxKillMs` bounds the random moment of the kill after the submit is sent. */
export async function runSlackChaos(runs: number, maxKillMs = 600): Promise<ChaosResult> {
  const result: ChaosResult = {
    runs: 0,
    lost: 0,
    duplicateAlerts: 0,
    receiptsMissing: 0,
    receiptsTwice: 0,
    guidanceMissing: 0,
    killDelaysMs: [],
  };
  for (let run = 0; run < runs; run += 1) {
    const fake = await FakeSlackApi.start();
    fake.users.set('U0MIRA', { name: 'mira', realName: 'Mira Medlem', locale: 'sv-SE' });
    const template = await seed(fake);
    const dataDir = await mkdtemp(join(tmpdir(), 'vaktpost-chaos-'));
    await cp(template, dataDir, { recursive: true });
    await rm(template, { recursive: true, force: true });
    const before = { channel: texts(fake, CHANNEL).length, dm: texts(fake, DM).length };
    try {
      const port = await freePort();
      const env = envFor(dataDir, port, fake);
      const first = startProcess(env);
      if (!(await ready(port))) throw new Error(`the process did not start:\n${stderr}`);
      const submit = asEvent(messageIm('U0MIRA', 'skicka', { eventId: `EvChaos${run}` }));
      const url = `http://127.0.0.1:${port}/slack/events`;
      const delay = Math.floor(Math.random() * maxKillMs);
      result.killDelaysMs.push(delay);
      const acked = postSigned(url, submit.body, submit.contentType, { secret: SECRET }).then(
        (answer) => answer.status === 200,
        () => false,
      );
      await new Promise((r) => setTimeout(r, delay));
      await kill(first, 'SIGKILL');
      const wasAcked = await acked;

      const second = startProcess(env);
      if (!(await ready(port))) throw new Error(`the process did not start again:\n${stderr}`);
      // Slack delivers an event again when it got no 200 in time.
      if (!wasAcked) await postSigned(url, submit.body, submit.contentType, { secret: SECRET, retryNum: 1 });
      const alerts = () =>
        texts(fake, CHANNEL)
          .slice(before.channel)
          .filter((t) => /VP-\d{4}-\d{4}/.test(t));
      const receipts = () =>
        texts(fake, DM)
          .slice(before.dm)
          .filter((t) => /mottagen som ärende/.test(t));
      await waitUntil(() => alerts().length > 0 && receipts().length > 0, 20_000);
      // A little longer, so a duplicate that would come has the time to.
      await new Promise((r) => setTimeout(r, 500));
      await kill(second, 'SIGTERM');

      result.runs += 1;
      if (alerts().length === 0 && receipts().length === 0) result.lost += 1;
      if (alerts().length > 1) result.duplicateAlerts += 1;
      if (receipts().length === 0) result.receiptsMissing += 1;
      if (receipts().length > 1) result.receiptsTwice += 1;
      // The 112 guidance was shown when the member said someone is in danger; it must not be lost either.
      if (!texts(fake, DM).some((t) => /112/.test(t))) result.guidanceMissing += 1;
    } finally {
      await fake.close();
      await rm(dataDir, { recursive: true, force: true });
    }
  }
  return result;
}

/** The line the chaos run prints. */
export function describeChaos(name: string, r: ChaosResult): string {
  return (
    `${name}: runs ${r.runs}, lost ${r.lost}, duplicate alerts ${r.duplicateAlerts}, receipts missing ` +
    `${r.receiptsMissing} (twice: ${r.receiptsTwice}, 112 guidance missing: ${r.guidanceMissing}); kill after ` +
    `${Math.min(...r.killDelaysMs)}–${Math.max(...r.killDelaysMs)} ms`
  );
}
