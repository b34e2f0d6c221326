import { createRequire } from 'node:module';
import { openCollection, type Collection } from '../../src/store/embedded/datastore';
import { installInPlaceIndexUpdate } from '../../src/store/embedded/index-update';

/**
 * The embedded store keeps an updated document in an index whose key did not change by swapping it into the old one's
 * place (src/store/embedded/index-update.ts). What a user would notice if it went wrong: a query by an indexed field
 * that finds a document as it was before an update, misses one, or finds one that moved on; or a write refused by a
 * unique index leaving the collection half changed. And after an upgrade of NeDB, the patch silently swapping into a
 * copy of the index's list, which would do exactly that.
 */
interface Doc {
  _id: string;
  status: string;
  number: number;
  n: number;
}

beforeAll(() => installInPlaceIndexUpdate());

const open = (): Promise<Collection> =>
  openCollection(undefined, 'things', [{ fieldName: 'number' }], ['status', 'caseId']);
const all = async (c: Collection, query: Record<string, unknown>): Promise<Doc[]> =>
  ((await c.findAsync(query)) as unknown as Doc[]).sort((a, b) => a._id.localeCompare(b._id));
/** The documents a full scan finds (it reads no index), to hold the indexes' answers against. */
const scanned = async (c: Collection, test: (d: Doc) => boolean): Promise<Doc[]> => (await all(c, {})).filter(test);

describe('updating indexed documents in place', () => {
  it('finds every document as it is now, by each index, through updates that keep and that change keys', async () => {
    const c = await open();
    for (let i = 0; i < 120; i += 1)
      await c.insertAsync({
        _id: `t${i}`,
        status: 'pending',
        number: i,
        n: 0,
        ...(i % 2 ? { caseId: 'c1' } : {}),
      } as never);
    // Same keys (the n changes only), changed status, several at once, a field removed, then put back.
    for (let i = 0; i < 120; i += 2) await c.updateAsync({ _id: `t${i}` }, { $inc: { n: 1 } }, {});
    for (let i = 0; i < 120; i += 3) await c.updateAsync({ _id: `t${i}` }, { $set: { status: 'sent' } }, {});
    await c.updateAsync({ status: 'sent' }, { $inc: { n: 10 } }, { multi: true });
    await c.updateAsync({ _id: 't1' }, { $unset: { caseId: true } }, {});
    await c.updateAsync({ _id: 't2' }, { $set: { caseId: 'c1' } }, {});
    await c.updateAsync({ _id: 't4' }, { _id: 't4', status: 'pending', number: 4, n: 99 } as never, {});

    for (const status of ['pending', 'sent'])
      expect(await all(c, { status })).toEqual(await scanned(c, (d) => d.status === status));
    expect(await all(c, { caseId: 'c1' })).toEqual(
      await scanned(c, (d) => (d as unknown as { caseId?: string }).caseId === 'c1'),
    );
    expect(await all(c, { number: 6 })).toEqual([{ _id: 't6', status: 'sent', number: 6, n: 11 }]);
    expect(await all(c, { _id: 't4' })).toEqual([{ _id: 't4', status: 'pending', number: 4, n: 99 }]);
    expect((await all(c, { status: 'sent' })).every((d) => d.n >= 10)).toBe(true);
  });

  it('leaves every index as it was when a unique index refuses an update', async () => {
    const c = await open();
    await c.insertAsync({ _id: 'a', status: 'pending', number: 1, n: 0 } as never);
    await c.insertAsync({ _id: 'b', status: 'pending', number: 2, n: 0 } as never);
    // Keeps `_id` and `status` (swapped in place), changes `number` to one taken: refused.
    await expect(c.updateAsync({ _id: 'b' }, { $set: { number: 1, n: 5 } }, {})).rejects.toMatchObject({
      errorType: 'uniqueViolated',
    });
    // Several at once, the second refused: none changes.
    await expect(
      c.updateAsync({ status: 'pending' }, { $set: { number: 7, n: 6 } }, { multi: true }),
    ).rejects.toMatchObject({ errorType: 'uniqueViolated' });
    const as = {
      a: { _id: 'a', status: 'pending', number: 1, n: 0 },
      b: { _id: 'b', status: 'pending', number: 2, n: 0 },
    };
    expect(await all(c, { status: 'pending' })).toEqual([as.a, as.b]);
    expect(await all(c, { _id: 'b' })).toEqual([as.b]);
    expect(await all(c, { number: 2 })).toEqual([as.b]);
    expect(await all(c, { number: 7 })).toEqual([]);
    await c.updateAsync({ _id: 'b' }, { $set: { n: 1 } }, {});
    expect(await all(c, { number: 2 })).toEqual([{ ...as.b, n: 1 }]);
  });

  it('applies to the indexes NeDB builds (an upgrade that changes what it patches fails here)', async () => {
    const c = await open();
    await c.insertAsync({ _id: 'a', status: 'pending', number: 1, n: 0 } as never);
    await c.insertAsync({ _id: 'b', status: 'pending', number: 2, n: 0 } as never);
    const indexes = (c as unknown as { indexes: Record<string, { tree: { search(k: unknown): unknown[] } }> }).indexes;
    const Index = createRequire(require.resolve('@seald-io/nedb'))('./lib/indexes.js') as { prototype: object };
    // The patched class is the one NeDB's collections use, and its search hands out the key's own list (a copy
    // would make the swap invisible to queries).
    expect(Object.getPrototypeOf(indexes.status)).toBe(Index.prototype);
    const list = indexes.status!.tree.search('pending');
    expect(list).toBe(indexes.status!.tree.search('pending'));
    const before = list[0];
    await c.updateAsync({ _id: 'a' }, { $set: { n: 1 } }, {});
    expect(list).toHaveLength(2);
    expect(list[0]).not.toBe(before);
    expect(list[0]).toMatchObject({ _id: 'a', n: 1 });
  });
});
