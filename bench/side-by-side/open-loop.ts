import { Agent, request } from 'node:http';
import type { BenchRequest } from './requests';
import { machineBusyMs, processCpuMs } from './proc-cpu';

/** An app under load: where to send, what to send, and its processes for the CPU accounting. */
export interface LoadTarget {
  url: string;
  build(i: number): BenchRequest;
  /** The app's process (its CPU per request is reported). */
  pid: number;
  /** Its fake platform's process (counted as neither the app nor foreign load). */
  fakePid: number;
}

/** What one target got during a run. */
export interface TargetRun {
  latencies: number[];
  sent: number;
  ok: number;
  failed: number;
  appCpuMs: number;
}

/** A run over several targets in alternating slices. */
export interface LoadRun {
  targets: TargetRun[];
  /** Cores other processes on the machine used meanwhile (not the apps, their fakes or this generator). */
  foreignCores: number;
  /** How late the generator sent, at p99 (its own lateness; counted in the latencies anyway). */
  sendLagP99Ms: number;
}

/**
 * Open loop: request i is due at t0 + i/rate whatever happened to the earlier ones, and its latency runs from that
 * due time to the last byte of the response, so waiting for a connection or for a late timer counts (no coordinated
 * omission). The schedule is cut into slices of `sliceS` seconds that go to the targets in turn (starting with
 * target `first`), each target getting `durationS` seconds at `rate`, so a burst of other work on the machine lands
 * on all of them alike.
 */
export async function runLoad(
  targets: LoadTarget[],
  options: { rate: number; durationS: number; sliceS: number; first: number; connections: number; timeoutMs: number },
): Promise<LoadRun> {
  const n = targets.length;
  const perTarget = Math.max(1, Math.round(options.rate * options.durationS));
  const total = perTarget * n;
  const sliceRequests = Math.max(1, Math.round(options.rate * options.sliceS));
  const who = (i: number): number => (Math.floor(i / sliceRequests) + options.first) % n;
  const interval = 1000 / options.rate;
  const agents = targets.map(() => new Agent({ keepAlive: true, maxSockets: options.connections }));
  const runs: TargetRun[] = targets.map(() => ({ latencies: [], sent: 0, ok: 0, failed: 0, appCpuMs: 0 }));
  const lags: number[] = [];
  const cpuBefore = targets.map((t) => processCpuMs(t.pid) ?? 0);
  const fakeBefore = targets.map((t) => processCpuMs(t.fakePid) ?? 0);
  const machineBefore = machineBusyMs();
  const selfBefore = process.cpuUsage();
  const wallStart = performance.now();
  const t0 = performance.now() + 20;
  let finished = 0;
  let resolveAll: () => void = () => undefined;
  const allDone = new Promise<void>((resolve) => (resolveAll = resolve));

  const fire = (i: number, due: number): void => {
    const k = who(i);
    const target = targets[k] as LoadTarget;
    const run = runs[k] as TargetRun;
    const { body, headers } = target.build(i);
    lags.push(performance.now() - due);
    run.sent += 1;
    const end = (ok: boolean): void => {
      if (ok) {
        run.ok += 1;
        run.latencies.push(performance.now() - due);
      } else run.failed += 1;
      finished += 1;
      if (finished === total) resolveAll();
    };
    const req = request(
      target.url,
      {
        method: 'POST',
        agent: agents[k],
        headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
        timeout: options.timeoutMs,
      },
      (res) => {
        res.resume();
        res.on('end', () => end((res.statusCode ?? 0) >= 200 && (res.statusCode ?? 0) < 300));
        res.on('error', () => end(false));
      },
    );
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', () => end(false));
    req.end(body);
  };

  let next = 0;
  const tick = (): void => {
    const now = performance.now();
    while (next < total && t0 + next * interval <= now) {
      fire(next, t0 + next * interval);
      next += 1;
    }
    if (next < total) setTimeout(tick, Math.max(0, t0 + next * interval - performance.now()));
  };
  setTimeout(tick, Math.max(0, t0 - performance.now()));
  const deadline = new Promise<void>((resolve) =>
    setTimeout(resolve, (total / options.rate) * 1000 + options.timeoutMs + 5000).unref(),
  );
  await Promise.race([allDone, deadline]);
  for (const agent of agents) agent.destroy();

  const wall = performance.now() - wallStart;
  const self = process.cpuUsage(selfBefore);
  const machineAfter = machineBusyMs();
  let accounted = (self.user + self.system) / 1000;
  targets.forEach((t, k) => {
    const app = (processCpuMs(t.pid) ?? 0) - (cpuBefore[k] ?? 0);
    (runs[k] as TargetRun).appCpuMs = app;
    accounted += app + ((processCpuMs(t.fakePid) ?? 0) - (fakeBefore[k] ?? 0));
  });
  const foreign = machineBefore === null || machineAfter === null ? 0 : machineAfter - machineBefore - accounted;
  const sortedLags = [...lags].sort((a, b) => a - b);
  return {
    targets: runs,
    foreignCores: Math.max(0, foreign / wall),
    sendLagP99Ms: sortedLags[Math.floor(0.99 * (sortedLags.length - 1))] ?? 0,
  };
}

/** The q-quantile (0..1) of the values, nearest rank. */
export function quantile(values: number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = Float64Array.from(values).sort();
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] as number;
}
