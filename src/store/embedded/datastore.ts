import Datastore from '@seald-io/nedb';
import { chmod } from 'node:fs/promises';
import { join } from 'node:path';
import { VaktpostError } from '../../domain/errors';
import type { StoredDocument } from '../documents';
import { installFastIndexRemoval } from './index-removal';
import { installInPlaceIndexUpdate } from './index-update';
import { createRequire } from 'node:module';

/** Data files readable by the service user only (reports are sensitive even encrypted), folders likewise. */
export const PRIVATE_MODES = { fileMode: 0o600, dirMode: 0o700 } as const;

/** One NeDB collection, typed to our stored documents. */
export type Collection = Datastore<StoredDocument>;

/** A unique-index field of a collection (besides `_id`, which NeDB always keeps unique). */
export interface UniqueField {
  fieldName: string;
}

/**
 * Opens (and on disk loads) one collection: `<dataDir>/<name>.db`, or memory only without a data directory. Loading
 * rewrites the append-only file without superseded lines, which is the compaction on start. A damaged line stops the
 * start instead of being dropped: NeDB's default would silently discard up to 10 % of the file on the next rewrite.
 * `indexed` fields get a plain index (the sweep's scan by status).
 */
export async function openCollection(
  dataDir: string | undefined,
  name: string,
  unique: UniqueField[] = [],
  indexed: string[] = [],
): Promise<Collection> {
  installFastIndexRemoval();
  installInPlaceIndexUpdate();
  const filename = dataDir === undefined ? undefined : join(dataDir, `${name}.db`);
  const store: Collection =
    filename === undefined
      ? new Datastore<StoredDocument>({ inMemoryOnly: true })
      : new Datastore<StoredDocument>({ filename, corruptAlertThreshold: 0, modes: PRIVATE_MODES });
  try {
    await store.loadDatabaseAsync();
  } catch (error) {
    throw new VaktpostError(
      'store.unavailable',
      `Cannot load ${filename ?? name}: ${(error as Error).message} Repair or remove the damaged lines ` +
        '(a half-written last line after a crash is safe to delete).',
      { collection: name },
    );
  }
  // Files written by an older version (0644) become private too; NeDB's own rewrites use PRIVATE_MODES.
  if (filename !== undefined) await chmod(filename, PRIVATE_MODES.fileMode);
  for (const field of unique) await store.ensureIndexAsync({ fieldName: field.fieldName, unique: true });
  for (const fieldName of indexed) await store.ensureIndexAsync({ fieldName });
  return store;
}

/** True when NeDB refused a write because of a unique index (a duplicate `_id` or unique field). */
export function isUniqueViolation(error: unknown): boolean {
  return (error as { errorType?: unknown } | null)?.errorType === 'uniqueViolated';
}

/** Writes each collection out once more, without superseded lines, after every queued operation has finished. */
export async function compactAll(collections: Collection[]): Promise<void> {
  await Promise.all(collections.map((c) => c.compactDatafileAsync()));
}

/** NeDB's query matcher (`model.match`), the same test `find` applies to each candidate. */
const nedbModel = createRequire(__filename)('@seald-io/nedb/lib/model.js') as {
  match(doc: unknown, query: Record<string, unknown>): boolean;
};

/** True when NeDB would find `doc` with `query`. */
export const matches = (doc: StoredDocument, query: Record<string, unknown>): boolean => nedbModel.match(doc, query);

/**
 * NeDB's own, uncopied document with this id (from its `_id` index), or null. Read only: changing it would change
 * the store's memory behind its back. For scans that would otherwise deep-copy every document they pass.
 */
export function currentDocument(collection: Collection, id: string): StoredDocument | null {
  const index = (collection as unknown as { indexes: Record<string, { getMatching(v: unknown): StoredDocument[] }> })
    .indexes._id;
  return index?.getMatching(id)[0] ?? null;
}
