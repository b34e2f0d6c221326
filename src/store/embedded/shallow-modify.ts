import { createRequire } from 'node:module';

/** The part of NeDB's model module its updates call: apply an update to a copy of a document. */
interface NedbModel {
  modify(doc: unknown, update: Record<string, unknown>): unknown;
}

const model = createRequire(__filename)('@seald-io/nedb/lib/model.js') as NedbModel;

const hasOwn = Object.prototype.hasOwnProperty;

/** The modifiers this file applies itself; any other goes to NeDB. */
const SIMPLE = new Set(['$set', '$unset', '$inc']);

/** A value `$set` may put in place as it is: NeDB stores such a value by reference too, and it holds no keys. */
const isLeaf = (value: unknown): boolean =>
  value === null || value instanceof Date || (typeof value !== 'object' && typeof value !== 'function');

/** A top-level field NeDB would set directly: no path, no `$`, not the `_id` it refuses to change. */
const isPlainField = (field: string): boolean =>
  field !== '_id' && field.length > 0 && field.charCodeAt(0) !== 36 && !field.includes('.');

/**
 * What NeDB's `modify` would make of `doc` with `update`, built without copying the document deeply, or null when
 * only NeDB can say (it then also throws what it throws). Covers the updates of a DM (a claim, a sent message, a
 * done turn, a retry): `$set` of plain values, `$inc` of numbers and `$unset`, each on top-level fields, each field
 * named once. The result is a new object holding the same values as `doc` but for those fields, in NeDB's key order
 * (kept fields where they were, new ones at the end in the order given, unset ones left out), so it is also compact
 * (built property by property, never with `delete`). Nested objects and arrays are shared with `doc`: NeDB never
 * changes a stored document in place (every update starts from a copy, every read hands out a copy), and neither do
 * our direct reads (`currentDocument`), so what both hold is never changed under the other.
 */
export function shallowModify(doc: unknown, update: Record<string, unknown>): Record<string, unknown> | null {
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) return null;
  const source = doc as Record<string, unknown>;
  const changes = new Map<string, { value: unknown } | null>();
  for (const modifier of Object.keys(update)) {
    if (!SIMPLE.has(modifier)) return null;
    const fields = update[modifier];
    if (typeof fields !== 'object' || fields === null || Array.isArray(fields)) return null;
    for (const field of Object.keys(fields)) {
      if (!isPlainField(field) || changes.has(field)) return null;
      const value = (fields as Record<string, unknown>)[field];
      if (modifier === '$unset') changes.set(field, null);
      else if (modifier === '$set') {
        if (!isLeaf(value)) return null;
        changes.set(field, { value });
      } else {
        // $inc: NeDB's rules (a number, onto a number or a missing field), else its own error.
        if (typeof value !== 'number') return null;
        const current = hasOwn.call(source, field) ? source[field] : undefined;
        if (current !== undefined && typeof current !== 'number') return null;
        if (current === undefined && hasOwn.call(source, field)) return null;
        changes.set(field, { value: current === undefined ? value : current + value });
      }
    }
  }
  const result: Record<string, unknown> = {};
  for (const key in source) {
    if (!hasOwn.call(source, key)) continue;
    const change = changes.get(key);
    if (change === undefined) result[key] = source[key];
    else if (change !== null) result[key] = change.value;
  }
  for (const [key, change] of changes) if (change !== null && !hasOwn.call(source, key)) result[key] = change.value;
  return result;
}

let installed = false;

/**
 * NeDB applies an update to a deep copy of the stored document and checks every key of the result again; an `$unset`
 * it applies with `delete`, which leaves V8 holding the document as a dictionary (several times the memory).
 * {@link shallowModify} builds the same document with one shallow copy, compact, for the simple updates (a counter's
 * `$inc`, a lease's `$set`); anything else goes to NeDB's `modify` as before. Installed once per process by the
 * embedded store (test: test/store/shallow-modify.test.ts).
 */
export function installShallowModify(): void {
  if (installed) return;
  installed = true;
  const modify = model.modify.bind(model);
  model.modify = (doc, update) => shallowModify(doc, update) ?? modify(doc, update);
}
