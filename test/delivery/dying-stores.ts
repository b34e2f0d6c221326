import type { Stores } from '../../src/ports/stores';

/** Which store call the process dies at: `before` it reaches the store, or `after` the store did it. */
export interface DeathPoint {
  store: keyof Stores;
  method: string;
  when: 'before' | 'after';
  /** Only the call whose arguments pass this (default: the first call of the method). */
  match?: (args: unknown[]) => boolean;
}

/**
 * Stores of a process that dies at one store call: from then on every call of this process never returns, as if it
 * had been killed (the data stays as the store has it). `dead` says whether the point was reached. A new process over
 * the same underlying stores is the restart.
 */
export function dyingStores(stores: Stores, point: DeathPoint): { stores: Stores; dead: () => boolean } {
  let dead = false;
  const never = new Promise<never>(() => undefined);
  const wrap = <T extends object>(name: keyof Stores, target: T): T =>
    new Proxy(target, {
      get(object, property, receiver) {
        const value: unknown = Reflect.get(object, property, receiver);
        if (typeof value !== 'function') return value;
        return async (...args: unknown[]) => {
          if (dead) return never;
          const here = name === point.store && property === point.method && (point.match?.(args) ?? true);
          if (here && point.when === 'before') {
            dead = true;
            return never;
          }
          const result: unknown = await (value as (...a: unknown[]) => Promise<unknown>).apply(object, args);
          if (here) {
            dead = true;
            return never;
          }
          return result;
        };
      },
    });
  const wrapped = { ...stores } as Record<string, unknown>;
  for (const key of Object.keys(stores) as Array<keyof Stores>) {
    const part = stores[key];
    if (typeof part === 'object' && part !== null) wrapped[key] = wrap(key, part);
  }
  // Closing is the test's business, not the dead process's.
  wrapped.close = () => Promise.resolve();
  return { stores: wrapped as unknown as Stores, dead: () => dead };
}
