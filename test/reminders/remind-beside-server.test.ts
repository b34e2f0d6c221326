import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createVaktpost, type Vaktpost } from '../../main';
import { ACTION } from '../../src/engine/actions';
import { TEST_DIRECTORY_FILE } from '../support/app-harness';

/**
 * `npm run remind` beside a running server on the same DATA_DIR used to write revisions the server overwrote. Now the
 * embedded store has one writer per folder: the sweep refuses and changes nothing, the server's work is kept.
 */
const ROOT = resolve(__dirname, '../..');
let dataDir: string;
let server: Vaktpost | null = null;

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'vaktpost-remind-'));
});
afterEach(async () => {
  await server?.close();
  server = null;
  await rm(dataDir, { recursive: true, force: true });
});

const env = () => ({ DATA_DIR: dataDir, DIRECTORY_FILE: TEST_DIRECTORY_FILE, LOG_LEVEL: 'silent', PORT: '0' });

async function startServer(): Promise<Vaktpost> {
  return createVaktpost({ env: env(), listen: false, schedule: false, dispatchIntervalMs: 0 });
}

const say = (v: Vaktpost, account: string, text: string) =>
  v.bot.handleTurn({
    eventId: `${account}-${text}-${Math.random()}`,
    platform: 'console',
    address: `console:dm:${account}`,
    isDirect: true,
    user: { id: `console:${account}`, displayName: account, locale: 'sv-SE' },
    ...(text.startsWith('press:') ? { action: { id: ACTION.caseTake, value: text.slice(6) } } : { text }),
  });

describe('npm run remind beside a running server on the same DATA_DIR', () => {
  it('refuses with a message naming the folder and the server process, and loses nothing of the server', async () => {
    server = await startServer();
    for (const text of ['hej', 'nej', '1', 'hot', 'Någon hotade mig.', 'e-post', 'igår', '1', 'skicka']) {
      await say(server, 'mira', text);
    }
    const [c] = await server.stores.cases.list({});
    if (!c) throw new Error('no case');

    // The real command, as an operator runs it, while the server runs.
    const remind = spawnSync(join(ROOT, 'node_modules/.bin/tsx'), ['scripts/remind.ts'], {
      cwd: ROOT,
      env: { ...process.env, ...env() },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(remind.status).toBe(1);
    expect(remind.stderr).toContain('already sends the daily digest');
    expect(remind.stderr).toContain(resolve(dataDir));
    expect(remind.stderr).toContain(`process ${process.pid}`);

    // Meanwhile a contact takes the case in the server; after a restart it is all there.
    await say(server, 'kim', `press:${c.id}`);
    await server.flush();
    await server.close();
    server = await startServer();
    const after = await server.stores.cases.get(c.id);
    expect(after?.owner?.userId).toBe('console:kim');
    expect(after?.timeline.map((e) => e.kind)).toEqual(expect.arrayContaining(['submitted', 'taken']));
  });
});
