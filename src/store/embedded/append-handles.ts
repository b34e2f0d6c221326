import { closeSync, openSync, writeSync } from 'node:fs';
import { createRequire } from 'node:module';
import { setImmediate as nextTurn } from 'node:timers/promises';

/** The part of NeDB's storage module its persistence calls for each write and each rewrite of a data file. */
interface NedbStorage {
  appendFileAsync(filename: string, data: string, options: { encoding: 'utf8'; mode?: number }): Promise<void>;
  crashSafeWriteFileLinesAsync(filename: string, lines: string[], modes?: unknown): Promise<void>;
  unlinkAsync(filename: string): Promise<void>;
}

const storage = createRequire(__filename)('@seald-io/nedb/lib/storage.js') as NedbStorage;
/** Open append descriptors by data file. */
const handles = new Map<string, number>();

function closeOne(filename: string): void {
  const fd = handles.get(filename);
  if (fd === undefined) return;
  handles.delete(filename);
  try {
    closeSync(fd);
  } catch {
    // Already closed (the file system went away): nothing is left to release.
  }
}

/** Appends all of `data`: a write to a regular file may, rarely, take only part of it. */
function appendAll(fd: number, data: string): void {
  const bytes = Buffer.from(data, 'utf8');
  let written = 0;
  while (written < bytes.length) written += writeSync(fd, bytes, written, bytes.length - written);
}

/** Writes in a row after which a write waits for the event loop's next turn. */
const WRITES_BEFORE_YIELD = 16;
let inARow = 0;
let resetQueued = false;

/** Counts this write; the count starts again at the event loop's next turn. */
function writesThisTurn(): number {
  inARow += 1;
  if (!resetQueued) {
    resetQueued = true;
    setImmediate(() => {
      inARow = 0;
      resetQueued = false;
    });
  }
  return inARow;
}

/**
 * Appends `data` to `filename` with one `write(2)` through the file's kept append descriptor (opened on first use,
 * with `mode` if it creates the file), synchronously: when it returns the data is in the kernel, and a failure
 * throws before the caller changes anything else. The journal (journal.ts) and NeDB's patched append both write
 * here, so `closeAppendHandles` and a rewrite's close of the descriptor serve both. Follow it with
 * {@link yieldAfterWrites}.
 */
export function appendNow(filename: string, data: string, mode: number | undefined): void {
  let fd = handles.get(filename);
  if (fd === undefined) {
    // A failed open throws and keeps nothing: the next write tries again.
    fd = openSync(filename, 'a', mode);
    handles.set(filename, fd);
  }
  appendAll(fd, data);
}

/**
 * Counts a write: from the {@link WRITES_BEFORE_YIELD}th write of one turn of the event loop on, each gets a promise of
 * its next turn to wait for; the others get nothing. A long run of writes without the event loop turning (a sweep, a loop of creates)
 * gives it its turn now and then, as a write through the thread pool did, so HTTP requests and timers are not held
 * back until it ends. A turn's few writes do not wait: the ack of a DM waits for its inbox write.
 */
export function yieldAfterWrites(): Promise<void> | null {
  return writesThisTurn() >= WRITES_BEFORE_YIELD ? nextTurn() : null;
}

/** {@link appendNow}, then {@link yieldAfterWrites}. */
export async function appendToFile(filename: string, data: string, mode: number | undefined): Promise<void> {
  appendNow(filename, data, mode);
  await yieldAfterWrites();
}

/** Closes the kept append descriptor of `filename`, if any: before the file is replaced by a rewrite. */
export const closeAppendHandle = (filename: string): void => closeOne(filename);

let installed = false;

/**
 * NeDB appends every write with `fs.promises.appendFile`: an open, a write and a close each time. This keeps one
 * append descriptor per data file instead and writes to it synchronously: one `write(2)` of a line (a few hundred
 * bytes into the page cache) costs about a microsecond, where a write through the thread pool cost some forty of the
 * main thread's under a storm of DMs (a DM costs six writes across the inbox, sessions and outbox); a long run of
 * writes still yields to the event loop now and then. Durability is the
 * same: either way the line is in the kernel when NeDB's write resolves, so a killed process loses nothing that was
 * acknowledged (a power cut may, as before: NeDB never calls fsync on appends).
 * NeDB rewrites a file by writing a temporary one and renaming it over the old (compaction, at load and on close):
 * the descriptor is closed first, so the next write opens the new file. Both run inside NeDB's
 * one-operation-at-a-time queue of that collection, so they never overlap. Installed once per process by the embedded
 * store; `closeAppendHandles` releases the descriptors of closed stores.
 */
export function installAppendHandles(): void {
  if (installed) return;
  installed = true;
  const rewrite = storage.crashSafeWriteFileLinesAsync.bind(storage);
  const unlink = storage.unlinkAsync.bind(storage);
  storage.appendFileAsync = (filename, data, options) => appendToFile(filename, data, options.mode);
  storage.crashSafeWriteFileLinesAsync = async (filename, lines, modes) => {
    closeOne(filename);
    await rewrite(filename, lines, modes);
  };
  storage.unlinkAsync = async (filename) => {
    closeOne(filename);
    await unlink(filename);
  };
}

/** Closes the append descriptors of these data files (a store being closed). */
export function closeAppendHandles(filenames: string[]): Promise<void> {
  filenames.forEach(closeOne);
  return Promise.resolve();
}
