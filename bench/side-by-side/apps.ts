import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { get } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { nodeEntry, ROOT } from '../support/child';

/** A process the benchmark started: stopped by `stop()`, by pid, and nothing else. */
export interface Started {
  child: ChildProcess;
  pid: number;
  stop(): Promise<void>;
  /** The last lines it wrote to stderr (shown when it fails). */
  stderr(): string;
}

/** A port nobody listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => done(port));
    });
  });
}

/**
 * Starts a TypeScript file of the project (a path from the root) in its own Node process: compiled, `node dist/….js`
 * as production runs, or through tsx with `--tsx` (see `nodeEntry`).
 */
export function startApp(file: string, args: string[], env: Record<string, string>, nodeArgs: string[] = []): Started {
  const child = spawn(process.execPath, [...nodeArgs, ...nodeEntry(file), ...args], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? tmpdir(), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let errors = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    errors = (errors + chunk.toString()).slice(-4000);
  });
  return {
    child,
    pid: child.pid ?? -1,
    stderr: () => errors,
    stop: () =>
      new Promise((done) => {
        if (child.exitCode !== null || child.signalCode !== null) return done();
        // A process writing its CPU profile on the way out needs longer than a plain one.
        const force = setTimeout(() => child.kill('SIGKILL'), nodeArgs.length > 0 ? 60_000 : 3000);
        child.once('exit', () => {
          clearTimeout(force);
          done();
        });
        child.kill('SIGTERM');
      }),
  };
}

/** Starts a fake platform and returns it with its URL (the first line it prints). */
export async function startFake(kind: 'slack' | 'teams'): Promise<Started & { url: string }> {
  const fake = startApp('bench/side-by-side/fake-platform.ts', [kind], {});
  const lines = createInterface({ input: fake.child.stdout as NodeJS.ReadableStream });
  const url = await new Promise<string>((done, fail) => {
    lines.once('line', (line) => done((JSON.parse(line) as { url: string }).url));
    fake.child.once('exit', () => fail(new Error(`the fake ${kind} platform stopped: ${fake.stderr()}`)));
  });
  return { ...fake, url };
}

/** GETs a URL and returns its status and body (JSON parsed when it is JSON). */
export function getJson(url: string): Promise<{ status: number; body: unknown }> {
  return new Promise((done, fail) => {
    const req = get(url, { timeout: 2000 }, (res) => {
      let text = '';
      res.on('data', (chunk: Buffer) => (text += chunk.toString()));
      res.on('end', () => {
        let body: unknown = text;
        try {
          body = JSON.parse(text);
        } catch {
          // Not JSON (a health check's "ok").
        }
        done({ status: res.statusCode ?? 0, body });
      });
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', fail);
  });
}

/** Waits until `url` answers 200, or fails after `timeoutMs` (or when the process stops). */
export async function waitHealthy(url: string, app: Started, timeoutMs = 60_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (app.child.exitCode !== null) throw new Error(`the app stopped at start:\n${app.stderr()}`);
    try {
      if ((await getJson(url)).status === 200) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} did not answer 200 within ${timeoutMs} ms:\n${app.stderr()}`);
}

/** A fresh temporary data folder, removed by the returned function. */
export function tempDataDir(): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'vaktpost-bench-data-'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
