import { randomBytes } from 'node:crypto';
import type { Stores } from '../../src/ports/stores';
import { withMongoDatabase } from '../../src/store/mongo/connect';
import { createMongoStores } from '../../src/store/mongo/create-mongo-stores';
import {
  CHANNEL,
  createNode,
  createWorld,
  dm,
  HOUR,
  MINUTE,
  MONDAY_8,
  type Node,
  type World,
} from '../reminders/reminder-world';
import { deliveries, outboxOf } from './delivery-checks';

const uri = process.env.VAKTPOST_TEST_MONGODB_URI;
if (uri === undefined || uri === '') {
  throw new Error('VAKTPOST_TEST_MONGODB_URI is not set: run the tests through jest.config.js (its global set-up)');
}
const serverUri: string = uri;

/** Two processes on one MongoDB (FerretDB in the suite): two connections, two sets of services, one platform. */
let dbName: string;
let storesA: Stores;
let storesB: Stores;
let world: World;
let a: Node;
let b: Node;

beforeEach(async () => {
  dbName = `vp_test_${randomBytes(6).toString('hex')}`;
  storesA = await createMongoStores({ uri: serverUri, dbName });
  storesB = await createMongoStores({ uri: serverUri, dbName });
  // Process A is the world the test acts through; B shares its database, platform and clock.
  world = await createWorld(new Date(Date.parse(MONDAY_8) - 35 * MINUTE), { stores: storesA });
  a = world;
  b = createNode(storesB, world.platform, world.clock);
});
afterEach(async () => {
  await storesA.close();
  await storesB.close();
  await withMongoDatabase({ uri: serverUri, dbName }, (db) => db.dropDatabase());
});

/**
 * The day before, two cases were taken; this morning at 07:25 an urgent case came in that nobody has taken, and one
 * without contacts in its district. At 08:00 both the escalation (35 minutes) and the digest are due.
 */
async function morningBacklog(): Promise<{ caseIds: string[] }> {
  world.clock.advance(-HOUR * 20);
  const kims = await world.submit('mira');
  await world.take(kims.id, 'kim');
  const veras = await world.submit('olle', { districtId: 'vastby' });
  await world.take(veras.id, 'vera');
  world.clock.advance(HOUR * 20);
  const urgent = await world.submit('mira', { urgent: true });
  const sjodal = await world.submit('olle', { districtId: 'sjodal' });
  await world.flush();
  world.sent.clear();
  world.clock.advance(35 * MINUTE);
  return { caseIds: [kims.id, veras.id, urgent.id, sjodal.id] };
}

/** Per address, how many messages of each kind (by title) arrived. */
function countsByTitle(): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const m of world.sent.sent) {
    const key = `${m.address} ${(m.text.split('\n')[0] ?? '').replace(/VP-\d{4}-\d+/, 'VP-…')}`;
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}

const EXPECTED = {
  [`${CHANNEL} Daglig påminnelse 2 mars 2026`]: 1,
  [`${CHANNEL} AKUT och fortfarande inte taget: ärende VP-…`]: 1,
  [`${dm('cecilia')} AKUT, eskalerat till dig: ärende VP-…`]: 1,
  [`${dm('cecilia')} Daglig påminnelse 2 mars 2026`]: 1,
  [`${dm('kim')} Daglig påminnelse 2 mars 2026`]: 1,
  [`${dm('vera')} Daglig påminnelse 2 mars 2026`]: 1,
  [`${dm('mira')} Ingen har tagit ditt ärende VP-… än. Vi har nu påmint säkerhetsansvariga i Norrby och larmat partiets centrala säkerhetsansvariga. Du får veta här så fort någon tar det. Är någon i fara: ring 112.`]: 1,
};

/**
 * FerretDB v1 runs a conditional update as a read and a separate write, on its SQLite and its PostgreSQL backend
 * alike (test/store/FERRETDB-NOTES.md §1, measured with test/store/claim-race-probe.ts), so two processes' claims on
 * one notification can both win there, and a stale write can even undo a `markSent`. The sweeps below need no conditional update to be once-only (digests and escalation messages have unique ids; the first
 * lease is an insert), so they run at the same moment on any server; the dispatchers run together only where claims
 * are atomic (MongoDB), and one after the other on FerretDB.
 */
