import { chmod, mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Stores } from '../../ports/stores';
import { PENDING_FLAG_MIGRATION } from '../documents';
import { lockDataDir } from './data-dir-lock';
import { closeAppendHandles, installAppendHandles } from './append-handles';
import { installPlainSerialize } from './plain-serialize';
import { installShallowModify } from './shallow-modify';
import { compactAll, openCollection, PRIVATE_MODES, type Collection } from './datastore';
import { EmbeddedBlobStore } from './embedded-blob-store';
import { EmbeddedCaseRepository } from './embedded-case-repository';
import { EmbeddedCounterStore } from './embedded-counter-store';
import { EmbeddedInboxStore } from './embedded-inbox-store';
import { EmbeddedChannelBindingStore } from './embedded-channel-binding-store';
import { EmbeddedKeyValueStore } from './embedded-key-value-store';
import { EmbeddedLeaseStore } from './embedded-lease-store';
import { EmbeddedOutboxStore } from './embedded-outbox-store';
import { EmbeddedProfileStore } from './embedded-profile-store';
import { EmbeddedSessionStore } from './embedded-session-store';

/** Where the embedded store keeps its files. */
export interface EmbeddedStoresConfig {
  /** Directory for one `<collection>.db` file per collection; undefined keeps everything in memory (tests, fakes). */
  dataDir?: string;
}

const COLLECTIONS = ['cases', 'counters', 'keyValues', 'bindings', 'leases'] as const;
type CollectionName = (typeof COLLECTIONS)[number];

/** The collections in NeDB files and the four journals. */
interface Opened {
  c: Record<CollectionName, Collection>;
  inbox: EmbeddedInboxStore;
  outbox: EmbeddedOutboxStore;
  sessions: EmbeddedSessionStore;
  profiles: EmbeddedProfileStore;
}

/**
 * Opens every collection; waits for all before failing, so a damaged file never leaves others mid-write. The inbox,
 * the outbox and the sessions, which take a DM's six writes (and the inbox and outbox keep the turns and messages they
 * have handled until pruned), and the profiles, read on every turn, are journals with indexes of their own
 * (journal.ts); the rest are NeDB collections with the indexes their queries need (NeDB answers a query without a
 * usable index by testing every document).
 */
async function openAll(dataDir: string | undefined): Promise<Opened> {
  const [[inbox, outbox, sessions, profiles], results] = await Promise.all([
    Promise.allSettled([
      EmbeddedInboxStore.open(dataDir),
      EmbeddedOutboxStore.open(dataDir),
      EmbeddedSessionStore.open(dataDir),
      EmbeddedProfileStore.open(dataDir),
    ] as const),
    Promise.allSettled(
      COLLECTIONS.map((name) =>
        name === 'cases'
          ? openCollection(dataDir, name, [{ fieldName: 'number' }], ['status', 'hasPendingNotifications'])
          : openCollection(dataDir, name),
      ),
    ),
  ]);
  const c: Partial<Record<CollectionName, Collection>> = {};
  for (const [index, result] of results.entries()) {
    if (result.status === 'rejected') throw result.reason;
    c[COLLECTIONS[index] as CollectionName] = result.value;
  }
  if (inbox.status === 'rejected') throw inbox.reason;
  if (outbox.status === 'rejected') throw outbox.reason;
  if (sessions.status === 'rejected') throw sessions.reason;
  if (profiles.status === 'rejected') throw profiles.reason;
  return {
    c: c as Record<CollectionName, Collection>,
    inbox: inbox.value,
    outbox: outbox.value,
    sessions: sessions.value,
    profiles: profiles.value,
  };
}

/**
 * Opens the embedded store: NeDB files under `dataDir`, for a single process (NeDB's one-operation-at-a-time queue
 * is what makes conditional writes atomic, so two processes must never share a data directory).
 */
export async function createEmbeddedStores(options: EmbeddedStoresConfig): Promise<Stores> {
  const dataDir = options.dataDir === undefined ? undefined : resolve(options.dataDir);
  if (dataDir !== undefined) {
    await mkdir(dataDir, { recursive: true, mode: PRIVATE_MODES.dirMode });
    await chmod(dataDir, PRIVATE_MODES.dirMode);
  }
  installAppendHandles();
  installShallowModify();
  installPlainSerialize();
  // One writer per data folder: taken before any file is read, given up after the last write is on disk.
  const lock = dataDir === undefined ? null : await lockDataDir(dataDir);
  let c: Record<CollectionName, Collection>;
  let inbox: EmbeddedInboxStore;
  let outbox: EmbeddedOutboxStore;
  let sessions: EmbeddedSessionStore;
  let profiles: EmbeddedProfileStore;
  try {
    ({ c, inbox, outbox, sessions, profiles } = await openAll(dataDir));
    await c.cases.updateAsync(PENDING_FLAG_MIGRATION.filter, PENDING_FLAG_MIGRATION.update, { multi: true });
  } catch (error) {
    await lock?.release();
    throw error;
  }
  return {
    exclusive: true,
    description: dataDir === undefined ? 'embedded (in memory)' : `embedded files in ${dataDir}`,
    cases: new EmbeddedCaseRepository(c.cases),
    counters: new EmbeddedCounterStore(c.counters),
    sessions,
    profiles,
    keyValues: new EmbeddedKeyValueStore(c.keyValues),
    bindings: new EmbeddedChannelBindingStore(c.bindings),
    inbox,
    leases: new EmbeddedLeaseStore(c.leases),
    outbox,
    blobs: new EmbeddedBlobStore(dataDir),
    ping: () => Promise.resolve(true),
    // Compacting queues behind every pending write, so when it resolves everything is on disk in its final form.
    async close() {
      await Promise.all([
        compactAll(Object.values(c)),
        inbox.close(),
        outbox.close(),
        sessions.close(),
        profiles.close(),
      ]);
      if (dataDir !== undefined) await closeAppendHandles(COLLECTIONS.map((name) => join(dataDir, `${name}.db`)));
      await lock?.release();
    },
  };
}
