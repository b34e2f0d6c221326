import type { Collection, Filter, UpdateFilter, WithoutId } from 'mongodb';
import type { StoredDocument } from '../documents';

/** A MongoDB collection of our stored documents (string `_id`s, fields per src/store/documents.ts). */
export type MongoCollection = Collection<StoredDocument>;

/** The shared filters are plain objects; this gives them the driver's type. */
export const asFilter = (filter: Record<string, unknown>): Filter<StoredDocument> => filter as Filter<StoredDocument>;

/** The shared update documents are plain objects; this gives them the driver's type. */
export const asUpdate = (update: Record<string, unknown>): UpdateFilter<StoredDocument> =>
  update as UpdateFilter<StoredDocument>;

/** A replacement must not carry `_id` (it is the filter's); the rest of the stored document. */
export function withoutId(doc: StoredDocument): WithoutId<StoredDocument> {
  const { _id: _ignored, ...rest } = doc;
  return rest;
}
