/**
 * One measurement of the sweep benchmark in a process of its own, so its peak RSS is its own: `scan` times one
 * indexed scan of the open cases straight on the store (NeDB, or a MongoDB cursor), `sweep` times Vaktpost's reminder
 * sweep over the same cases. Prints one JSON line. Started by bench/sweep/sweep-bench.ts.
 */
import Datastore from '@seald-io/nedb';
import { MongoClient } from 'mongodb';
import { join } from 'node:path';
import { createVaktpost } from '../../main';

interface ChildArgs {
  mode: 'scan' | 'sweep';
  dataDir?: string;
  mongoUri?: string;
  /** VAKTPOST_MASTER_KEYS for MongoDB, which refuses to start without a key. */
  masterKey?: string;
  at: Date;
}

function parse(argv: string[]): ChildArgs {
  const get = (flag: string): string | undefined => {
    const i = argv.indexOf(flag);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const mode = get('--mode');
  if (mode !== 'scan' && mode !== 'sweep') throw new Error('--mode scan|sweep');
  const dataDir = get('--data-dir');
  const mongoUri = get('--mongo-uri');
  const masterKey = get('--master-key');
  return {
    mode,
    at: new Date(get('--at') ?? Date.now()),
    ...(dataDir ? { dataDir } : {}),
    ...(mongoUri ? { mongoUri } : {}),
    ...(masterKey ? { masterKey } : {}),
  };
}

const OPEN = { status: { $in: ['new', 'open'] } };
const peakRssMb = (): number => process.resourceUsage().maxRSS / 1024;

async function scan(args: ChildArgs): Promise<Record<string, number>> {
  if (args.mongoUri) {
    const client = await MongoClient.connect(args.mongoUri);
    try {
      const started = performance.now();
      let count = 0;
      for await (const doc of client.db('vaktpost').collection('cases').find(OPEN).batchSize(500)) {
        if (doc) count += 1;
      }
      return { load_ms: 0, ms: performance.now() - started, count };
    } finally {
      await client.close();
    }
  }
  const loadStart = performance.now();
  const db = new Datastore({ filename: join(args.dataDir ?? '.', 'cases.db') });
  await db.loadDatabaseAsync();
  await db.ensureIndexAsync({ fieldName: 'status' });
  const load = performance.now() - loadStart;
  const started = performance.now();
  const count = (await db.findAsync(OPEN)).length;
  return { load_ms: load, ms: performance.now() - started, count };
}

async function sweep(args: ChildArgs): Promise<Record<string, number>> {
  const loadStart = performance.now();
  const vaktpost = await createVaktpost({
    env: {
      DIRECTORY_FILE: 'directory.example.yml',
      LOG_LEVEL: 'silent',
      WEB_DEMO: '1',
      ...(args.mongoUri
        ? { MONGODB_URI: args.mongoUri, MONGODB_DB: 'vaktpost', VAKTPOST_MASTER_KEYS: args.masterKey }
        : { DATA_DIR: args.dataDir }),
    },
    listen: false,
    schedule: false,
    dispatchIntervalMs: 0,
  });
  const load = performance.now() - loadStart;
  try {
    // The sweep itself (scan, plan, queue), then the delivery of what it queued, timed apart: the dispatcher's
    // relay reads the cases with pending notifications on every pass, which is a scan of its own on FerretDB.
    const started = performance.now();
    const report = await vaktpost.reminders.reminders.runSweep(args.at, 'both');
    const ms = performance.now() - started;
    const deliveryStart = performance.now();
    await vaktpost.dispatcher.drain();
    const deliveryMs = performance.now() - deliveryStart;
    let sent = 0;
    for (const id of report.notificationIds) if ((await vaktpost.stores.outbox.get(id))?.status === 'sent') sent += 1;
    return {
      load_ms: load,
      ms,
      delivery_ms: deliveryMs,
      digests: report.digests,
      sent,
      escalations: report.escalations.length,
    };
  } finally {
    await vaktpost.close();
  }
}

async function main(): Promise<void> {
  const args = parse(process.argv.slice(2));
  const result = args.mode === 'scan' ? await scan(args) : await sweep(args);
  console.log(JSON.stringify({ ...result, peak_rss_mb: peakRssMb() }));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
