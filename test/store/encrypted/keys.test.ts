import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, unlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { rotateKeys } from '../../../scripts/rotate-keys';
import { readKeyFile } from '../../../src/crypto/key-file';
import type { Stores } from '../../../src/ports/stores';
import { createStores } from '../../../src/store/create-stores';
import { withMongoDatabase } from '../../../src/store/mongo/connect';
import { makeCase } from '../../support/fixtures';
import { startTestApp } from '../../support/app-harness';
import { expectCode } from '../contract/case-contract';
import { CANARY, expectOwnerReadsEverything, filesUnder, reportTakeNoteClose } from './canary';

const key = (): string => randomBytes(32).toString('base64');

const uri = process.env.VAKTPOST_TEST_MONGODB_URI;
if (uri === undefined || uri === '')
  throw new Error('VAKTPOST_TEST_MONGODB_URI is not set: run through jest.config.js');
const serverUri: string = uri;

describe('reports at rest in MongoDB', () => {
  const dbName = `vp_test_${randomBytes(6).toString('hex')}`;
  afterAll(() => withMongoDatabase({ uri: serverUri, dbName }, (db) => db.dropDatabase()));

  it('keeps every free-text answer out of every document, while the owner reads the whole report', async () => {
    const stores = await createStores({ mongodbUri: serverUri, mongodbDb: dbName, masterKeys: `m1:${key()}` });
    const app = await startTestApp({ stores });
    try {
      const { id, texts } = await reportTakeNoteClose(app);
      await app.say('mira', 'hej');
      await app.say('mira', 'nej');
      await app.say('mira', '1');
      await app.say('mira', 'hot');
      await app.say('mira', `${CANARY} unfinished`);
      await expectOwnerReadsEverything(app, id, texts);
      const found = await withMongoDatabase({ uri: serverUri, dbName }, async (db) => {
        const hits: string[] = [];
        let documents = 0;
        for (const { name } of await db.listCollections().toArray()) {
          for (const doc of await db.collection(name).find({}).toArray()) {
            documents += 1;
            if (JSON.stringify(doc).includes(CANARY)) hits.push(`${name}/${String(doc._id)}`);
          }
        }
        return { hits, documents };
      });
      expect(found.documents).toBeGreaterThan(10);
      expect(found.hits).toEqual([]);
    } finally {
      await app.close();
      await stores.close();
    }
  });

  it('refuses to start without a master key, before connecting', async () => {
    const error = await createStores({ mongodbUri: serverUri, mongodbDb: dbName }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'crypto.key_missing' });
    expect((error as Error).message).toMatch(/MongoDB needs a master key.*VAKTPOST_MASTER_KEYS/);
  });
});

describe('master keys of the embedded store', () => {
  let dataDir: string;
  let open: Stores | undefined;
  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'vaktpost-keys-'));
  });
  afterEach(async () => {
    await open?.close();
    open = undefined;
    await rm(dataDir, { recursive: true, force: true });
  });

  /** The data files' lines, in a stable order: what "nothing changed" compares. */
  const snapshot = async (): Promise<string[]> => {
    const lines: string[] = [];
    for (const file of (await filesUnder(dataDir)).sort()) {
      const text = await readFile(file, 'utf8');
      lines.push(
        ...text
          .split('\n')
          .filter((l) => l !== '')
          .map((l) => `${file.slice(dataDir.length)} ${l}`),
      );
    }
    return lines.sort();
  };

  async function writeOneCase(config: { masterKeys?: string }) {
    const stores = await createStores({ dataDir, ...config });
    const item = makeCase({ closeReason: `${CANARY} reason` });
    await stores.cases.create(item);
    await stores.close();
    return item;
  }

  it('reads a case written with an old key after rotation, also once the old key is gone', async () => {
    const item = await writeOneCase({});
    const keyFile = join(dataDir, 'keys', 'master-keys.json');
    const [oldId] = (await readKeyFile(keyFile)).ids();
    const printed: string[] = [];
    const env = { DATA_DIR: dataDir, LOG_LEVEL: 'silent' };

    const first = await rotateKeys([], env, (l) => printed.push(l));
    expect(first).toMatchObject({ rewrapped: 2, total: 2, unused: [oldId] });
    expect((await readKeyFile(keyFile)).ids()).toHaveLength(2);
    await rotateKeys(['--no-new-key', '--retire'], env, (l) => printed.push(l));
    expect((await readKeyFile(keyFile)).ids()).toEqual([first.keyId]);
    expect(printed.join('\n')).toContain(`Removed master keys ${oldId}`);
    expect(printed.join('\n')).not.toMatch(/[A-Za-z0-9+/]{43}=/);

    open = await createStores({ dataDir });
    // Rotation rewrote the case (a new revision, as every write), and it reads back whole.
    expect(await open.cases.get(item.id)).toEqual({ ...item, revision: item.revision + 1 });
  });

  it('rotates keys given in VAKTPOST_MASTER_KEYS: the newest listed wraps, the old one may then go', async () => {
    const [k1, k2] = [key(), key()];
    const item = await writeOneCase({ masterKeys: `a:${k1}` });
    const env = { DATA_DIR: dataDir, VAKTPOST_MASTER_KEYS: `a:${k1},b:${k2}`, LOG_LEVEL: 'silent' };
    expect(await rotateKeys([], env, () => undefined)).toMatchObject({ keyId: 'b', rewrapped: 2, unused: ['a'] });
    open = await createStores({ dataDir, masterKeys: `b:${k2}` });
    expect(await open.cases.get(item.id)).toEqual({ ...item, revision: item.revision + 1 });
  });

  it('stops with a clear error and changes nothing when the key is wrong or missing', async () => {
    const k1 = key();
    const item = await writeOneCase({ masterKeys: `a:${k1}` });
    const before = await snapshot();

    const wrong = createStores({ dataDir, masterKeys: `a:${key()}` });
    await expectCode(wrong, 'crypto.key_invalid');
    await expect(createStores({ dataDir, masterKeys: `a:${key()}` })).rejects.toThrow(
      /Master key "a" does not open the data key .* nothing was changed/,
    );
    await expect(createStores({ dataDir, masterKeys: `b:${key()}` })).rejects.toThrow(
      /encrypted with master key "a", which is not in the keyring \(b\)/,
    );
    await expect(createStores({ dataDir })).rejects.toThrow(/Cannot read the key file .*master-keys\.json/);
    await expect(
      rotateKeys([], { DATA_DIR: dataDir, VAKTPOST_MASTER_KEYS: `a:${key()}` }, () => undefined),
    ).rejects.toThrow(/does not open/);
    await expect(createStores({ dataDir, masterKeys: 'a:short' })).rejects.toThrow(/32 random bytes in base64/);
    expect(await snapshot()).toEqual(before);

    open = await createStores({ dataDir, masterKeys: `a:${k1}` });
    expect(await open.cases.get(item.id)).toEqual(item);
  });

  it('never replaces a lost key file by a new one while data keys exist', async () => {
    await writeOneCase({});
    await unlink(join(dataDir, 'keys', 'master-keys.json'));
    await expectCode(createStores({ dataDir }), 'crypto.key_missing');
    expect((await filesUnder(dataDir)).some((f) => f.endsWith('master-keys.json'))).toBe(false);
  });
});
