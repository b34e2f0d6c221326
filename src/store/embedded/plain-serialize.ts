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

/** What NeDB writes for a Date: `{"$$date": <milliseconds>}`, or null for an invalid one (its `toJSON` is null). */
const dateLine = (date: Date): { $$date: number } | null =>
  Number.isFinite(date.getTime()) ? { $$date: date.getTime() } : null;
/** A Date as the engine makes them (a subclass with its own `toJSON` is left to NeDB). */
const isPlainDate = (value: unknown): value is Date => value instanceof Date && value.toJSON === Date.prototype.toJSON;

/**
 * The line NeDB's `serialize` would write for `doc`, by `JSON.stringify` alone, or null when only NeDB's own
 * serialize can say (it then also throws for keys it refuses). Besides plain JSON ({@link isPlainJson}) this covers
 * the two other lines of a DM: NeDB's removal line (`$$deleted`) and a Date held directly by the document (the
 * inbox's `expireAt`), written as NeDB writes a Date.
 */
export function plainLine(doc: unknown): string | null {
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc))
    return isPlainJson(doc) ? JSON.stringify(doc) : null;
  const record = doc as Record<string, unknown>;
  if (typeof record.getTime === 'function' || typeof record.toJSON === 'function') return null;
  let dates = false;
  for (const key in record) {
    if (!hasOwn.call(record, key)) continue;
    const value = record[key];
    if (key === '$$deleted' && value === true) continue;
    if (key.charCodeAt(0) === 36 || key.includes('.')) return null;
    if (isPlainDate(value)) dates = true;
    else if (!isPlainJson(value)) return null;
  }
  if (!dates) return JSON.stringify(record);
  const copy: Record<string, unknown> = {};
  for (const key in record) {
    if (!hasOwn.call(record, key)) continue;
    const value = record[key];
    copy[key] = isPlainDate(value) ? dateLine(value) : value;
  }
  return JSON.stringify(copy);
}

/** NeDB's own serialize, as it was before {@link installPlainSerialize} (which only changes how, not what). */
const nedbSerialize = model.serialize.bind(model);

/**
 * Characters NeDB's reader splits lines at besides `\n` (its byline: U+0085, U+2028, U+2029; `\r`, `\v` and `\f`
 * never occur raw, `JSON.stringify` escapes them) that `JSON.stringify` leaves as they are inside strings. A line
 * holding one (a name or text pasted from anywhere) was two lines for NeDB, and its next start refused the file as
 * damaged. Written as `\uXXXX` escapes, which read back as the same characters, it stays one line.
 */
const LINE_BREAKS = /[\u0085\u2028\u2029]/;
const LINE_BREAKS_ALL = /[\u0085\u2028\u2029]/g;
const escapeBreak = (c: string): string => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;

/**
 * The line written for `doc` in a data file: {@link plainLine}, or NeDB's own serialize when only it can say, with
 * the line separators NeDB's reader splits at escaped. The journals (journal.ts) and NeDB's appends and rewrites
 * (once {@link installPlainSerialize} is installed) write their lines with it.
 */
export function documentLine(doc: unknown): string {
  return escapeLineBreaks(plainLine(doc) ?? nedbSerialize(doc));
}

/** `line` with the line separators NeDB's reader splits at written as `\uXXXX` escapes. */
export function escapeLineBreaks(line: string): string {
  return LINE_BREAKS.test(line) ? line.replace(LINE_BREAKS_ALL, escapeBreak) : line;
}

let installed = false;

/**
 * NeDB writes every document with `JSON.stringify` and a replacer function called on every key at every depth (to
 * check the key and to find Dates), which keeps V8 off its plain path: about 2 % of a Slack DM's CPU went there, six
 * or seven times per DM. Our documents are plain JSON but for one Date (the inbox's `expireAt`, for MongoDB's TTL
 * index), so {@link plainLine} writes them with `JSON.stringify` alone after one walk of their keys, giving the same
 * line; anything else goes through NeDB's own `serialize`, which also keeps its errors for keys it refuses. Every
 * document NeDB writes has passed its `checkObject` already (on insert and update), so the walk only decides which
 * path gives the same result. Installed once per process by the embedded store (test:
 * test/store/plain-serialize.test.ts).
 */
export function installPlainSerialize(): void {
  if (installed) return;
  installed = true;
  model.serialize = documentLine;
}
