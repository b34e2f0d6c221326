/**
 * The journal's stores (journal.ts) hand out the objects they hold, without a copy per read: those objects are
 * frozen to their last nested value, so a caller that changes what it was given gets a TypeError (strict mode, as
 * every module here is) instead of changing the store's memory behind its back.
 */

/** Freezes `value` and everything it holds, in place; for values nothing else holds yet (parsed from a file). */
export function deepFreeze<T>(value: T): T {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return value;
  for (const inner of Object.values(value as object)) deepFreeze(inner);
  return Object.freeze(value);
}

/**
 * A frozen deep copy of plain JSON data (objects, arrays, primitives), leaving out undefined values as a line of the
 * data file would; for what a caller hands a write and may change afterwards. Frozen parts are shared, not copied:
 * they are a store's own already (an update keeps what it does not change).
 */
export function frozenCopy<T>(value: T): T {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return value;
  if (Array.isArray(value)) return Object.freeze(value.map(frozenCopy)) as T;
  const out: Record<string, unknown> = {};
  const record = value as Record<string, unknown>;
  for (const key in record) {
    if (!Object.prototype.hasOwnProperty.call(record, key)) continue;
    const inner = record[key];
    if (inner !== undefined) out[key] = frozenCopy(inner);
  }
  return Object.freeze(out) as T;
}
