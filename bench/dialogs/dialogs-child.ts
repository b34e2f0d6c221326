/**
 * 10,000 (or `--dialogs N`) members each part-way through a report at the same time, in a process of its own: every
 * member starts a report and answers the first two questions, then the process's RSS is read after a full GC. The
 * sessions live in the store (NeDB files under a temporary DATA_DIR, or MongoDB with `--mongo-uri`); a sample is read
 * back to show they are there. Prints one JSON line. Run with --expose-gc.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createVaktpost } from '../../main';
import { ACTION } from '../../src/engine/actions';
import { sessionKeyOf } from '../../src/engine/session';

const arg = (flag: string): string | undefined => {
  const i = process.argv.indexOf(flag);
  return i >= 0 ? process.argv[i + 1] : undefined;
};

const mib = (bytes: number): number => Math.round((bytes / 1024 / 1024) * 10) / 10;

/**
 * The RSS once the heap has settled: full GCs until V8's committed heap stops shrinking (at most 30). One GC right
 * after a burst leaves pages of dead objects committed (V8 compacts a few pages per GC), which an idle process gives
 * back within seconds anyway: after 15 s idle the RSS was lower still. The burst's peak is reported beside it.
 */
function settledRss(): { rss: number; gcs: number } {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('run with --expose-gc');
  let committed = Number.POSITIVE_INFINITY;
  let gcs = 0;
  while (gcs < 30) {
    gc();
    gcs += 1;
    const now = process.memoryUsage().heapTotal;
    if (gcs >= 3 && now >= committed) break;
    committed = Math.min(committed, now);
  }
  return { rss: process.memoryUsage().rss, gcs };
}

async function main(): Promise<void> {
  const dialogs = Number(arg('--dialogs') ?? 10_000);
  const mongoUri = arg('--mongo-uri');
  let replies = 0;
  const dataDir = await mkdtemp(join(tmpdir(), 'vaktpost-bench-dialogs-'));
  const vaktpost = await createVaktpost({
    env: {
      DIRECTORY_FILE: 'directory.example.yml',
      LOG_LEVEL: 'silent',
      ...(mongoUri ? { MONGODB_URI: mongoUri, MONGODB_DB: 'vaktpost' } : { DATA_DIR: dataDir }),
    },
    listen: false,
    schedule: false,
    dispatchIntervalMs: 0,
    // The members' replies are counted and dropped, as a platform would take them: the web demo would keep every
    // member's messages in its own memory, which is the demo's page, not the bot.
    extraNotifiers: [
      {
        handles: (address) => address.startsWith('console:'),
        send: () => {
          replies += 1;
          return Promise.resolve();
        },
      },
    ],
  });
  const rssStart = settledRss().rss;
  const started = performance.now();
  const member = async (i: number): Promise<void> => {
    const user = { id: `console:bench-${i}`, displayName: `Bänk ${i}` };
    const turn = (text: string, n: number) => ({
      eventId: `bench-dialog-${i}-${n}`,
      platform: 'console' as const,
      address: `console:dm:bench-${i}`,
      isDirect: true,
      user,
      text,
    });
    await vaktpost.bot.handleTurn({ ...turn('', 0), action: { id: ACTION.startReport, value: '' } });
    await vaktpost.bot.handleTurn(turn('nej', 1));
    await vaktpost.bot.handleTurn(turn('1', 2));
  };
  // Twenty members at a time, as members of a party under a hate storm would write.
  let next = 0;
  await Promise.all(
    Array.from({ length: 20 }, async () => {
      while (next < dialogs) await member(next++);
    }),
  );
  const turnsPerSecond = (dialogs * 3) / ((performance.now() - started) / 1000);
  await vaktpost.flush();
  // The peak so far is the burst's (the store opening and the idle process are below it).
  const peakRss = process.resourceUsage().maxRSS * 1024;
  const afterBurst = process.memoryUsage().rss;
  const { rss, gcs } = settledRss();
  let stored = 0;
  for (let i = 0; i < dialogs; i += Math.max(1, Math.floor(dialogs / 100))) {
    if (await vaktpost.stores.sessions.get(sessionKeyOf(`console:bench-${i}`, 'report'))) stored += 1;
  }
  const heap = process.memoryUsage().heapUsed;
  await vaktpost.close();
  await rm(dataDir, { recursive: true, force: true });
  console.log(
    JSON.stringify({
      dialogs,
      rss_mb: mib(rss),
      rss_start_mb: mib(rssStart),
      heap_mb: mib(heap),
      peak_rss_mb: mib(peakRss),
      rss_after_burst_mb: mib(afterBurst),
      gcs,
      sample_sessions_found: stored,
      sample_size: Math.ceil(dialogs / Math.max(1, Math.floor(dialogs / 100))),
      turns_per_s: Math.round(turnsPerSecond),
      replies_per_turn: Math.round((replies / (dialogs * 3)) * 100) / 100,
    }),
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
