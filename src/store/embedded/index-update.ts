import { createRequire } from 'node:module';

/** A document NeDB replaces in its indexes: the one in memory now and what an update made of it. */
interface Pair {
  oldDoc: unknown;
  newDoc: unknown;
}

/** NeDB's index (`lib/indexes.js`) as far as this patch uses it. */
interface NedbIndex {
  _fields: string[];
  tree: { search(key: unknown): unknown[] };
  update(oldDoc: unknown, newDoc?: unknown): void;
}

const requireFromNedb = createRequire(require.resolve('@seald-io/nedb'));
const Index = requireFromNedb('./lib/indexes.js') as { prototype: NedbIndex };
const model = requireFromNedb('./lib/model.js') as { getDotValue(doc: unknown, field: string): unknown };

/** A key NeDB compares by value exactly as `===` does (no Date, array or object; NaN is never equal to itself). */
const isScalar = (key: unknown): boolean =>
  key === undefined || key === null || ['string', 'number', 'boolean'].includes(typeof key);

let installed = false;

/**
 * NeDB keeps an updated document in each index of its collection by removing the old one and inserting the new one:
 * two walks down the index's tree and a rebalance, for every index, on every update, even when the indexed field
 * did not change (the `_id` index always; `caseId`, `stream` and `turn` of an outbox message always; `status` of a
 * claim). About 2 % of a Slack DM's CPU went there. When the field of a one-field index has the same plain value
 * before and after, this puts the new document in the old one's place in that key's list instead: one search, the
 * same list, the same key, and nothing in the tree moves. Everything else (a changed key, an array key, a document
 * not found where it should be) goes through NeDB's own update; if that fails (a unique index refuses the new key),
 * the documents swapped here are put back before the error goes on to NeDB, which then restores its other indexes.
 * Installed once per process by the embedded store; re-check on an upgrade of `@seald-io/nedb` or
 * `@seald-io/binary-search-tree` (`test/store/index-update.test.ts`).
 */
export function installInPlaceIndexUpdate(): void {
  if (installed) return;
  installed = true;
  const original = Index.prototype.update;
  Index.prototype.update = function (this: NedbIndex, oldDoc: unknown, newDoc?: unknown): void {
    const single = !Array.isArray(oldDoc);
    const pairs: Pair[] = single ? [{ oldDoc, newDoc }] : (oldDoc as Pair[]);
    if (this._fields.length !== 1) return original.call(this, oldDoc, newDoc);
    const field = this._fields[0] as string;
    const swapped: { list: unknown[]; at: number; pair: Pair }[] = [];
    const rest: Pair[] = [];
    for (const pair of pairs) {
      const key = model.getDotValue(pair.oldDoc, field);
      if (isScalar(key) && key === model.getDotValue(pair.newDoc, field)) {
        const list = this.tree.search(key);
        const at = list.indexOf(pair.oldDoc);
        if (at !== -1) {
          list[at] = pair.newDoc;
          swapped.push({ list, at, pair });
          continue;
        }
      }
      rest.push(pair);
    }
    if (rest.length === 0) return;
    try {
      if (single) original.call(this, oldDoc, newDoc);
      else original.call(this, rest);
    } catch (error) {
      for (const { list, at, pair } of swapped) list[at] = pair.oldDoc;
      throw error;
    }
  };
}
