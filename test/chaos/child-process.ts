import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { resolve } from 'node:path';

/**
 * The real Vaktpost as a child process (main.ts under tsx's loader, as `npm start` runs it), for the chaos, outage and
 * flood runs: started on a free port with the environment given, waited for until /healthz answers, killed by its pid.
 */
export const ROOT = resolve(__dirname, '../..');

/** A running `main.ts`. */
export interface VaktpostProcess {
  child: ChildProcess;
  /** http://127.0.0.1:<port> */
  url: string;
  /** The last few kilobytes it wrote to stderr, for the error when it does not start. */
  stderr(): string;
  /** Everything it wrote to stdout and stderr (its log lines), when started with `keepOutput`. */
  output(): string;
}

/** A port nothing listens on right now (the process is told it in PORT; 0 would hide it from us). */
export async function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => done(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

export async function waitUntil(
  check: () => boolean | Promise<boolean>,
  timeoutMs: number,
  pollMs = 25,
): Promise<boolean> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, pollMs));
  }
  return false;
}

/**
 * Starts `main.ts` with `env` over the test process's environment; does not wait for it (see `ready`). Node itself
 * with tsx's loader, not the `tsx` command: that one runs the program in a second process and passes on only the
 * signals it can catch, so a SIGKILL would kill the wrapper and leave Vaktpost running as an orphan.
 */
export function spawnVaktpost(env: Record<string, string>, keepOutput = false): VaktpostProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', 'main.ts'], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', keepOutput ? 'pipe' : 'ignore', 'pipe'],
  });
  let stderr = '';
  let output = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = `${stderr}${chunk.toString('utf8')}`.slice(-4000);
    if (keepOutput) output += chunk.toString('utf8');
  });
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString('utf8');
  });
  return { child, url: `http://127.0.0.1:${env.PORT ?? ''}`, stderr: () => stderr, output: () => output };
}

/** Resolves when the process answers /healthz; throws with its stderr when it does not within a minute. */
export async function ready(vaktpost: VaktpostProcess, what = 'the process did not start'): Promise<void> {
  const up = await waitUntil(async () => {
    if (vaktpost.child.exitCode !== null) return false;
    try {
      return (await fetch(`${vaktpost.url}/healthz`)).ok;
    } catch {
      return false;
    }
  }, 60_000);
  if (!up) {
    await stop(vaktpost, 'SIGKILL');
    throw new Error(`${what}:\n${vaktpost.stderr()}`);
  }
}

/** The environment of a process on `dataDir` and `port`, quiet, on 127.0.0.1, beside the platform's settings. */
export function processEnv(platform: Record<string, string>, dataDir: string, port: number): Record<string, string> {
  return { ...platform, DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'silent' };
}

/** Starts `main.ts` and waits until it serves. */
export async function startVaktpost(
  env: Record<string, string>,
  what?: string,
  keepOutput = false,
): Promise<VaktpostProcess> {
  const vaktpost = spawnVaktpost(env, keepOutput);
  await ready(vaktpost, what);
  return vaktpost;
}

/** Sends the signal to this process (by its pid) and waits until it has exited. */
export async function stop(vaktpost: VaktpostProcess, signal: NodeJS.Signals): Promise<void> {
  const { child } = vaktpost;
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill(signal);
  await exited;
}
