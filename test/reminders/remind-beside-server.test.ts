import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createVaktpost, type Vaktpost } from '../../main';
import { ACTION } from '../../src/engine/actions';
import type { Clock } from '../../src/ports/clock';
import { TEST_DIRECTORY_FILE } from '../support/app-harness';
import { freePort } from '../chaos/child-process';

/**
 * `npm run remind` beside a running server on the same DATA_DIR used to write revisions the server overwrote (issue
 * 10: an escalation and a take both wrote revision 3). Now the server holds the folder's lock and `remind` asks it,
 * over the folder's admin socket, to run the sweep itself: one writer, nothing lost.
 */
const ROOT = resolve(__dirname, '../..');
const TSX = join(ROOT, 'node_modules/.bin/tsx');
const REPORT = ['hej', 'nej', '1', 'hot', 'Någon hotade mig.', 'e-post', 'igår', '1', 'skicka'];
jest.setTimeout(120_000);

let dataDir: string;
const children: ChildProcess[] = [];
let inProcess: Vaktpost | null = null;

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'vaktpost-remind-'));
});
afterEach(async () => {
  // SIGTERM, which tsx passes on to the node process it started (a SIGKILL would leave that one running).
  for (const child of children.splice(0)) await stop(child, 'SIGTERM');
  await inProcess?.close();
  inProcess = null;
  await rm(dataDir, { recursive: true, force: true });
});

const env = (extra: Record<string, string> = {}): Record<string, string> => ({
  DATA_DIR: dataDir,
  DIRECTORY_FILE: TEST_DIRECTORY_FILE,
  LOG_LEVEL: 'silent',
  PORT: '0',
  HOST: '127.0.0.1',
  ...extra,
});

/** The app in this process, on the test's data folder, as a one-off tool would open it. */
const openHere = (options: { clock?: Clock; admin?: boolean } = {}): Promise<Vaktpost> =>
  createVaktpost({ env: env(), listen: false, schedule: false, dispatchIntervalMs: 0, ...options });

const webTurn = (account: string, body: { text: string } | { action: { id: string; value: string } }) => ({
  eventId: randomUUID(),
  platform: 'web',
  address: `web:dm:${account}`,
  isDirect: true,
  user: { id: `web:${account}`, displayName: account, locale: 'sv-SE' },
  ...body,
});

/** Mira's two reports, written five hours ago (both are past their escalation window now); returns their ids. */
async function twoOldReports(): Promise<string[]> {
  const app = await openHere({ clock: { now: () => new Date(Date.now() - 5 * 60 * 60_000) }, admin: false });
  for (let report = 0; report < 2; report += 1) {
    for (const text of REPORT) await app.bot.handleTurn(webTurn('mira', { text }));
  }
  await app.flush();
  const ids = (await app.stores.cases.list({})).sort((a, b) => a.number.localeCompare(b.number)).map((c) => c.id);
  await app.close();
  return ids;
}

/** A child process with its output collected; `lines` grows as it writes. */
interface Running {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  exited: Promise<number | null>;
}

function run(args: string[], extraEnv: Record<string, string>): Running {
  const child = spawn(TSX, args, { cwd: ROOT, env: { ...process.env, ...env(extraEnv) } });
  children.push(child);
  let out = '';
  let err = '';
  child.stdout?.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
  child.stderr?.on('data', (chunk: Buffer) => (err += chunk.toString('utf8')));
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  return { child, stdout: () => out, stderr: () => err, exited };
}

async function stop(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((done) => child.once('exit', done));
  child.kill(signal);
  const force = setTimeout(() => child.kill('SIGKILL'), 20_000);
  await exited;
  clearTimeout(force);
}

async function waitFor(
  what: string,
  check: () => boolean | Promise<boolean>,
  timeoutMs = 60_000,
  everyMs = 20,
): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, everyMs));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** A press in the web demo, sent as the page sends it (same origin, JSON). */
function press(port: number, account: string, actionId: string, value: string): Promise<number> {
  const body = JSON.stringify({ eventId: randomUUID(), as: account, action: { id: actionId, value } });
  return new Promise((done, fail) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: '/web/turn',
        headers: { Origin: `http://127.0.0.1:${port}`, 'Content-Type': 'application/json' },
      },
      (res) => {
        res.resume();
        res.on('end', () => done(res.statusCode ?? 0));
      },
    );
    req.on('error', fail);
    req.end(body);
  });
}

