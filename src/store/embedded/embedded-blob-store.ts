import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { VaktpostError } from '../../domain/errors';
import { BLOB_ID, type BlobStore } from '../../ports/blob-store';
import { PRIVATE_MODES } from './datastore';

const checked = (id: string): string => {
  if (!BLOB_ID.test(id)) throw new VaktpostError('store.unavailable', `Not a blob id: ${id.slice(0, 20)}`);
  return id;
};

/**
 * Blobs as files under `<DATA_DIR>/evidence/<id>.bin` (private to the service user), or in memory without a data
 * folder. Each file is written beside its final name and renamed into place, so a crash never leaves half a file under
 * the real name. A backup of DATA_DIR takes them with it.
 */
export class EmbeddedBlobStore implements BlobStore {
  private readonly memory = new Map<string, Buffer>();
  private readonly folder: string | undefined;

  constructor(dataDir: string | undefined) {
    this.folder = dataDir === undefined ? undefined : join(dataDir, 'evidence');
  }

  private path(id: string): string {
    return join(this.folder as string, `${checked(id)}.bin`);
  }

  async put(id: string, bytes: Buffer): Promise<void> {
    if (this.folder === undefined) {
      this.memory.set(checked(id), Buffer.from(bytes));
      return;
    }
    await mkdir(this.folder, { recursive: true, mode: PRIVATE_MODES.dirMode });
    const final = this.path(id);
    const partial = `${final}.partial`;
    await writeFile(partial, bytes, { mode: PRIVATE_MODES.fileMode });
    await rename(partial, final);
  }

  async get(id: string): Promise<Buffer | null> {
    if (this.folder === undefined) return this.memory.get(checked(id)) ?? null;
    try {
      return await readFile(this.path(id));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }

  async delete(id: string): Promise<void> {
    if (this.folder === undefined) {
      this.memory.delete(checked(id));
      return;
    }
    await rm(this.path(id), { force: true });
  }

  async ids(): Promise<string[]> {
    if (this.folder === undefined) return [...this.memory.keys()].sort();
    try {
      const names = await readdir(this.folder);
      return names
        .filter((n) => n.endsWith('.bin'))
        .map((n) => n.slice(0, -4))
        .sort();
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
  }
}
