/**
 * The production path: `npm run build` compiles to dist/, and `node dist/main.js` (what `npm run start:prod` and the
 * container run) serves the web demo and the health probes on plain Node, without tsx, TypeScript or devDependencies.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const DIST = join(ROOT, 'dist');

function jsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'public' || name === 'teams' ? [] : jsFiles(path);
    return path.endsWith('.js') ? [path] : [];
  });
}

/** Waits for the server's URL on stdout (the start-up log names it), or fails with what the process printed. */
function waitForUrl(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`no URL within 20 s:\n${output}`)), 20000);
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      const match = /http:\/\/127\.0\.0\.1:(\d+)/.exec(output);
      if (match && match[1] !== '0') {
        clearTimeout(timer);
        resolve(match[0]);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`exited with ${code} before listening:\n${output}`));
    });
  });
}

describe('production build', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'vaktpost-prod-'));
  let child: ChildProcess | null = null;
  let urlOf: Promise<string> = Promise.reject(new Error('not started'));
  urlOf.catch(() => undefined);

  const stop = async (): Promise<void> => {
    if (child && child.exitCode === null) {
      const exited = new Promise((resolve) => child?.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
  };

  beforeAll(() => {
    const build = spawnSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs')], { cwd: ROOT, encoding: 'utf8' });
    if (build.status !== 0) throw new Error(`npm run build failed:\n${build.stdout}\n${build.stderr}`);
  }, 120000);

  afterAll(async () => {
    await stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('compiled code requires only runtime dependencies and Node built-ins', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { dependencies: object };
    const allowed = new Set([...Object.keys(pkg.dependencies), ...builtinModules]);
    const offenders = jsFiles(DIST).flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/require\("([^".][^"]*)"\)/g)]
        .map((m) => m[1] as string)
        .map((spec) => spec.replace(/^node:/, ''))
        .map((spec) => (spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : (spec.split('/')[0] as string)))
        .filter((name) => !allowed.has(name))
        .map((name) => `${file.slice(ROOT.length + 1)} requires ${name}`),
    );
    expect(jsFiles(DIST).length).toBeGreaterThan(50);
    expect(offenders).toEqual([]);
  });

  it('node dist/main.js serves the web demo, /healthz and /readyz', async () => {
    child = spawn(process.execPath, [join(DIST, 'main.js')], {
      cwd: ROOT,
      env: { PATH: process.env.PATH, PORT: '0', DATA_DIR: dataDir, LOG_LEVEL: 'info' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    urlOf = waitForUrl(child);
    const url = await urlOf;

    const page = await fetch(`${url}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Vaktpost');
    const script = await fetch(`${url}/web/app.js`);
    expect(script.status).toBe(200);
    const health = await fetch(`${url}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: 'ok' });
    expect((await fetch(`${url}/readyz`)).status).toBe(200);
  }, 60000);

  it("the container's health check passes against the running server and fails when nothing answers", async () => {
    const port = new URL(await urlOf).port;
    const healthcheck = (onPort: string): number | null =>
      spawnSync(process.execPath, [join(DIST, 'scripts', 'healthcheck.js')], {
        env: { PATH: process.env.PATH, PORT: onPort },
        encoding: 'utf8',
      }).status;
    expect(healthcheck(port)).toBe(0);
    await stop();
    expect(healthcheck(port)).toBe(1);
  }, 30000);
});
