import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Stores } from '../../../src/ports/stores';
import { createStores } from '../../../src/store/create-stores';
import { withMongoDatabase } from '../../../src/store/mongo/connect';
import { runStoreContract, type StoreHarness } from '../contract';

/** The same contract as the plain backends, over the encrypted stack main.ts opens. */
const masterKeys = `contract:${randomBytes(32).toString('base64')}`;

runStoreContract('encrypted embedded', async (): Promise<StoreHarness> => {
  const dataDir = await mkdtemp(join(tmpdir(), 'vaktpost-encrypted-'));
  let open: Stores = await createStores({ dataDir });
  return {
    stores: open,
    reopen: async () => {
      open = await createStores({ dataDir });
      return open;
    },
    cleanup: async () => {
      await open.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
});

const uri = process.env.VAKTPOST_TEST_MONGODB_URI;
if (uri === undefined || uri === '')
  throw new Error('VAKTPOST_TEST_MONGODB_URI is not set: run through jest.config.js');
const serverUri: string = uri;

runStoreContract('encrypted MongoDB', async (): Promise<StoreHarness> => {
  const dbName = `vp_test_${randomBytes(6).toString('hex')}`;
  let open: Stores = await createStores({ mongodbUri: serverUri, mongodbDb: dbName, masterKeys });
  return {
    stores: open,
    reopen: async () => {
      open = await createStores({ mongodbUri: serverUri, mongodbDb: dbName, masterKeys });
      return open;
    },
    cleanup: async () => {
      await open.close();
      await withMongoDatabase({ uri: serverUri, dbName }, (db) => db.dropDatabase());
    },
  };
});
