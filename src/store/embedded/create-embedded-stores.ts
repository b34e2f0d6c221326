import { chmod, mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Stores } from '../../ports/stores';
import { PENDING_FLAG_MIGRATION } from '../documents';
import { INBOX_DONE_MIGRATION } from '../inbox-documents';
import { lockDataDir } from './data-dir-lock';
import { closeAppendHandles, installAppendHandles } from './append-handles';
import { installCompactUnset } from './compact-unset';
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

const COLLECTIONS = [
  'cases',
  'counters',
  'sessions',
  'profiles',
  'keyValues',
  'bindings',
  'inbox',
  'leases',
  'outbox',
] as const;
type CollectionName = (typeof COLLECTIONS)[number];

/**
 * Plain indexes beside the unique ones. The inbox and the outbox keep the turns and messages they have handled (until
 * pruned), and NeDB answers a query without a usable index by testing every document, on every turn: `status` narrows
 * the queue's scans (due, claimable) to what is pending, `caseId` a case's notifications, `stream` a member's replies,
 * `turn` the replies of a turn just done (forgotten once sent).
 */
export const PLAIN_INDEXES: Partial<Record<CollectionName, string[]>> = {
  inbox: ['status'],
  outbox: ['status', 'caseId', 'stream', 'turn'],
};

/** Opens every collection; waits for all before failing, so a damaged file never leaves others mid-write. */
async function openAll(dataDir: string | undefined): Promise<Record<CollectionName, Collection>> {
  const results = await Promise.allSettled(
    COLLECTIONS.map((name) =>
      name === 'cases'
        ? openCollection(dataDir, name, [{ fieldName: 'number' }], ['status', 'hasPendingNotifications'])
        : name === 'sessions'
          ? openCollection(dataDir, name, [], ['userId'])
          : openCollection(dataDir, name, [], PLAIN_INDEXES[name] ?? []),
    ),
  );
  const opened: Partial<Record<CollectionName, Collection>> = {};
  for (const [index, result] of results.entries()) {
    if (result.status === 'rejected') throw result.reason;
    opened[COLLECTIONS[index] as CollectionName] = result.value;
  }
  return opened as Record<CollectionName, Collection>;
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
  installCompactUnset();
  // After compact-unset: the updates it does not build itself go to NeDB's modify with compact-unset around it.
  installShallowModify();
  installPlainSerialize();
  // One writer per data folder: taken before any file is read, given up after the last write is on disk.
  const lock = dataDir === undefined ? null : await lockDataDir(dataDir);
  let c: Record<CollectionName, Collection>;
  try {
    c = await openAll(dataDir);
    await c.cases.updateAsync(PENDING_FLAG_MIGRATION.filter, PENDING_FLAG_MIGRATION.update, { multi: true });
    await c.inbox.updateAsync(INBOX_DONE_MIGRATION.filter, INBOX_DONE_MIGRATION.update, { multi: true });
  } catch (error) {
    await lock?.release();
    throw error;
  }
  return {
    exclusive: true,
    description: dataDir === undefined ? 'embedded (in memory)' : `embedded files in ${dataDir}`,
    cases: new EmbeddedCaseRepository(c.cases),
    counters: new EmbeddedCounterStore(c.counters),
    sessions: new EmbeddedSessionStore(c.sessions),
    profiles: new EmbeddedProfileStore(c.profiles),
    keyValues: new EmbeddedKeyValueStore(c.keyValues),
    bindings: new EmbeddedChannelBindingStore(c.bindings),
    inbox: new EmbeddedInboxStore(c.inbox),
    leases: new EmbeddedLeaseStore(c.leases),
    outbox: new EmbeddedOutboxStore(c.outbox),
    blobs: new EmbeddedBlobStore(dataDir),
    ping: () => Promise.resolve(true),
    // Compacting queues behind every pending write, so when it resolves everything is on disk in its final form.
    async close() {
      await compactAll(Object.values(c));
      if (dataDir !== undefined) await closeAppendHandles(COLLECTIONS.map((name) => join(dataDir, `${name}.db`)));
      await lock?.release();
    },
  };
}
