import type { CounterStore } from '../../ports/counter-store';
import { upsertWithRetry } from './connect';
import { asUpdate, type MongoCollection } from './types';

/** Counters in MongoDB: one `findOneAndUpdate` with `$inc` and upsert, returning the value after the increment. */
export class MongoCounterStore implements CounterStore {
  constructor(private readonly collection: MongoCollection) {}

  async next(name: string): Promise<number> {
    const doc = await upsertWithRetry(() =>
      this.collection.findOneAndUpdate({ _id: name }, asUpdate({ $inc: { value: 1 } }), {
        upsert: true,
        returnDocument: 'after',
      }),
    );
    const value = doc?.value;
    if (typeof value !== 'number') throw new Error(`counter ${name} has no numeric value`);
    return value;
  }
}
