import { createRequire } from 'node:module';

/** The part of NeDB's model module its updates call: apply an update to a copy of a document, and copy one. */
interface NedbModel {
  modify(doc: unknown, update: Record<string, unknown>): unknown;
  deepCopy(doc: unknown): unknown;
}

const model = createRequire(__filename)('@seald-io/nedb/lib/model.js') as NedbModel;

let installed = false;

/**
 * NeDB applies `$unset` with `delete`, which turns the document V8 keeps in memory into a dictionary-mode object
 * (a hash table, several times the size of a plain one) for as long as it stays in the collection. Every outbox
 * notification drops its message with `$unset` once sent, and every handled turn its payload, so without this a
 * long-running process held tens of thousands of them at about 1 KB each. An update with `$unset` now hands NeDB a
 * fresh copy of the result (built property by property, as NeDB copies documents on insert), which V8 keeps compact.
 * Installed once per process by the embedded store (test: test/store/compact-unset.test.ts).
 */
export function installCompactUnset(): void {
  if (installed) return;
  installed = true;
  const modify = model.modify.bind(model);
  model.modify = (doc, update) => {
    const modified = modify(doc, update);
    return '$unset' in update ? model.deepCopy(modified) : modified;
  };
}
