import { spawn } from 'node:child_process';
import { resolve } from 'node:path';

/**
 * Whether this benchmark runs compiled (`npm run bench`: dist/bench/…/*.js, built by `scripts/build.mjs --bench`) or
 * from source through tsx (`npm run bench -- --tsx`). Its children run the same way.
 */
export const COMPILED = __filename.endsWith('.js');

/** The project root, where the benchmark's children run (they read directory.example.yml from there). */
export const ROOT = resolve(__dirname, COMPILED ? '../../..' : '../..');

/**
 * How Node runs a TypeScript file of the project (a path from the root, e.g. `main.ts`): compiled, `dist/main.js` as
 * production's `npm run start:prod` does; from source, `--import tsx main.ts`.
 */
export function nodeEntry(file: string): string[] {
  if (!COMPILED) return ['--import', 'tsx', resolve(ROOT, file)];
  return [resolve(ROOT, 'dist', file.replace(/\.ts$/, '.js'))];
}

/** How the children run, for the benchmark's first line. */
export const HOW_RUN = COMPILED
  ? 'compiled: node dist/main.js and node dist/bench/…js'
  : 'from source through tsx (--tsx)';

/**
 * Runs a TypeScript file of the benchmark in a fresh Node process (compiled or through tsx, see `nodeEntry`) and
 * returns the last line it printed, parsed as JSON. A child that fails or prints no JSON rejects with its stderr.
 */
export function runChild<T>(
  file: string,
  args: string[],
  nodeArgs: string[] = [],
  timeoutMs = 30 * 60_000,
): Promise<T> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [...nodeArgs, ...nodeEntry(file), ...args], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      const last = out.trim().split('\n').pop() ?? '';
      try {
        if (code !== 0) throw new Error(`exit ${String(code ?? signal)}`);
        done(JSON.parse(last) as T);
      } catch (error) {
        fail(new Error(`${file} ${args.join(' ')}: ${(error as Error).message}\n${err.slice(-2000)}`));
      }
    });
  });
}

/** The median of the numbers (the mean of the middle two for an even count). */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  if (sorted.length === 0) return Number.NaN;
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}
