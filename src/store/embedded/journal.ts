import { chmod, open, readFile, rename } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { VaktpostError } from '../../domain/errors';
import type { StoredDocument } from '../documents';
import { appendNow, closeAppendHandle, yieldAfterWrites } from './append-handles';
import { PRIVATE_MODES } from './datastore';
import { escapeLineBreaks } from './plain-serialize';

/** NeDB's line parser (`{"$$date": n}` becomes a Date) and its recovery of a rewrite a crash cut short. */
const nedbModel = createRequire(__filename)('@seald-io/nedb/lib/model.js') as {
  deserialize(line: string): unknown;
};
const nedbStorage = createRequire(__filename)('@seald-io/nedb/lib/storage.js') as {
  /** Keeps the file; if it is missing but its `~` twin (a finished rewrite not yet renamed) exists, renames that. */
  ensureDatafileIntegrityAsync(filename: string, mode: number): Promise<void>;
};

/**
 * Replaces `filename` with `text` as NeDB does, so a crash at any point leaves the old file or the new one: the text
 * goes to `<filename>~` (in one write, where NeDB's helper streams it line by line), is flushed to disk, renamed over
 * the file, and the folder is flushed.
 */
async function crashSafeWrite(filename: string, text: string): Promise<void> {
  const temp = `${filename}~`;
  const file = await open(temp, 'w', PRIVATE_MODES.fileMode);
  try {
    // A temp file a crash left behind keeps its old mode otherwise.
    await file.chmod(PRIVATE_MODES.fileMode);
    await file.writeFile(text, 'utf8');
    await file.sync();
  } finally {
    await file.close();
  }
  await rename(temp, filename);
  const folder = await open(dirname(filename), 'r');
  try {
    await folder.sync();
  } catch (error) {
    // Some file systems cannot flush a folder (NeDB ignores the same errors).
    if (!['EPERM', 'EISDIR', 'EINVAL'].includes((error as NodeJS.ErrnoException).code ?? '')) throw error;
  } finally {
    await folder.close();
  }
}

/** How a journal's values become lines of its file and come back. */
export interface JournalCodec<T> {
  /**
   * The document written for a value (its `_id` is the value's id), as NeDB would write it: plain JSON whose keys
   * hold no `$` or `.` (`encodeKeys`), a Date as `{ $$date: <ms> }` (NeDB's form, read back as a Date). It is written
   * with `JSON.stringify` alone, without the walk NeDB's serialize (or `plainLine`) makes to find Dates and refuse
   * keys: the journal's stores build every document themselves.
   */
  toDocument(value: T): StoredDocument;
  /**
   * What memory holds for a document read from the file at load, checked once (`parseStored`); throws
   * `store.unavailable` when it does not match, which stops the start.
   */
  fromDocument(doc: StoredDocument): T;
  /** Called after every change to memory (at load too), before the write resolves: the store's own indexes. */
  changed(id: string, before: T | undefined, after: T | undefined): void;
}

/** One change of a write: the new value of an id, or null to remove it. */
export type JournalChange<T> = readonly [id: string, value: T | null];

const DELETED = (id: string): string => JSON.stringify({ $$deleted: true, _id: id });
/** The line of a document (see `JournalCodec.toDocument`), one line for NeDB's reader too. */
const lineOf = (doc: StoredDocument): string => escapeLineBreaks(JSON.stringify(doc));

/**
 * A collection held in memory by `_id`, its writes appended to `<dataDir>/<name>.db` in NeDB's own format: one line
 * per document (NeDB's serialization), `{"$$deleted":true,"_id":…}` for a removal, the last line of an id wins. A file
 * an earlier version wrote with NeDB loads unchanged, and a file written here loads in NeDB. It replaces NeDB for the
 * busiest collections (inbox, outbox, sessions: a DM's six writes), where NeDB's query matcher, cursor, deep copies,
 * indexes and queue cost more than the write itself: here a conditional update is a lookup, a test and one
 * `write(2)`, all before the first `await`, so two calls can never interleave (the store's only writer is this
 * process: the data-directory lock).
 *
 * A write reaches the kernel before memory changes (a failed write changes nothing) and resolves when it is there,
 * as NeDB's did; like NeDB, appends are not fsynced (a killed process loses nothing, a power cut may lose the last).
 * The file is rewritten without superseded lines at load and on close (temp file, fsync, rename, as NeDB does; a
 * rewrite a crash interrupted is recovered at load as NeDB recovers it). Without a data directory it is memory only.
 */
export class Journal<T> {
  private readonly docs = new Map<string, T>();
  /** A rewrite under way: writes meanwhile wait in `deferred` and go to the new file once it is in place. */
  private rewriting: Promise<void> | null = null;
  private deferred = '';

  private constructor(
    private readonly name: string,
    private readonly filename: string | undefined,
    private readonly codec: JournalCodec<T>,
  ) {}

