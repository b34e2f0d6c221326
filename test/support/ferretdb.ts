import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join, resolve } from 'node:path';

/** The FerretDB release the MongoDB store's tests run against when no MONGODB_URI is given. */
export const FERRETDB_VERSION = 'v1.24.2';

const INSTALL_SCRIPT = resolve(__dirname, '../../scripts/install-ferretdb.sh');
const MISSING_MESSAGE =
  'The MongoDB store tests need a MongoDB server: set MONGODB_URI to a MongoDB server, or install Go so the test ' +
  `setup can build FerretDB ${FERRETDB_VERSION} (scripts/install-ferretdb.sh).`;
const START_TIMEOUT_MS = 20_000;

/** A FerretDB process started for the tests. */
export interface RunningFerretDb {
  /** Connection string, e.g. mongodb://127.0.0.1:40123/ */
  uri: string;
  /** Stops the process and removes its data directory. */
  stop(): Promise<void>;
}

function isExecutable(path: string): boolean {
  return existsSync(path) && spawnSync(path, ['--version'], { stdio: 'ignore' }).status === 0;
}

function onPath(command: string): string | null {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    const candidate = join(dir, command);
    if (dir !== '' && existsSync(candidate)) return candidate;
  }
  return null;
}

function goBinDir(): string | null {
  const go = onPath('go');
  if (go === null) return null;
  const gopath = spawnSync(go, ['env', 'GOPATH'], { encoding: 'utf8' });
  return gopath.status === 0 && gopath.stdout.trim() !== '' ? join(gopath.stdout.trim(), 'bin') : null;
}

/**
 * Finds the FerretDB binary (FERRETDB_BIN, then Go's bin directory, then PATH) and, when it is missing but Go is
 * installed, builds it with scripts/install-ferretdb.sh. Throws with both ways out when neither works, because a
 * silently skipped MongoDB suite would hide a broken store.
 */
export function findOrInstallFerretDb(): string {
  const fromEnv = process.env.FERRETDB_BIN;
  if (fromEnv !== undefined && fromEnv !== '' && isExecutable(fromEnv)) return fromEnv;
  const goBin = goBinDir();
  const candidates = [goBin === null ? null : join(goBin, 'ferretdb'), onPath('ferretdb')];
  for (const candidate of candidates) if (candidate !== null && isExecutable(candidate)) return candidate;
  if (goBin === null) throw new Error(MISSING_MESSAGE);
  const install = spawnSync('bash', [INSTALL_SCRIPT], { stdio: ['ignore', 'inherit', 'inherit'] });
  const target = fromEnv !== undefined && fromEnv !== '' ? fromEnv : join(goBin, 'ferretdb');
  if (install.status !== 0 || !isExecutable(target)) {
    throw new Error(`${MISSING_MESSAGE} Building FerretDB with Go failed (exit ${String(install.status)}).`);
  }
  return target;
}

/** A port nobody listens on right now: the kernel picks it for a throw-away listener. */
async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => (port > 0 ? resolvePort(port) : reject(new Error('no free port'))));
    });
  });
}

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolveConnect) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolveConnect(true);
    });
    socket.once('error', () => resolveConnect(false));
  });
}

function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolveStop) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 5000);
    child.once('exit', () => {
      clearTimeout(force);
      resolveStop();
    });
    child.kill('SIGTERM');
  });
}

/**
 * Starts FerretDB on SQLite in a fresh temporary directory, on 127.0.0.1 and a free port, with telemetry and the
 * debug listener off, and waits until it accepts connections.
 */
export async function startFerretDb(binary: string): Promise<RunningFerretDb> {
  const dir = mkdtempSync(join(tmpdir(), 'vaktpost-ferretdb-'));
  const port = await freePort();
  const child = spawn(
    binary,
    [
      '--handler=sqlite',
      `--sqlite-url=file:${dir}/`,
      `--state-dir=${dir}`,
      `--listen-addr=127.0.0.1:${port}`,
      '--telemetry=disable',
      '--debug-addr=-',
      '--log-level=warn',
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString('utf8')).slice(-4000);
  });
  // Should Jest's parent process end without running global teardown, the server must not outlive it.
  const killOnExit = (): void => {
    child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  };
  process.once('exit', killOnExit);
  const stop = async (): Promise<void> => {
    process.removeListener('exit', killOnExit);
    await stopProcess(child);
    rmSync(dir, { recursive: true, force: true });
  };
  const lastLines = (): string => stderr.trim().split('\n').slice(-10).join('\n') || '(no output)';

  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      await stop();
      throw new Error(
        `FerretDB (${binary}) exited during start-up (${child.exitCode ?? child.signalCode}):\n${lastLines()}`,
      );
    }
    if (await canConnect(port)) return { uri: `mongodb://127.0.0.1:${port}/`, stop };
    await new Promise((wait) => setTimeout(wait, 100));
  }
  await stop();
  throw new Error(`FerretDB (${binary}) did not accept connections on port ${port} within 20 s:\n${lastLines()}`);
}

/** Where global set-up leaves the running server for global teardown (both run in Jest's parent process). */
export const FERRETDB_HANDLE = Symbol.for('vaktpost.test.ferretdb');
