import { randomBytes } from 'node:crypto';
import type { Stores } from '../../src/ports/stores';
import { createStores } from '../../src/store/create-stores';
import { createEmbeddedStores } from '../../src/store/embedded/create-embedded-stores';
import { withMongoDatabase } from '../../src/store/mongo/connect';
import { makeInboxEntry, makeNotification, makeSession } from '../support/fixtures';

/**
 * The document builders hand a write the caller's own nested objects when no key needs an escape
 * (src/store/documents.ts, `encodeKeys`): every write must copy what it is given. What a member would notice if one
 * did not: a stored session, queued reply or accepted turn that changes when the code that wrote it changes its
 * object afterwards (the engine builds the next turn from the last one).
 */
const uri = process.env.VAKTPOST_TEST_MONGODB_URI;
if (uri === undefined || uri === '')
  throw new Error('VAKTPOST_TEST_MONGODB_URI is not set: run through jest.config.js');
const serverUri: string = uri;

const backends: Array<[string, () => Promise<{ stores: Stores; cleanup: () => Promise<void> }>]> = [
  [
    'embedded',
    async () => {
      const stores = await createEmbeddedStores({});
      return { stores, cleanup: () => stores.close() };
    },
  ],
  [
    'MongoDB',
    async () => {
      const dbName = `vp_test_${randomBytes(6).toString('hex')}`;
      const stores = await createStores({
        mongodbUri: serverUri,
        mongodbDb: dbName,
        masterKeys: `t:${randomBytes(32).toString('base64')}`,
      });
      return {
        stores,
        cleanup: async () => {
          await stores.close();
          await withMongoDatabase({ uri: serverUri, dbName }, (db) => db.dropDatabase());
        },
      };
    },
  ],
];

describe.each(backends)('what a %s write was given, changed afterwards', (_name, open) => {
  let stores: Stores;
  let cleanup: () => Promise<void>;
  beforeEach(async () => {
    ({ stores, cleanup } = await open());
  });
  afterEach(() => cleanup());

  it('changes nothing stored', async () => {
    const session = makeSession({ trail: ['categories'], context: { districtKnown: 'yes' } });
    await stores.sessions.put(session, null);
    session.trail.push('channels');
    session.context.districtKnown = 'no';

    const reply = makeNotification({
      id: 'reply:t1:0',
      caseId: null,
      render: { caseId: 'c1', kind: 'alert', language: 'sv', entry: 0 },
    });
    await stores.outbox.enqueue([reply]);
    if (reply.render) reply.render.entry = 7;

    const entry = makeInboxEntry();
    await stores.inbox.accept(entry);
    entry.turn.user.locale = 'en-GB';

    expect((await stores.sessions.get(session.key))?.trail).toEqual(['categories']);
    expect((await stores.sessions.get(session.key))?.context).toEqual({ districtKnown: 'yes' });
    expect((await stores.outbox.get('reply:t1:0'))?.render?.entry).toBe(0);
    const accepted = await stores.inbox.get(entry.id);
    expect(accepted?.status === 'pending' ? accepted.turn.user.locale : null).toBe('sv-SE');
  });
});