  /**
   * Opens (and on disk loads and compacts) the journal `name`. A line that is not a document stops the start with
   * `store.unavailable`, the file left as it is; NeDB (with the threshold we gave it) refused such files too, a
   * half-written last line included, which is what a crash in the middle of a write leaves.
   */
  static async open<T>(dataDir: string | undefined, name: string, codec: JournalCodec<T>): Promise<Journal<T>> {
    const filename = dataDir === undefined ? undefined : join(dataDir, `${name}.db`);
    const journal = new Journal(name, filename, codec);
    if (filename === undefined) return journal;
    await nedbStorage.ensureDatafileIntegrityAsync(filename, PRIVATE_MODES.fileMode);
    journal.load(await readFile(filename, 'utf8'));
    // Files written by an older version (0644) become private too; rewrites use PRIVATE_MODES.
    await chmod(filename, PRIVATE_MODES.fileMode);
    await journal.compact();
    return journal;
  }

  private load(text: string): void {
    const lines = text.split('\n');
    const docs = new Map<string, StoredDocument>();
    for (const [index, line] of lines.entries()) {
      if (line === '') continue;
      let doc: Record<string, unknown>;
      try {
        const parsed = nedbModel.deserialize(line);
        if (typeof parsed !== 'object' || parsed === null) throw new Error('not a document');
        doc = parsed as Record<string, unknown>;
      } catch (error) {
        const last = lines.slice(index + 1).every((rest) => rest === '');
        throw this.unloadable(
          `line ${index + 1}${last ? ' (the last)' : ''} is damaged (${(error as Error).message}).`,
        );
      }
      // As NeDB reads its files: index lines (`$$indexCreated`, `$$indexRemoved`) and lines without an id say nothing
      // about documents.
      const id = doc._id;
      if (typeof id !== 'string' || id === '') continue;
      if (doc.$$deleted === true) docs.delete(id);
      else docs.set(id, doc as StoredDocument);
    }
    for (const [id, doc] of docs) {
      let value: T;
      try {
        value = this.codec.fromDocument(doc);
      } catch (error) {
        throw this.unloadable((error as Error).message);
      }
      this.docs.set(id, value);
      this.codec.changed(id, undefined, value);
    }
  }

  private unloadable(problem: string): VaktpostError {
    return new VaktpostError(
      'store.unavailable',
      `Cannot load ${this.filename ?? this.name}: ${problem} Repair or remove the damaged lines ` +
        '(a half-written last line after a crash is safe to delete).',
      { collection: this.name },
    );
  }

  /** The value stored under `id`: the journal's own, frozen by the store (never changed in place). */
  get(id: string): T | undefined {
    return this.docs.get(id);
  }

  /** Every stored value (for the rare full scans: pruning). */
  values(): IterableIterator<T> {
    return this.docs.values();
  }

  /**
   * Applies `changes` in order with one append of their lines (so a multi-document write is never half written) and
   * then in memory. Throws, changing nothing, when the append fails; the promise resolves once the lines are in the
   * kernel (at once, or at the event loop's next turn after a long run of writes: see append-handles.ts).
   */
  write(changes: ReadonlyArray<JournalChange<T>>): Promise<void> {
    if (changes.length === 0) return Promise.resolve();
    let pause: Promise<void> | null = null;
    if (this.filename !== undefined) {
      let data = '';
      for (const [id, value] of changes)
        data += `${value === null ? DELETED(id) : lineOf(this.codec.toDocument(value))}\n`;
      if (this.rewriting !== null) {
        this.deferred += data;
        pause = this.rewriting;
      } else {
        appendNow(this.filename, data, PRIVATE_MODES.fileMode);
        pause = yieldAfterWrites();
      }
    }
    for (const [id, value] of changes) {
      const before = this.docs.get(id);
      if (value === null) this.docs.delete(id);
      else this.docs.set(id, value);
      this.codec.changed(id, before, value ?? undefined);
    }
    return pause ?? Promise.resolve();
  }

  /**
   * Rewrites the file with one line per stored document. Writes asked for meanwhile change memory at once and are
   * appended to the new file once it has replaced the old one; they resolve then.
   */
  async compact(): Promise<void> {
    const filename = this.filename;
    if (filename === undefined) return;
    if (this.rewriting !== null) return this.rewriting;
    let text = '';
    for (const value of this.docs.values()) text += `${lineOf(this.codec.toDocument(value))}\n`;
    const rewrite = async (): Promise<void> => {
      try {
        closeAppendHandle(filename);
        await crashSafeWrite(filename, text);
      } finally {
        this.rewriting = null;
        const deferred = this.deferred;
        this.deferred = '';
        if (deferred !== '') appendNow(filename, deferred, PRIVATE_MODES.fileMode);
      }
    };
    this.rewriting = rewrite();
    return this.rewriting;
  }

  /** Compacts the file and gives up its append descriptor (the store is closing). */
  async close(): Promise<void> {
    await this.compact();
    if (this.filename !== undefined) closeAppendHandle(this.filename);
  }
}
