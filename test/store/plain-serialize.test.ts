import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openCollection } from '../../src/store/embedded/datastore';
import { installPlainSerialize, isPlainJson, plainLine } from '../../src/store/embedded/plain-serialize';
import { createEmbeddedStores } from '../../src/store/embedded/create-embedded-stores';
import { makeCase, makeInboxEntry, makeNotification, makeSession } from '../support/fixtures';
import { inboxDoneUpdate, inboxEntryToDocument } from '../../src/store/inbox-documents';
import { notificationToDocument, sessionToDocument } from '../../src/store/documents';

/**
 * The embedded store writes plain documents with `JSON.stringify` alone (src/store/embedded/plain-serialize.ts). What a
 * user would notice if it went wrong: a data file the next start reads differently (a Date come back as text, a
 * field lost), or NeDB accepting a key it refuses. And after an upgrade of NeDB, its format changing under the patch.
 */
const model = createRequire(require.resolve('@seald-io/nedb'))('./lib/model.js') as {
  serialize(doc: unknown): string;
  deserialize(line: string): unknown;
};
/** NeDB's own serialize, taken before the patch is installed. */
const nedbSerialize = model.serialize.bind(model);

const documents: Record<string, unknown>[] = [
  notificationToDocument(makeNotification()),
  notificationToDocument(makeNotification({ caseId: null, stream: 'reply|slack:dm:U1', turn: 'slack:Ev1' })),
  sessionToDocument(makeSession({ answers: { 'step.with.dots': 'svar "citerat" \\ och \n radbrytning' } })),
  inboxEntryToDocument(makeInboxEntry({}, { text: 'Hej 😊 <script>' })),
  { _id: 'nested', list: [1, 'två', null, { deep: [true, { x: -0.5 }] }], empty: {}, none: null, gone: undefined },
  { _id: 'in-array', list: [undefined, () => 1] },
];

let dir: string;
beforeAll(() => installPlainSerialize());
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'vaktpost-serialize-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('writing documents to an embedded data file', () => {
  it('writes our documents exactly as NeDB itself would (an upgrade that changes its format fails here)', () => {
    for (const doc of documents) {
      expect(isPlainJson(doc)).toBe(true);
      expect(JSON.stringify(doc)).toBe(nedbSerialize(doc));
      expect(model.serialize(doc)).toBe(nedbSerialize(doc));
    }
  });

  it("writes a document's own Date and NeDB's removal line as NeDB does, so they read back as they were", () => {
    const at = new Date('2026-03-02T10:00:00.000Z');
    const done = { _id: 'done', status: 'done', expireAt: at, never: new Date(Number.NaN), n: 1 };
    expect(plainLine(done)).toBe(nedbSerialize(done));
    // An invalid Date reads back as null, as NeDB itself writes it.
    expect(model.deserialize(model.serialize(done))).toEqual({ ...done, never: null });
    const removal = { $$deleted: true, _id: 'reply:slack:Ev1:0' };
    expect(plainLine(removal)).toBe(nedbSerialize(removal));
  });

  it('leaves a nested Date, a toJSON object and the index lines to NeDB', () => {
    const at = new Date('2026-03-02T10:00:00.000Z');
    const nested = { _id: 'nested', list: [{ at }] };
    for (const doc of [nested, { _id: 'b', bytes: Buffer.from('hej') }, { $$indexCreated: { fieldName: 'status' } }]) {
      expect(isPlainJson(doc)).toBe(false);
      expect(plainLine(doc)).toBeNull();
      expect(model.serialize(doc)).toBe(nedbSerialize(doc));
    }
    expect(model.deserialize(model.serialize(nested))).toEqual(nested);
  });

  it('agrees with NeDB on every line it writes itself, over many generated documents', () => {
    let seed = 7;
    const next = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    const keys = ['a', 'b', 'å', '$x', 'a.b', '$$deleted', '$$date', '0', 'toJSON', 'getTime'];
    const leaf = (): unknown =>
      [null, undefined, 0, -1.5, 'text "q" \\ \n', true, new Date(1_700_000_000_000), new Date(Number.NaN)][next(8)];
    const value = (depth: number): unknown => {
      if (depth > 2 || next(3) === 0) return leaf();
      if (next(2) === 0) return Array.from({ length: next(3) }, () => value(depth + 1));
      return Object.fromEntries(Array.from({ length: next(4) }, () => [keys[next(keys.length)]!, value(depth + 1)]));
    };
    let fast = 0;
    for (let i = 0; i < 3000; i += 1) {
      const doc = { _id: `d${i}`, ...(value(0) as object) };
      const line = plainLine(doc);
      if (line === null) continue;
      fast += 1;
      expect(line).toBe(nedbSerialize(doc));
    }
    expect(fast).toBeGreaterThan(300);
  });

  it('still refuses the keys NeDB refuses', () => {
    expect(() => model.serialize({ _id: 'a', nested: { $where: 1 } })).toThrow(/\$/);
    expect(() => model.serialize({ _id: 'a', 'a.b': 1 })).toThrow(/\./);
  });

  it('is what NeDB calls for every line it appends, and a fresh load reads every document back', async () => {
    // NeDB looks `serialize` up on its model module at each write (as the patch needs), not once at load.
    const patched = model.serialize;
    let calls = 0;
    model.serialize = (doc) => {
      calls += 1;
      return patched(doc);
    };
    try {
      const probe = await openCollection(dir, 'probe');
      await probe.insertAsync({ _id: 'p' } as never);
      await probe.removeAsync({ _id: 'p' }, {});
    } finally {
      model.serialize = patched;
    }
    expect(calls).toBe(2);

    const inbox = await openCollection(dir, 'inbox');
    const entry = makeInboxEntry();
    await inbox.insertAsync(inboxEntryToDocument(entry) as never);
    await inbox.updateAsync({ _id: entry.id }, inboxDoneUpdate(new Date('2026-03-02T10:00:00.000Z'), 'processed'), {});
    const things = await openCollection(dir, 'things');
    for (const doc of documents) await things.insertAsync(doc as never);
    const lines = (await readFile(join(dir, 'things.db'), 'utf8')).split('\n').filter((l) => l !== '');
    expect(lines).toEqual(documents.map((doc) => nedbSerialize(doc)));

    const reloaded = await openCollection(dir, 'things');
    for (const doc of documents)
      expect(await reloaded.findOneAsync({ _id: doc._id as string })).toEqual(model.deserialize(nedbSerialize(doc)));
    const done = await (await openCollection(dir, 'inbox')).findOneAsync({ _id: entry.id });
    expect((done as unknown as { expireAt: unknown }).expireAt).toBeInstanceOf(Date);
  });
});

describe('a line separator inside a value', () => {
  let dataDir: string;
  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'vaktpost-breaks-'));
  });
  afterEach(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('keeps a case with a name holding U+2028 (left raw by JSON) loadable after a restart', async () => {
    const stores = await createEmbeddedStores({ dataDir });
    const named = makeCase({ owner: { userId: 'slack:U9', displayName: 'Kontakt\u2028Två rader\u0085' } });
    await stores.cases.create(named);
    await stores.close();
    // NeDB's reader splits lines at U+2028 too: written raw, the case would be two damaged lines, the start refused.
    expect(await readFile(join(dataDir, 'cases.db'), 'utf8')).toContain('Kontakt\\u2028Två rader\\u0085');
    const reopened = await createEmbeddedStores({ dataDir });
    expect(await reopened.cases.get(named.id)).toEqual(named);
    await reopened.close();
  });
});
