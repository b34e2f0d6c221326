import type { Stores } from '../../../src/ports/stores';

/** One backend opened for one test. */
export interface StoreHarness {
  stores: Stores;
  /** Opens the backend again over the same data (a restart); the contract closes the old instance first. */
  reopen(): Promise<Stores>;
  /** Closes whatever is open and removes the data. */
  cleanup(): Promise<void>;
}

/** Opens a fresh, empty backend. */
export type MakeStores = () => Promise<StoreHarness>;

/** Gives each test a fresh backend; `current()` is the Stores of the running test. */
export function freshStoresPerTest(makeStores: MakeStores): { current: () => Stores; harness: () => StoreHarness } {
  let harness: StoreHarness | undefined;
  beforeEach(async () => {
    harness = await makeStores();
  });
  afterEach(async () => {
    await harness?.cleanup();
    harness = undefined;
  });
  const get = (): StoreHarness => {
    if (harness === undefined) throw new Error('no store open: call inside a test');
    return harness;
  };
  return { current: () => get().stores, harness: get };
}

/** Runs `count` calls at once and returns their results in call order. */
export function concurrently<T>(count: number, call: (index: number) => Promise<T>): Promise<T[]> {
  return Promise.all(Array.from({ length: count }, (_, index) => call(index)));
}
