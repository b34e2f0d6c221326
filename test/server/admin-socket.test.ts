import { mkdir, mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createMemoryLogger } from '../../src/ports/logger';
import type { SweepKind } from '../../src/reminders/plan';
import type { SweepOutcome } from '../../src/reminders/wiring';
import { AdminCallError, requestSweep } from '../../src/server/admin-client';
import { adminSocketPath } from '../../src/server/admin-protocol';
import { startAdminSocket, type AdminSocket } from '../../src/server/admin-socket';

/** The local admin call `npm run remind` makes to a server on its data folder (the real sweep: remind-beside-server). */
const NOW = new Date('2026-03-02T07:00:00Z');
let dataDir: string;
let socket: AdminSocket | null = null;
let asked: Array<{ at: string; kind: SweepKind }>;
const logger = createMemoryLogger();

const outcome = (at: Date, kind: SweepKind): SweepOutcome => ({
  at: at.toISOString(),
  kind,
  skipped: [],
  digests: 2,
  digestsAlreadyQueued: 0,
  escalations: [{ caseId: 'c1', number: 'VP-2026-0001', n: 1 }],
  notificationIds: ['digest:2026-03-02:web:dm:kim', 'digest:2026-03-02:web:dm:alex', 'c1:escalation-1:web:dm:kim'],
  queued: 3,
  sessionsExpired: 0,
  delivery: { sent: 3, pending: 0, dead: 0 },
});

const start = async (): Promise<AdminSocket> => {
  const started = await startAdminSocket({
    dataDir,
    now: () => NOW,
    logger,
    sweep: (at, kind) => {
      asked.push({ at: at.toISOString(), kind });
      return Promise.resolve(outcome(at, kind));
    },
  });
  if (!started) throw new Error('no admin socket');
  socket = started;
  return started;
};

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'vaktpost-admin-'));
  asked = [];
});
afterEach(async () => {
  await socket?.close();
  socket = null;
  await rm(dataDir, { recursive: true, force: true });
});

function rawPost(path: string, body: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ socketPath: adminSocketPath(dataDir), path, method: 'POST' }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('the admin socket', () => {
  it('runs the sweep it is asked for and answers with what the sweep did', async () => {
    await start();
    expect(await requestSweep(dataDir, new Date('2026-03-02T06:55:00Z'), 'escalation')).toEqual(
      outcome(new Date('2026-03-02T06:55:00Z'), 'escalation'),
    );
    // Without --at: the server's own now.
    expect((await requestSweep(dataDir, null, 'both'))?.at).toBe(NOW.toISOString());
    expect(asked).toEqual([
      { at: '2026-03-02T06:55:00.000Z', kind: 'escalation' },
      { at: NOW.toISOString(), kind: 'both' },
    ]);
  });

  it('lives in a folder only the server’s user can enter, as a socket only that user can open', async () => {
    const { path } = await start();
    expect(path).toBe(join(dataDir, 'admin', 'vaktpost.sock'));
    expect((await stat(join(dataDir, 'admin'))).mode & 0o777).toBe(0o700);
    const file = await stat(path);
    expect(file.isSocket()).toBe(true);
    expect(file.mode & 0o777).toBe(0o600);
  });

  it('narrows a folder left with wider rights and replaces a socket file left by a killed server', async () => {
    await mkdir(join(dataDir, 'admin'), { mode: 0o755 });
    await writeFile(adminSocketPath(dataDir), 'left over');
    await start();
    expect((await stat(join(dataDir, 'admin'))).mode & 0o777).toBe(0o700);
    expect((await requestSweep(dataDir, null, 'digest'))?.kind).toBe('digest');
    await socket?.close();
    socket = null;
    await expect(stat(adminSocketPath(dataDir))).rejects.toThrow(/ENOENT/);
  });

  it('refuses a moment ahead of its clock, whose messages would wait until then, and sweeps nothing', async () => {
    await start();
    await expect(requestSweep(dataDir, new Date('2026-03-03T07:00:00Z'), 'both')).rejects.toThrow(
      new AdminCallError(
        "--at 2026-03-03T07:00:00.000Z is ahead of the running server's clock (2026-03-02T07:00:00.000Z): what a " +
          'sweep queues is due at its own time, so it would wait until then. Leave out --at, or give a time that has ' +
          'passed.',
      ),
    );
    expect(asked).toEqual([]);
  });

  it('answers anything but a sweep request with what is wrong, and sweeps nothing', async () => {
    await start();
    expect(await rawPost('/sweep', '{"at":"tomorrow","kind":"both"}')).toEqual({
      status: 400,
      body: JSON.stringify({ error: 'Not a sweep request:\n  - at: Invalid datetime' }),
    });
    expect((await rawPost('/sweep', 'not json')).status).toBe(400);
    expect((await rawPost('/sweep', JSON.stringify({ at: null, kind: 'both', extra: 1 }))).status).toBe(400);
    expect((await rawPost('/erase', '{}')).status).toBe(404);
    expect((await rawPost('/sweep', 'x'.repeat(10_000))).status).toBe(400);
    expect(asked).toEqual([]);
  });

  it('says "nobody there" when no server listens, so remind can refuse', async () => {
    expect(await requestSweep(dataDir, null, 'both')).toBeNull();
    await mkdir(join(dataDir, 'admin'));
    await writeFile(adminSocketPath(dataDir), '');
    expect(await requestSweep(dataDir, null, 'both')).toBeNull();
  });

  it('is not started where the path is too long for a unix socket (Node would bind a cut-off path)', async () => {
    const deep = join(dataDir, 'd'.repeat(100));
    const memory = createMemoryLogger();
    const started = await startAdminSocket({
      dataDir: deep,
      now: () => NOW,
      logger: memory,
      sweep: () => {
        throw new Error('not called');
      },
    });
    expect(started).toBeNull();
    expect(memory.lines.map((l) => l.message)).toEqual([
      'admin socket not started: the data folder path is too long for a unix socket',
    ]);
  });
});