const healthy = (port: number) => async (): Promise<boolean> => {
  try {
    return (await fetch(`http://127.0.0.1:${port}/healthz`)).ok;
  } catch {
    return false;
  }
};

describe('npm run remind beside a running server on the same DATA_DIR', () => {
  it('has the server run the sweep while a contact takes a case there; after a restart both are in the timelines', async () => {
    const [taken, other] = (await twoOldReports()) as [string, string];
    const port = await freePort();
    // The real server, as `npm start` runs it (JSON log lines on stdout: the test watches for the admin call).
    // Its own schedules never fire during the test (1 January, 03:00): a sweep it ran on the five minutes just
    // before remind's would leave remind nothing to escalate.
    const server = run(['main.ts'], {
      PORT: String(port),
      LOG_LEVEL: 'info',
      LOG_FORMAT: 'json',
      ESCALATION_CRON: '0 3 1 1 *',
      REMINDER_CRON: '0 3 1 1 *',
    });
    await waitFor('the server to answer /healthz', healthy(port));

    // A second `npm start` on the folder exits at once, naming it and the running server, and changes nothing.
    const second = run(['main.ts'], { PORT: String(await freePort()) });
    expect(await second.exited).toBe(1);
    // (The process named is the server's node, a child of the tsx launcher this test started.)
    expect(second.stderr()).toContain(`The data folder ${resolve(dataDir)} is in use by process `);

    // The real command, as an operator runs it, beside the server.
    const remind = run(['scripts/remind.ts'], {});
    await waitFor(
      'the server to get the sweep request',
      () => server.stdout().includes('admin: sweep asked for'),
      60_000,
      2,
    );
    // While the sweep runs in the server (it logs "done" at its end), Kim takes the first case there.
    const pressed = press(port, 'kim', ACTION.caseTake, taken);
    expect(server.stdout()).not.toContain('admin: sweep done');
    expect(await pressed).toBe(200);

    expect(await remind.exited).toBe(0);
    const printed = remind.stdout();
    expect(printed).toMatch(/^The Vaktpost server \(process \d+\) runs on .*: it ran the sweep\.$/m);
    expect(printed).toMatch(/^Sweep at .* \(digest \+ escalation\)$/m);
    expect(printed).not.toContain('Någon hotade');

    await stop(server.child, 'SIGTERM');
    expect(server.child.exitCode).toBe(0);

    // Restarted on the same data: the server's take and the sweep's escalations are both there.
    inProcess = await openHere({ admin: false });
    const takenCase = await inProcess.stores.cases.get(taken);
    const otherCase = await inProcess.stores.cases.get(other);
    if (!takenCase || !otherCase) throw new Error('a case is gone');
    expect(takenCase.owner?.userId).toBe('web:kim');
    expect(takenCase.timeline.map((e) => e.kind)).toEqual(expect.arrayContaining(['submitted', 'taken']));
    // Nobody took the other case: the sweep escalated it, and remind said so.
    expect(otherCase.owner).toBeNull();
    expect(otherCase.timeline.filter((e) => e.kind === 'escalated')).toHaveLength(1);
    expect(printed).toContain(`Escalated: `);
    expect(printed).toContain(`${otherCase.number} (reminder 1)`);
    // The taken case was escalated too if the sweep reached it before the take, and then that is kept as well.
    const escalatedTaken = printed.includes(`${takenCase.number} (reminder 1)`);
    expect(takenCase.timeline.filter((e) => e.kind === 'escalated')).toHaveLength(escalatedTaken ? 1 : 0);
  });

  it('refuses, changing nothing, when the server does not answer on the admin socket', async () => {
    inProcess = await openHere({ admin: false });
    const remind = run(['scripts/remind.ts'], {});
    expect(await remind.exited).toBe(1);
    expect(remind.stderr()).toContain('did not answer on its admin socket');
    expect(remind.stderr()).toContain('already sends the daily digest');
    expect(remind.stderr()).toContain(resolve(dataDir));
    expect(remind.stderr()).toContain(`process ${process.pid}`);
  });
});
