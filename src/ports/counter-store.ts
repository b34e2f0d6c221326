/** Atomic counters, e.g. for case numbers per year. */
export interface CounterStore {
  /** Increments the named counter and returns its new value (1 for a new counter); safe under concurrency. */
  next(name: string): Promise<number>;
}
