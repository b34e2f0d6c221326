import { createRequire } from 'node:module';

/** The part of NeDB's model module its persistence calls to turn a document into its line of the data file. */
interface NedbModel {
  serialize(doc: unknown): string;
}

const model = createRequire(__filename)('@seald-io/nedb/lib/model.js') as NedbModel;

const hasOwn = Object.prototype.hasOwnProperty;

/**
 * True when `JSON.stringify` alone writes `value` exactly as NeDB's `serialize` would: nothing NeDB's replacer
 * changes or refuses at any depth, that is no object with `getTime` (a Date, written as `{"$$date": …}`) or `toJSON`,
 * and no key starting with `$` or holding a dot (NeDB checks those keys as it writes).
 */
export function isPlainJson(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return true;
  if (Array.isArray(value)) {
    for (const item of value) if (!isPlainJson(item)) return false;
    return true;
  }
  const record = value as Record<string, unknown>;
  if (typeof record.getTime === 'function' || typeof record.toJSON === 'function') return false;
  for (const key in record) {
    if (!hasOwn.call(record, key)) continue;
    if (key.charCodeAt(0) === 36 || key.includes('.')) return false;
    if (!isPlainJson(record[key])) return false;
  }
  return true;
}

let installed = false;

/**
 * NeDB writes every document with `JSON.stringify` and a replacer function called on every key at every depth (to
 * check the key and to find Dates), which keeps V8 off its plain path: about 2 % of a Slack DM's CPU went there, six
 * or seven times per DM. Our documents are nearly always plain JSON (ISO strings, numbers; the one Date is the
 * inbox's `expireAt`, for MongoDB's TTL index), so a document that passes one walk of its keys ({@link isPlainJson})
 * is written by `JSON.stringify` alone, giving the same line; anything else goes through NeDB's own `serialize`,
 * which also keeps its errors for keys it refuses. Every document NeDB writes has passed its `checkObject` already
 * (on insert and update), so the walk only decides which path gives the same result. Installed once per process by
 * the embedded store (test: test/store/plain-serialize.test.ts).
 */
export function installPlainSerialize(): void {
  if (installed) return;
  installed = true;
  const serialize = model.serialize.bind(model);
  model.serialize = (doc) => (isPlainJson(doc) ? JSON.stringify(doc) : serialize(doc));
}
