/**
 * Opaque bytes by id: Vaktpost's copies of the members' evidence files, already encrypted by the evidence vault
 * (src/evidence) before they reach a store, so a store never sees a file in clear.
 */
export interface BlobStore {
  /** Stores the bytes under `id`; an id already present is replaced (ids are random, so this is a retried write). */
  put(id: string, bytes: Buffer): Promise<void>;
  /** The bytes, or null when there are none under `id`. */
  get(id: string): Promise<Buffer | null>;
  /** Removes the bytes; an id that is not there is not an error (erasure may run twice). */
  delete(id: string): Promise<void>;
  /** Every id held (backups, checks and the contract test). */
  ids(): Promise<string[]>;
}

/** Blob ids are made by the vault; anything else is refused before it can name a path or a document. */
export const BLOB_ID = /^[A-Za-z0-9_-]{8,100}$/;
