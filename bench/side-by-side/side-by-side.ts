/**
 * Vaktpost's Slack endpoint against a bare Bolt app, and its Teams endpoint against a bare botbuilder CloudAdapter
 * bot, side by side on this machine: the same open-loop load, in alternating slices, each app with its own fake
 * platform. Per rate it reports p50/p90/p99, CPU per request and their ratios (Vaktpost / bare), with the p99 ratio of
 * every pair beside them: their spread is the noise.
 */
import { randomBytes } from 'node:crypto';
import { quantile, runLoad, type LoadTarget, type TargetRun } from './open-loop';
import { freePort, getJson, startFake, startApp, tempDataDir, waitHealthy, type Started } from './apps';
import { slackDm, teamsMessage } from './requests';

/** How to run the comparison. */
export interface SideBySideOptions {
  platform: 'slack' | 'teams';
  rates: number[];
  /** Pairs per rate; in each pair both apps get `durationS` seconds of load. */
  pairs: number;
  durationS: number;
  sliceS: number;
  warmupS: number;
  connections: number;
  users: number;
  /** Where Vaktpost's process writes a V8 CPU profile (`--cpu-prof`), when given. */
  cpuProfDir?: string;
}

/** One app's figures at one rate, pooled over all pairs. */
export interface AppFigures {
  p50: number;
  p90: number;
  p99: number;
  cpuMsPerRequest: number;
  sent: number;
  ok: number;
  /** Fake platform calls per request, by kind (did the app really answer, and with how many messages?). */
  callsPerRequest: Record<string, number>;
  /**
   * Of the messages the app sent for this rate's requests in the end (once its platform calls stopped, up to two
   * minutes), the share that had arrived within the run plus five seconds: replies lagging behind the load show here.
   */
  sentWithinRun: number;
}

/** The comparison at one rate. */
export interface RateResult {
  platform: 'slack' | 'teams';
  rate: number;
  pairs: number;
  baseline: AppFigures;
  vaktpost: AppFigures;
  ratio: { p50: number; p90: number; p99: number; cpu: number };
  /** p99 ratio of each pair, and the cores foreign processes used during it. */
  pairRatiosP99: number[];
  foreignCores: number[];
}

interface App {
  proc: Started;
  fake: Started & { url: string };
  target: LoadTarget;
  done(): Promise<void>;
}

const TEXT = 'Hej, jag vill rapportera något';

async function startSlackApps(users: number, nodeArgs: string[]): Promise<[App, App]> {
  const secret = randomBytes(16).toString('hex');
  const start = async (which: 'baseline' | 'vaktpost'): Promise<App> => {
    const fake = await startFake('slack');
    const port = await freePort();
    const data = tempDataDir();
    const env = {
      PORT: String(port),
      HOST: '127.0.0.1',
      SLACK_SIGNING_SECRET: secret,
      SLACK_BOT_TOKEN: 'xoxb-bench-token',
      SLACK_API_URL: fake.url,
      DATA_DIR: data.dir,
      DIRECTORY_FILE: 'directory.example.yml',
      LOG_LEVEL: 'error',
    };
    const proc = startApp(
      which === 'baseline' ? 'bench/side-by-side/baseline-bolt.ts' : 'main.ts',
      [],
      env,
      which === 'vaktpost' ? nodeArgs : [],
    );
    await waitHealthy(`http://127.0.0.1:${port}/healthz`, proc);
    return {
      proc,
      fake,
      target: {
        url: `http://127.0.0.1:${port}/slack/events`,
        build: slackDm(secret, users, TEXT),
        pid: proc.pid,
        fakePid: fake.pid,
      },
      done: async () => {
        await proc.stop();
        await fake.stop();
        data.remove();
      },
    };
  };
  return [await start('baseline'), await start('vaktpost')];
}

async function startTeamsApps(users: number, nodeArgs: string[]): Promise<[App, App]> {
  const start = async (which: 'baseline' | 'vaktpost'): Promise<App> => {
    const fake = await startFake('teams');
    const port = await freePort();
    const data = tempDataDir();
    const env = {
      PORT: String(port),
      HOST: '127.0.0.1',
      TEAMS_DEV_NO_AUTH: '1',
      DATA_DIR: data.dir,
      DIRECTORY_FILE: 'directory.example.yml',
      LOG_LEVEL: 'error',
    };
    const proc = startApp(
      which === 'baseline' ? 'bench/side-by-side/baseline-cloudadapter.ts' : 'main.ts',
      [],
      env,
      which === 'vaktpost' ? nodeArgs : [],
    );
    await waitHealthy(`http://127.0.0.1:${port}/healthz`, proc);
    return {
      proc,
      fake,
      target: {
        url: `http://127.0.0.1:${port}/api/messages`,
        build: teamsMessage(fake.url, users, TEXT),
        pid: proc.pid,
        fakePid: fake.pid,
      },
      done: async () => {
        await proc.stop();
        await fake.stop();
        data.remove();
      },
    };
  };
  return [await start('baseline'), await start('vaktpost')];
}

const countsOf = async (app: App): Promise<Record<string, number>> =>
  (await getJson(`${new URL(app.fake.url).origin}/_counts`)).body as Record<string, number>;

