/**
 * Ids by a key (a stream, a turn, a case), kept beside a journal (journal.ts) so a query by that key reads its own
 * few documents, not every one. An empty set is dropped, so the map holds no more keys than there are documents.
 */
export class KeySets {
  private readonly sets = new Map<string, Set<string>>();

  /** The ids under `key` (an empty set when none; do not change it). */
  get(key: string): ReadonlySet<string> {
    return this.sets.get(key) ?? EMPTY;
  }

  /** Moves `id` from the key it had (`before`) to the one it has now (`after`); undefined: none. */
  move(id: string, before: string | undefined, after: string | undefined): void {
    if (before === after) return;
    if (before !== undefined) {
      const set = this.sets.get(before);
      set?.delete(id);
      if (set?.size === 0) this.sets.delete(before);
    }
    if (after !== undefined) {
      const set = this.sets.get(after);
      if (set === undefined) this.sets.set(after, new Set([id]));
      else set.add(id);
    }
  }
}

const EMPTY: ReadonlySet<string> = new Set();

/** Adds or removes `id` in `set` as `member` says. */
export function keepIf(set: Set<string>, id: string, member: boolean): void {
  if (member) set.add(id);
  else set.delete(id);
}

/** Ids in the order NeDB sorts strings (by code unit), the last tie-break of every listing. */
export const compareIds = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** The first `limit` items (all of them for a limit of 0 or less, as NeDB's and MongoDB's `limit(0)`). */
export function firstOf<T>(items: T[], limit: number): T[] {
  return limit > 0 && items.length > limit ? items.slice(0, limit) : items;
}
