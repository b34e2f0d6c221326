import type { EventLog } from '../../ports/event-log';
import { isDuplicateKeyError } from './connect';
import type { MongoCollection } from './types';

/** Handled platform event ids in MongoDB, `_id` = event id: the unique index picks the first delivery. */
export class MongoEventLog implements EventLog {
  constructor(private readonly collection: MongoCollection) {}

  async markProcessed(eventId: string, at: Date): Promise<boolean> {
    try {
      await this.collection.insertOne({ _id: eventId, at: at.toISOString() });
      return true;
    } catch (error) {
      if (isDuplicateKeyError(error)) return false;
      throw error;
    }
  }
}
