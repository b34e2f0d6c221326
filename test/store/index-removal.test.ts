import { openCollection } from '../../src/store/embedded/datastore';
import { isIdentityEquality } from '../../src/store/embedded/index-removal';

/**
 * The embedded store removes documents from NeDB's plain indexes with `indexOf` (src/store/embedded/index-removal.ts),
 * because NeDB's own removal cost grew with every document sharing the value (every sent message under
 * `status: 'sent'`). What a user would notice if it went wrong: a query by an indexed field that misses a document,
 * or finds one that has moved on. And after an upgrade of NeDB, the patch silently no longer applying.
 */
interface Doc {
  _id: string;
  status: string;
  n: number;
}

const ids = (docs: Doc[]): string[] => docs.map((d) => d._id).sort();

describe('removing documents from a plain index', () => {
  it('finds exactly the documents that have the value, through inserts, updates and removals', async () => {
    const c = await openCollection(undefined, 'things', [], ['status']);
    for (let i = 0; i < 200; i += 1) await c.insertAsync({ _id: `t${i}`, status: 'pending', n: i } as never);
    // Every third moves on; of those, every second comes back; a few are removed outright.
    for (let i = 0; i < 200; i += 3) await c.updateAsync({ _id: `t${i}` }, { $set: { status: 'sent' } }, {});
    for (let i = 0; i < 200; i += 6) await c.updateAsync({ _id: `t${i}` }, { $set: { status: 'pending' } }, {});
    for (const id of ['t1', 't3', 't199']) await c.removeAsync({ _id: id }, {});
    // A value held by one document only, removed: the key goes away entirely (NeDB's own path).
    await c.updateAsync({ _id: 't2' }, { $set: { status: 'alone' } }, {});
    await c.updateAsync({ _id: 't2' }, { $set: { status: 'pending' } }, {});

    const expectSent: string[] = [];
    const expectPending: string[] = [];
    for (let i = 0; i < 200; i += 1) {
      if ([1, 3, 199].includes(i)) continue;
      (i % 3 === 0 && i % 6 !== 0 ? expectSent : expectPending).push(`t${i}`);
    }
    expect(ids((await c.findAsync({ status: 'sent' })) as unknown as Doc[])).toEqual(expectSent.sort());
    expect(ids((await c.findAsync({ status: 'pending' })) as unknown as Doc[])).toEqual(expectPending.sort());
    expect(await c.findAsync({ status: 'alone' })).toEqual([]);
    // The index and a full scan agree (the scan does not use the index).
    const scanned = ((await c.findAsync({})) as unknown as Doc[]).filter((d) => d.status === 'pending');
    expect(ids(scanned)).toEqual(expectPending.sort());
  });

  it('applies to the indexes NeDB builds (a NeDB upgrade that changes its comparison fails here)', async () => {
    const c = await openCollection(undefined, 'things', [], ['status']);
    const index = (c as unknown as { indexes: Record<string, { tree: { tree: { checkValueEquality: never } } }> })
      .indexes.status;
    expect(index).toBeDefined();
    expect(isIdentityEquality(index!.tree.tree.checkValueEquality)).toBe(true);
    expect(isIdentityEquality((a: unknown, b: unknown) => String(a) === String(b))).toBe(false);
  });
});