/**
 * The fake's counts once they stop moving (replies go out after the ack): unchanged over `quiet` quarter-seconds, at
 * most `polls` quarter-seconds later.
 */
async function settledCounts(app: App, polls = 20, quiet = 1): Promise<Record<string, number>> {
  let previous = JSON.stringify(await countsOf(app));
  let still = 0;
  for (let i = 0; i < polls && still < quiet; i += 1) {
    await new Promise((r) => setTimeout(r, 250));
    const now = JSON.stringify(await countsOf(app));
    still = now === previous ? still + 1 : 0;
    previous = now;
  }
  return JSON.parse(previous) as Record<string, number>;
}

const grownBy = (before: Record<string, number>, after: Record<string, number>): number =>
  Object.entries(after).reduce((sum, [kind, count]) => sum + Math.max(0, count - (before[kind] ?? 0)), 0);

function figures(
  runs: TargetRun[],
  before: Record<string, number>,
  after: Record<string, number>,
  final: Record<string, number>,
): AppFigures {
  const latencies = runs.flatMap((r) => r.latencies);
  const sent = runs.reduce((a, r) => a + r.sent, 0);
  const calls: Record<string, number> = {};
  for (const [kind, count] of Object.entries(after)) {
    const grown = count - (before[kind] ?? 0);
    if (grown > 0) calls[kind] = Math.round((grown / Math.max(1, sent)) * 100) / 100;
  }
  return {
    p50: quantile(latencies, 0.5),
    p90: quantile(latencies, 0.9),
    p99: quantile(latencies, 0.99),
    cpuMsPerRequest: runs.reduce((a, r) => a + r.appCpuMs, 0) / Math.max(1, sent),
    sent,
    ok: runs.reduce((a, r) => a + r.ok, 0),
    callsPerRequest: calls,
    sentWithinRun: grownBy(before, after) / Math.max(1, grownBy(before, final)),
  };
}

/** Runs the comparison for one platform at each rate and returns the figures per rate. */
export async function benchSideBySide(
  options: SideBySideOptions,
  progress: (line: string) => void = () => undefined,
): Promise<RateResult[]> {
  const nodeArgs = options.cpuProfDir ? ['--cpu-prof', '--cpu-prof-dir', options.cpuProfDir] : [];
  const apps =
    options.platform === 'slack'
      ? await startSlackApps(options.users, nodeArgs)
      : await startTeamsApps(options.users, nodeArgs);
  const [baseline, vaktpost] = apps;
  const load = { connections: options.connections, timeoutMs: 10_000 };
  try {
    // Warm both (JIT, the store's first writes, every user's dialog started), each on its own.
    for (const app of apps) {
      const warm = await runLoad([app.target], {
        ...load,
        rate: options.rates[0] ?? 100,
        durationS: options.warmupS,
        sliceS: options.warmupS,
        first: 0,
      });
      if ((warm.targets[0]?.ok ?? 0) === 0)
        throw new Error(`no request answered with 2xx while warming up:\n${app.proc.stderr()}`);
    }
    const results: RateResult[] = [];
    for (const rate of options.rates) {
      const before = [await settledCounts(baseline), await settledCounts(vaktpost)];
      const runsA: TargetRun[] = [];
      const runsB: TargetRun[] = [];
      const pairRatios: number[] = [];
      const foreign: number[] = [];
      for (let pair = 0; pair < options.pairs; pair += 1) {
        const run = await runLoad([baseline.target, vaktpost.target], {
          ...load,
          rate,
          durationS: options.durationS,
          sliceS: options.sliceS,
          first: pair % 2,
        });
        const [a, b] = run.targets as [TargetRun, TargetRun];
        runsA.push(a);
        runsB.push(b);
        pairRatios.push(quantile(b.latencies, 0.99) / quantile(a.latencies, 0.99));
        foreign.push(run.foreignCores);
        progress(
          `  ${options.platform} ${rate}/s pair ${pair + 1}/${options.pairs}: p99 ${quantile(a.latencies, 0.99).toFixed(1)} vs ${quantile(b.latencies, 0.99).toFixed(1)} ms, foreign load ${run.foreignCores.toFixed(2)} cores`,
        );
        await new Promise((r) => setTimeout(r, 1000));
      }
      const after = [await settledCounts(baseline), await settledCounts(vaktpost)];
      // Whatever is still on its way, up to two minutes more: the figures above count only what came in time.
      const final = [await settledCounts(baseline, 480, 8), await settledCounts(vaktpost, 480, 8)];
      const A = figures(runsA, before[0] ?? {}, after[0] ?? {}, final[0] ?? {});
      const B = figures(runsB, before[1] ?? {}, after[1] ?? {}, final[1] ?? {});
      results.push({
        platform: options.platform,
        rate,
        pairs: options.pairs,
        baseline: A,
        vaktpost: B,
        ratio: {
          p50: B.p50 / A.p50,
          p90: B.p90 / A.p90,
          p99: B.p99 / A.p99,
          cpu: B.cpuMsPerRequest / A.cpuMsPerRequest,
        },
        pairRatiosP99: pairRatios,
        foreignCores: foreign,
      });
    }
    return results;
  } finally {
    for (const app of apps) await app.done();
  }
}
