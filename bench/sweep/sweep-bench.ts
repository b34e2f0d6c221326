/**
 * The reminder sweep over many open cases, on the embedded store and on MongoDB (a FerretDB the benchmark starts, as
 * the test setup does), against one indexed scan of the same cases on the same store. Each measurement runs in a
 * process of its own (its peak RSS is its own); scan and sweep alternate, so other load on the machine hits both.
 */
import { MongoClient } from 'mongodb';
import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { caseToDocument } from '../../src/store/documents';
import { createMongoStores } from '../../src/store/mongo/create-mongo-stores';
import { findOrInstallFerretDb, startFerretDb } from '../../test/support/ferretdb';
import { median, runChild } from '../support/child';
import { assertSyntheticValid, syntheticCase, type SyntheticOptions } from '../support/synthetic-cases';

const CHILD = 'bench/sweep/sweep-child.ts';

/** What one store's sweep benchmark found. */
export interface SweepBenchResult {
  store: 'embedded' | 'mongo';
  cases: number;
  /** Median milliseconds of the scan and of the sweep, and the ratio of the medians. */
  scanMs: number;
  sweepMs: number;
  ratio: number;
  /** Sweep/scan per alternating pair: the spread is the noise. */
  pairRatios: number[];
  /** Opening the store (NeDB loading its file; for MongoDB connecting and the indexes). */
  loadMs: number;
  scanPeakRssMb: number;
  sweepPeakRssMb: number;
  /** Median milliseconds the dispatcher then took to deliver what the sweep queued. */
  deliveryMs: number;
  /** Digests queued and delivered by the last sweep (one per owner, not one per case). */
  digests: number;
  sent: number;
}

interface ChildResult {
  load_ms: number;
  ms: number;
  delivery_ms?: number;
  peak_rss_mb: number;
  count?: number;
  digests?: number;
  sent?: number;
}

/** The three owners of the cases: the web demo's accounts in directory.example.yml. */
const OWNERS = [
  { userId: 'web:contact-kim', displayName: 'Kim Kontakt' },
  { userId: 'web:contact-alex', displayName: 'Alex Andrakontakt' },
  { userId: 'web:central', displayName: 'Cecilia Central' },
];

const options = (now: Date): SyntheticOptions => ({ now, owners: OWNERS, districtIds: ['norrby', 'sjodal'] });

async function writeEmbedded(dataDir: string, count: number, now: Date): Promise<void> {
  const out = createWriteStream(join(dataDir, 'cases.db'));
  for (let i = 0; i < count; i += 1) {
    if (!out.write(`${JSON.stringify(caseToDocument(syntheticCase(i, options(now))))}\n`)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

async function writeMongo(uri: string, count: number, now: Date): Promise<void> {
  const stores = await createMongoStores({ uri, dbName: 'vaktpost' });
  await stores.close();
  const client = await MongoClient.connect(uri);
  try {
    const cases = client.db('vaktpost').collection('cases');
    for (let start = 0; start < count; start += 1000) {
      const batch = [];
      for (let i = start; i < Math.min(count, start + 1000); i += 1)
        batch.push(caseToDocument(syntheticCase(i, options(now))));
      await cases.insertMany(batch as never[], { ordered: false });
    }
  } finally {
    await client.close();
  }
}

async function measure(
  store: 'embedded' | 'mongo',
  target: string[],
  cases: number,
  repeats: number,
  now: Date,
): Promise<SweepBenchResult> {
  const scans: ChildResult[] = [];
  const sweeps: ChildResult[] = [];
  for (let r = 0; r < repeats; r += 1) {
    // A new day per sweep, so each one queues its digests (one per recipient and date) instead of finding them queued.
    const at = new Date(now.getTime() + r * 24 * 3600_000).toISOString();
    const pair = async (first: 'scan' | 'sweep') => {
      for (const mode of first === 'scan' ? (['scan', 'sweep'] as const) : (['sweep', 'scan'] as const)) {
        const result = await runChild<ChildResult>(CHILD, ['--mode', mode, '--at', at, ...target]);
        (mode === 'scan' ? scans : sweeps).push(result);
      }
    };
    await pair(r % 2 === 0 ? 'scan' : 'sweep');
  }
  const scanMs = median(scans.map((s) => s.ms));
  const sweepMs = median(sweeps.map((s) => s.ms));
  const last = sweeps[sweeps.length - 1];
  if (scans.some((s) => s.count !== cases)) throw new Error(`the scan found ${scans[0]?.count} of ${cases} cases`);
  return {
    store,
    cases,
    scanMs,
    sweepMs,
    ratio: sweepMs / scanMs,
    pairRatios: sweeps.map((s, i) => s.ms / (scans[i]?.ms ?? Number.NaN)),
    loadMs: median(sweeps.map((s) => s.load_ms)),
    deliveryMs: median(sweeps.map((s) => s.delivery_ms ?? Number.NaN)),
    scanPeakRssMb: Math.max(...scans.map((s) => s.peak_rss_mb)),
    sweepPeakRssMb: Math.max(...sweeps.map((s) => s.peak_rss_mb)),
    digests: last?.digests ?? 0,
    sent: last?.sent ?? 0,
  };
}

/** Runs the sweep benchmark on the embedded store (`embeddedCases`) and on FerretDB (`mongoCases`; 0 skips it). */
export async function benchSweep(
  settings: { embeddedCases: number; mongoCases: number; repeats: number },
  /** Told each store's result as soon as it is in. */
  progress: (result: SweepBenchResult) => void = () => undefined,
): Promise<SweepBenchResult[]> {
  const now = new Date('2026-11-23T07:00:00.000Z');
  assertSyntheticValid(options(now));
  const results: SweepBenchResult[] = [];
  if (settings.embeddedCases > 0) {
    const dataDir = await mkdtemp(join(tmpdir(), 'vaktpost-bench-sweep-'));
    try {
      await writeEmbedded(dataDir, settings.embeddedCases, now);
      results.push(await measure('embedded', ['--data-dir', dataDir], settings.embeddedCases, settings.repeats, now));
      progress(results[results.length - 1] as SweepBenchResult);
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  }
  if (settings.mongoCases > 0) {
    const ferret = await startFerretDb(findOrInstallFerretDb());
    try {
      await writeMongo(ferret.uri, settings.mongoCases, now);
      const key = `k1:${randomBytes(32).toString('base64')}`;
      const target = ['--mongo-uri', ferret.uri, '--master-key', key];
      results.push(await measure('mongo', target, settings.mongoCases, settings.repeats, now));
      progress(results[results.length - 1] as SweepBenchResult);
    } finally {
      await ferret.stop();
    }
  }
  return results;
}