const claimsAreAtomic = (): boolean => !storesA.description.includes('FerretDB');

async function deliverFromBoth(): Promise<void> {
  if (claimsAreAtomic()) {
    await Promise.all([a.dispatcher.drain(), b.dispatcher.drain()]);
    return;
  }
  await a.dispatcher.drain();
  await b.dispatcher.drain();
}

describe('two instances sweeping at the same moment on MongoDB', () => {
  it('send one message each: the lease lets one sweep, the other skips', async () => {
    const { caseIds } = await morningBacklog();
    const now = world.clock.now();

    const [reportA, reportB] = await Promise.all([
      a.reminders.runSweep(now, 'both'),
      b.reminders.runSweep(now, 'both'),
    ]);
    await deliverFromBoth();

    expect(countsByTitle()).toEqual(EXPECTED);
    // Each part of the sweep was done once, by whichever process won its lease, or found done by the second.
    expect(reportA.escalations.length + reportB.escalations.length).toBe(1);
    expect(reportA.digests + reportB.digests).toBe(4);
    const stored = await storesB.cases.get(caseIds[2] as string);
    expect(stored?.escalations).toBe(1);
    expect(stored?.timeline.filter((e) => e.kind === 'escalated')).toHaveLength(1);
  });

  it('send one message each even without the lease: conditional case writes and digest ids decide', async () => {
    const { caseIds } = await morningBacklog();
    const now = world.clock.now();

    const [reportA, reportB] = await Promise.all([a.reminders.sweep(now, 'both'), b.reminders.sweep(now, 'both')]);
    await deliverFromBoth();

    expect(countsByTitle()).toEqual(EXPECTED);
    // On MongoDB one of the two escalation writes loses on the revision; on FerretDB both may land, with the same
    // content and the same notification ids, so the outbox still holds each message once.
    expect(reportA.escalations.length + reportB.escalations.length).toBeGreaterThanOrEqual(1);
    const stored = await storesB.cases.get(caseIds[2] as string);
    expect(stored?.escalations).toBe(1);
    expect(stored?.timeline.filter((e) => e.kind === 'escalated')).toHaveLength(1);
    // Everything the sweeps queued (the earlier alerts were delivered before the morning and are not counted).
    const all = (
      await outboxOf(
        storesA.outbox,
        caseIds,
        [...new Set([...reportA.notificationIds, ...reportB.notificationIds])].filter((id) => id.startsWith('digest:')),
      )
    ).filter((n) => n.createdAt === now.toISOString());
    expect(all).toHaveLength(Object.keys(EXPECTED).length);
    expect([...deliveries(all, world.sent)].filter(([, count]) => count !== 1)).toEqual([]);
  });

  it('two dispatchers sharing one backlog send each notification once', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 6; i += 1) {
      ids.push(
        (await world.submit(i % 2 === 0 ? 'mira' : 'olle', { districtId: i % 3 === 0 ? 'vastby' : 'norrby' })).id,
      );
    }
    await world.take(ids[1] as string, 'kim');
    await world.take(ids[3] as string, 'vera');

    if (claimsAreAtomic()) {
      // Two drains per process at once as well: a process's own passes must not overlap either.
      await Promise.all([a.dispatcher.drain(), b.dispatcher.drain(), a.dispatcher.drain(), b.dispatcher.drain()]);
      // A claim may have been held by the other when one looked: one more round each picks up the rest.
      await Promise.all([a.dispatcher.drain(), b.dispatcher.drain()]);
    } else {
      // Pass by pass in turn: each process sees what the other has sent and claimed.
      for (let pass = 0; pass < 6; pass += 1) await (pass % 2 === 0 ? a : b).dispatcher.runOnce();
    }

    const all = await outboxOf(storesA.outbox, ids);
    expect(all.filter((n) => n.status !== 'sent')).toEqual([]);
    expect([...deliveries(all, world.sent)].filter(([, count]) => count !== 1)).toEqual([]);
    expect(world.sent.sent).toHaveLength(all.length);
  });
});
