import { open, type FileHandle } from 'node:fs/promises';
import { createRequire } from 'node:module';

/** The part of NeDB's storage module its persistence calls for each write and each rewrite of a data file. */
interface NedbStorage {
  appendFileAsync(filename: string, data: string, options: { encoding: 'utf8'; mode?: number }): Promise<void>;
  crashSafeWriteFileLinesAsync(filename: string, lines: string[], modes?: unknown): Promise<void>;
  unlinkAsync(filename: string): Promise<void>;
}

const storage = createRequire(__filename)('@seald-io/nedb/lib/storage.js') as NedbStorage;
const handles = new Map<string, Promise<FileHandle>>();

async function closeOne(filename: string): Promise<void> {
  const handle = handles.get(filename);
  if (!handle) return;
  handles.delete(filename);
  await (await handle).close().catch(() => undefined);
}

let installed = false;

/**
 * NeDB appends every write with `fs.promises.appendFile`: an open, a write and a close each time, about a tenth of
 * the process's CPU under a storm of DMs (a DM costs about eight writes across the inbox, sessions and outbox). This
 * keeps one append handle per data file instead. NeDB rewrites a file by writing a temporary one and renaming it over
 * the old (compaction, at load and on close): the handle is closed first, so the next write opens the new file.
 * Both run inside NeDB's one-operation-at-a-time queue of that collection, so they never overlap. Installed once per
 * process by the embedded store; `closeAppendHandles` releases the handles of closed stores.
 */
export function installAppendHandles(): void {
  if (installed) return;
  installed = true;
  const rewrite = storage.crashSafeWriteFileLinesAsync.bind(storage);
  const unlink = storage.unlinkAsync.bind(storage);
  storage.appendFileAsync = async (filename, data, options) => {
    let handle = handles.get(filename);
    if (!handle) {
      handle = open(filename, 'a', options.mode);
      handles.set(filename, handle);
      // A failed open is not kept: the next write tries again.
      handle.catch(() => handles.delete(filename));
    }
    await (await handle).appendFile(data, { encoding: options.encoding });
  };
  storage.crashSafeWriteFileLinesAsync = async (filename, lines, modes) => {
    await closeOne(filename);
    await rewrite(filename, lines, modes);
  };
  storage.unlinkAsync = async (filename) => {
    await closeOne(filename);
    await unlink(filename);
  };
}

/** Closes the append handles of these data files (a store being closed). */
export async function closeAppendHandles(filenames: string[]): Promise<void> {
  await Promise.all(filenames.map(closeOne));
}
