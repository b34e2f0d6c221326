import type { CounterStore } from '../../ports/counter-store';
import type { Collection } from './datastore';

/** Counters in a NeDB file: one `$inc` upsert per call, which NeDB applies one at a time. */
export class EmbeddedCounterStore implements CounterStore {
  constructor(private readonly collection: Collection) {}

  async next(name: string): Promise<number> {
    const { affectedDocuments } = await this.collection.updateAsync(
      { _id: name },
      { $inc: { value: 1 } },
      { upsert: true, returnUpdatedDocs: true },
    );
    const value = affectedDocuments?.value;
    if (typeof value !== 'number') throw new Error(`counter ${name} has no numeric value`);
    return value;
  }
}
