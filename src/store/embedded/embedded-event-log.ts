import type { EventLog } from '../../ports/event-log';
import { isUniqueViolation, type Collection } from './datastore';

/** Handled platform event ids in a NeDB file; the unique `_id` decides which delivery is the first. */
export class EmbeddedEventLog implements EventLog {
  constructor(private readonly collection: Collection) {}

  async markProcessed(eventId: string, at: Date): Promise<boolean> {
    try {
      await this.collection.insertAsync({ _id: eventId, at: at.toISOString() });
      return true;
    } catch (error) {
      if (isUniqueViolation(error)) return false;
      throw error;
    }
  }
}
