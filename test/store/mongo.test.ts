import { randomBytes } from 'node:crypto';
import type { Stores } from '../../src/ports/stores';
import { createStores } from '../../src/store/create-stores';
import { databaseNameFromUri, redactUri, withMongoDatabase } from '../../src/store/mongo/connect';
import { createMongoStores } from '../../src/store/mongo/create-mongo-stores';
import { inboxEntryToDocument } from '../../src/store/inbox-documents';
import { makeCase, makeInboxEntry } from '../support/fixtures';
import { expectCode } from './contract/case-contract';
import { runStoreContract, type StoreHarness } from './contract';

const uri = process.env.VAKTPOST_TEST_MONGODB_URI;
if (uri === undefined || uri === '') {
  // Global set-up provides a server or fails; reaching this means the suite runs without it, which must not pass.
  throw new Error('VAKTPOST_TEST_MONGODB_URI is not set: run the tests through jest.config.js (its global set-up)');
}
const serverUri: string = uri;

/** A database name no other test file or run uses. */
const uniqueDbName = (): string => `vp_test_${randomBytes(6).toString('hex')}`;

const dropDatabase = (dbName: string) => withMongoDatabase({ uri: serverUri, dbName }, (db) => db.dropDatabase());

async function openFreshDatabase(): Promise<StoreHarness> {
  const dbName = uniqueDbName();
  let open: Stores = await createMongoStores({ uri: serverUri, dbName });
  return {
    stores: open,
    reopen: async () => {
      open = await createMongoStores({ uri: serverUri, dbName });
      return open;
    },
    cleanup: async () => {
      await open.close();
      await dropDatabase(dbName);
    },
  };
}

runStoreContract('MongoDB', openFreshDatabase);

describe('MongoDB store', () => {
  it('drops at start the turns of done inbox entries an earlier version kept, leaving pending ones whole', async () => {
    const dbName = uniqueDbName();
    const pending = makeInboxEntry({}, { text: 'väntar på att behandlas' });
    const handled = makeInboxEntry({}, { text: 'Han vet var jag bor' });
    try {
      await withMongoDatabase({ uri: serverUri, dbName }, async (db) => {
        // As an earlier version left a handled turn: marked done, with the turn and all.
        await db.collection('inbox').insertMany([
          inboxEntryToDocument(pending),
          {
            ...inboxEntryToDocument(handled),
            status: 'done',
            outcome: 'processed',
            doneAt: '2026-03-02T09:31:00.000Z',
          },
        ] as never);
      });
      const stores = await createMongoStores({ uri: serverUri, dbName });
      try {
        expect(await stores.inbox.get(handled.id)).toEqual({
          id: handled.id,
          status: 'done',
          outcome: 'processed',
          doneAt: '2026-03-02T09:31:00.000Z',
        });
        expect(await stores.inbox.get(pending.id)).toEqual(pending);
      } finally {
        await stores.close();
      }
      const raw = await withMongoDatabase({ uri: serverUri, dbName }, (db) =>
        db.collection('inbox').find({}).toArray(),
      );
      expect(JSON.stringify(raw)).not.toContain('Han vet var jag bor');
      expect(JSON.stringify(raw)).toContain('väntar på att behandlas');
    } finally {
      await dropDatabase(dbName);
    }
  });

  it('reports a stored document that does not match the schema clearly', async () => {
    const dbName = uniqueDbName();
    const stores = await createMongoStores({ uri: serverUri, dbName });
    try {
      await withMongoDatabase({ uri: serverUri, dbName }, async (db) => {
        await db.collection<{ _id: string }>('cases').insertOne({ _id: 'case-bad', number: 'VP-2026-0001' } as never);
      });
      await expectCode(stores.cases.get('case-bad'), 'store.unavailable');
      await expect(stores.cases.list({})).rejects.toThrow(/cases document case-bad/);
    } finally {
      await stores.close();
      await dropDatabase(dbName);
    }
  });

  it('is what createStores opens when a URI is configured, and names the database', async () => {
    const dbName = uniqueDbName();
    const masterKeys = `t1:${randomBytes(32).toString('base64')}`;
    const stores = await createStores({
      mongodbUri: serverUri,
      mongodbDb: dbName,
      dataDir: '/nonexistent',
      masterKeys,
    });
    try {
      expect(stores.description).toMatch(new RegExp(`^MongoDB \\(database ${dbName}[,)]`));
      expect(await stores.ping()).toBe(true);
      const item = makeCase();
      await stores.cases.create(item);
      expect(await stores.cases.get(item.id)).toEqual(item);
    } finally {
      await stores.close();
      await dropDatabase(dbName);
    }
  });

  it('answers ping with false once closed', async () => {
    const dbName = uniqueDbName();
    const stores = await createMongoStores({ uri: serverUri, dbName });
    await stores.close();
    expect(await stores.ping()).toBe(false);
    await dropDatabase(dbName);
  });

  it('fails to start with store.unavailable and never prints the password', async () => {
    const unreachable = 'mongodb://vaktpost:s3cret-pw@127.0.0.1:1/vaktpost?serverSelectionTimeoutMS=300';
    const error: unknown = await createMongoStores({ uri: unreachable }).catch((thrown: unknown) => thrown);
    expect(error).toMatchObject({ code: 'store.unavailable' });
    expect(String((error as Error).message)).not.toContain('s3cret-pw');
    expect(String((error as Error).message)).toContain('mongodb://***@127.0.0.1:1/vaktpost');
  });
});

describe('MongoDB connection strings', () => {
  it('takes the database from the path, if any', () => {
    expect(databaseNameFromUri('mongodb://localhost:27017/vaktpost_prod?retryWrites=true')).toBe('vaktpost_prod');
    expect(databaseNameFromUri('mongodb+srv://u:p@cluster0.example.org/kansli')).toBe('kansli');
    expect(databaseNameFromUri('mongodb://h1:27017,h2:27017/db2?replicaSet=rs0')).toBe('db2');
    expect(databaseNameFromUri('mongodb://localhost:27017/')).toBeNull();
    expect(databaseNameFromUri('mongodb://localhost:27017')).toBeNull();
    expect(databaseNameFromUri('mongodb://localhost/?authSource=admin')).toBeNull();
  });

  it('hides credentials', () => {
    expect(redactUri('mongodb://user:p%40ss@db.example.org:27017/vaktpost')).toBe(
      'mongodb://***@db.example.org:27017/vaktpost',
    );
    expect(redactUri('mongodb://db.example.org/vaktpost')).toBe('mongodb://db.example.org/vaktpost');
  });
});
