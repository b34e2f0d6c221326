/**
 * `npx tsx test/store/claim-race-probe.ts <mongodb-uri> [notifications]`: can several Vaktpost instances share this
 * MongoDB-protocol server? Two stores, each with its own client (as two processes have), and two dispatchers race
 * over the same notifications at once; prints how many were sent more than once. 0 on MongoDB (a conditional
 * `updateOne` is atomic there); FerretDB 1.24.2 sent 75–166 of 300 twice on PostgreSQL 15 and 154–172 on SQLite
 * (test/store/FERRETDB-NOTES.md §1). Works in a throw-away database it drops afterwards. Not part of the suite: it
 * measures a server, it does not test Vaktpost.
 */
import { randomBytes } from 'node:crypto';
import { Dispatcher } from '../../src/delivery/dispatcher';
import { pendingNotification } from '../../src/domain/notification';
import { createMemoryLogger } from '../../src/ports/logger';
import type { Notifier } from '../../src/ports/notifier';
import type { Stores } from '../../src/ports/stores';
import { withMongoDatabase } from '../../src/store/mongo/connect';
import { createMongoStores } from '../../src/store/mongo/create-mongo-stores';

/** How often each notification reached the platform, by id. */
type Sends = Map<string, number>;

function recordingPlatform(sends: Sends): Notifier {
  return {
    handles: () => true,
    send: (_address, _message, options) => {
      const id = options?.notificationId ?? '?';
      sends.set(id, (sends.get(id) ?? 0) + 1);
      return Promise.resolve();
    },
  };
}

const dispatcherOver = (stores: Stores, sends: Sends): Dispatcher =>
  new Dispatcher({
    cases: stores.cases,
    outbox: stores.outbox,
    notifier: recordingPlatform(sends),
    logger: createMemoryLogger(),
    now: () => new Date(),
    onUndeliverable: () => Promise.resolve(),
  });

async function probe(uri: string, count: number): Promise<number> {
  const dbName = `vp_claim_probe_${randomBytes(4).toString('hex')}`;
  const a = await createMongoStores({ uri, dbName });
  const b = await createMongoStores({ uri, dbName });
  try {
    const now = new Date().toISOString();
    const ids = Array.from({ length: count }, (_, i) => `digest:probe:${i}`);
    await a.outbox.enqueue(
      ids.map((id, i) =>
        pendingNotification({
          id,
          address: `console:dm:probe-${i}`,
          message: { language: 'sv', prompt: { kind: 'message', text: { key: 'probe' } } },
          createdAt: now,
          caseId: null,
          seq: 0,
        }),
      ),
    );
    const sends: Sends = new Map();
    const first = dispatcherOver(a, sends);
    const second = dispatcherOver(b, sends);
    const started = Date.now();
    await Promise.all([first.drain(), second.drain()]);
    await Promise.all([first.drain(), second.drain()]);
    const twice = ids.filter((id) => (sends.get(id) ?? 0) > 1).length;
    const never = ids.filter((id) => !sends.has(id)).length;
    console.log(`server: ${a.description}`);
    console.log(
      `${count} notifications, two dispatchers at once: ${twice} sent more than once, ${never} never sent ` +
        `(${Date.now() - started} ms)`,
    );
    return twice + never;
  } finally {
    await a.close();
    await b.close();
    await withMongoDatabase({ uri, dbName }, (db) => db.dropDatabase());
  }
}

if (require.main === module) {
  const [uri, count] = process.argv.slice(2);
  if (uri === undefined || !/^mongodb(\+srv)?:\/\//.test(uri)) {
    console.error('usage: npx tsx test/store/claim-race-probe.ts <mongodb://…> [notifications, default 300]');
    process.exit(2);
  }
  probe(uri, Number(count ?? 300)).then(
    (wrong) => process.exit(wrong === 0 ? 0 : 1),
    (error: unknown) => {
      console.error(error);
      process.exit(2);
    },
  );
}
