import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ephemeralKeyring } from '../../../src/crypto/keyring';
import type { Session } from '../../../src/engine/session';
import type { Stores } from '../../../src/ports/stores';
import { createStores } from '../../../src/store/create-stores';
import { createEmbeddedStores } from '../../../src/store/embedded/create-embedded-stores';
import { OpenedCache } from '../../../src/store/encrypted/opened-cache';
import { sealJson } from '../../../src/store/encrypted/sealed-json';
import { withEncryption, type EncryptedStores } from '../../../src/store/encrypted/with-encryption';
import { makeSession } from '../../support/fixtures';

/**
 * The encrypted session and profile stores keep what they sealed or opened, so a member's turn does not decrypt and
 * validate their session and profile again (src/store/encrypted/opened-cache.ts). What a member would notice if that
 * went wrong: answers that are not the stored ones (another process wrote since, or the stored document was changed),
 * damaged data read as if it were fine, or one member's answers shown in another's session.
 */
const T = '2026-11-23T12:00:00.000Z';

describe('opened values kept by the encrypted stores', () => {
  let inner: Stores;
  let one: EncryptedStores;
  let other: EncryptedStores;
  beforeEach(async () => {
    inner = await createEmbeddedStores({});
    const keyring = ephemeralKeyring();
    // Two wrappers over one backend: two processes sharing a MongoDB, each with its own memory.
    one = await withEncryption(inner, keyring, 'test');
    other = await withEncryption(inner, keyring, 'test');
  });
  afterEach(() => inner.close());

  it('read what another process wrote since, not what they kept', async () => {
    const session = makeSession({ answers: { description: 'Brev i brevlådan' } });
    expect(await one.sessions.put(session, null)).toBe(true);
    expect((await one.sessions.get(session.key))?.answers).toEqual({ description: 'Brev i brevlådan' });
    const changed = { ...session, answers: { description: 'Två brev nu' }, revision: 1 };
    expect(await other.sessions.put(changed, 0)).toBe(true);
    expect((await one.sessions.get(session.key))?.answers).toEqual({ description: 'Två brev nu' });
    expect((await one.sessions.ofUser(session.userId)).map((s) => s.answers)).toEqual([{ description: 'Två brev nu' }]);

    await one.profiles.put({ userId: 'u1', displayName: 'Kim', updatedAt: T, revision: 0 }, null);
    expect((await one.profiles.get('u1'))?.displayName).toBe('Kim');
    await other.profiles.put({ userId: 'u1', displayName: 'Kim Berg', updatedAt: T, revision: 1 }, 0);
    expect((await one.profiles.get('u1'))?.displayName).toBe('Kim Berg');
  });

  it("never show one member's sealed answers in another's session, even while both are kept", async () => {
    const mine = makeSession({ answers: { description: 'mitt' } });
    const theirs = makeSession({ answers: { description: 'deras' } });
    await one.sessions.put(mine, null);
    await one.sessions.put(theirs, null);
    const copied = (await inner.sessions.get(theirs.key))?.sealed;
    const stored = await inner.sessions.get(mine.key);
    if (!stored || copied === undefined) throw new Error('sessions not stored');
    expect(await inner.sessions.put({ ...stored, sealed: copied, revision: 1 }, 0)).toBe(true);
    await expect(one.sessions.get(mine.key)).rejects.toMatchObject({ code: 'crypto.key_invalid' });
  });

  it('give a clear error for a sealed value that does not hold a valid session, and keep no half-read one', async () => {
    const session = makeSession();
    await one.sessions.put(session, null);
    const stored = (await inner.sessions.get(session.key)) as Session;
    const key = await one.dataKeys.require('shared');
    const bad = sealJson(key, { answers: { description: 42 }, displayName: 'x' }, `session:${session.key}/answers`);
    await inner.sessions.put({ ...stored, sealed: bad, revision: 1 }, 0);
    for (let read = 0; read < 2; read += 1) {
      await expect(one.sessions.get(session.key)).rejects.toMatchObject({
        code: 'store.unavailable',
        message: expect.stringContaining(`Decrypted sessions document ${session.key} does not match`),
      });
    }
  });

  it('hand every caller its own copy: changing what was read changes nothing stored', async () => {
    const session = makeSession({ answers: { description: 'som det var' } });
    await one.sessions.put(session, null);
    (session.answers as Record<string, unknown>).description = 'ändrat efter put';
    const first = await one.sessions.get(session.key);
    expect(first?.answers).toEqual({ description: 'som det var' });
    (first?.answers as Record<string, unknown>).description = 'ändrat efter läsning';
    expect((await one.sessions.get(session.key))?.answers).toEqual({ description: 'som det var' });
  });

  it('keep no name or answers of a person erased, here or by another process', async () => {
    const keptBy = (stores: EncryptedStores, store: 'profiles' | 'sessions') =>
      (stores[store] as unknown as { opened: OpenedCache<unknown> }).opened.size;
    await one.profiles.put({ userId: 'u2', displayName: 'Mira', updatedAt: T, revision: 0 }, null);
    await other.profiles.put({ userId: 'u3', displayName: 'Vera', updatedAt: T, revision: 0 }, null);
    expect((await one.profiles.get('u3'))?.displayName).toBe('Vera');
    expect(keptBy(one, 'profiles')).toBe(2);
    // Emptied as the erasure does (src/privacy/retention.ts): by this process, and by the other one.
    await one.profiles.put({ userId: 'u2', updatedAt: T, revision: 1 }, 0);
    await other.profiles.put({ userId: 'u3', updatedAt: T, revision: 1 }, 0);
    expect((await one.profiles.get('u3'))?.displayName).toBeUndefined();
    expect(keptBy(one, 'profiles')).toBe(0);

    const session = makeSession({ answers: { description: 'Hotbrev' } });
    await one.sessions.put(session, null);
    expect(keptBy(one, 'sessions')).toBe(1);
    await other.sessions.delete(session.key);
    expect(await one.sessions.get(session.key)).toBeNull();
    expect(keptBy(one, 'sessions')).toBe(0);
  });

  it('keep no more owners than their bound, dropping the one used longest ago', () => {
    const cache = new OpenedCache<string>(2);
    const key = Buffer.alloc(32);
    cache.set('a', 'sa', key, 'A');
    cache.set('b', 'sb', key, 'B');
    expect(cache.get('a', 'sa', key)).toBe('A');
    cache.set('c', 'sc', key, 'C');
    expect(cache.size).toBe(2);
    expect(cache.get('b', 'sb', key)).toBeUndefined();
    expect(cache.get('a', 'sa', key)).toBe('A');
    expect(cache.get('a', 'other sealed value', key)).toBeUndefined();
    expect(cache.get('a', 'sa', Buffer.alloc(32))).toBeUndefined();
  });
});

describe('a session damaged on disk', () => {
  let dataDir: string;
  afterEach(() => rm(dataDir, { recursive: true, force: true }));

  it('is refused with a clear error after a restart, though this process read it fine before', async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'vaktpost-opened-'));
    let stores = await createStores({ dataDir });
    const session = makeSession({ answers: { description: 'Hotbrev' } });
    await stores.sessions.put(session, null);
    expect((await stores.sessions.get(session.key))?.answers).toEqual({ description: 'Hotbrev' });
    await stores.close();

    // One character of the sealed value changed in the file.
    const file = join(dataDir, 'sessions.db');
    const text = await readFile(file, 'utf8');
    const at = text.indexOf('"sealed":"v1.') + 20;
    await writeFile(file, text.slice(0, at) + (text[at] === 'A' ? 'B' : 'A') + text.slice(at + 1));
    stores = await createStores({ dataDir });
    try {
      await expect(stores.sessions.get(session.key)).rejects.toMatchObject({ code: 'crypto.key_invalid' });
    } finally {
      await stores.close();
    }
  });
});
