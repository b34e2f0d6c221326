import type { Stores } from '../../ports/stores';
import { PENDING_FLAG_MIGRATION, type StoredDocument } from '../documents';
import { INBOX_DONE_MIGRATION } from '../inbox-documents';
import { asFilter, asUpdate } from './types';
import { connectMongo, type MongoStoresConfig } from './connect';
import { MongoBlobStore, type BlobDocument } from './mongo-blob-store';
import { MongoCaseRepository } from './mongo-case-repository';
import { MongoCounterStore } from './mongo-counter-store';
import { MongoInboxStore } from './mongo-inbox-store';
import { MongoKeyValueStore } from './mongo-key-value-store';
import { MongoChannelBindingStore } from './mongo-channel-binding-store';
import { MongoLeaseStore } from './mongo-lease-store';
import { MongoOutboxStore } from './mongo-outbox-store';
import { MongoProfileStore } from './mongo-profile-store';
import { MongoSessionStore } from './mongo-session-store';

export type { MongoStoresConfig } from './connect';

type IndexSpec = [collection: string, key: Record<string, 1 | -1>, unique: boolean];

/** Secondary indexes; `_id` is unique by itself (case id, session key, event id, notification id, lease, counter). */
const INDEXES: IndexSpec[] = [
  ['cases', { number: 1 }, true],
  ['cases', { districtId: 1, status: 1 }, false],
  // The reminder sweep scans by status alone.
  ['cases', { status: 1 }, false],
  // The dispatcher's relay: the few cases with notifications still inside them.
  ['cases', { hasPendingNotifications: 1 }, false],
  ['cases', { 'reporter.userId': 1 }, false],
  ['cases', { 'owner.userId': 1 }, false],
  ['cases', { createdAtMs: -1 }, false],
  ['outbox', { status: 1, nextAttemptAtMs: 1 }, false],
  ['outbox', { caseId: 1, seq: 1 }, false],
  ['keyValues', { namespace: 1, key: 1 }, false],
  // A member's open dialogs, read on every turn.
  ['sessions', { userId: 1 }, false],
  // A district's bound channels, read on every alert.
  ['bindings', { districtId: 1 }, false],
  ['inbox', { status: 1, receivedAtMs: 1 }, false],
  ['outbox', { stream: 1, status: 1 }, false],
  // The replies of a turn just done, forgotten once sent.
  ['outbox', { turn: 1 }, false],
];

/** MongoDB's own naming (`districtId_1_status_1`), so an index made by hand is recognised as the same. */
const indexName = (key: Record<string, 1 | -1>): string =>
  Object.entries(key)
    .map(([field, direction]) => `${field}_${direction}`)
    .join('_');

/**
 * Connects to MongoDB and makes sure the indexes exist (creating an existing index is a no-op). Unique indexes:
 * `_id` everywhere (case id, session key, event id, notification id, lease and counter name) and the case number.
 */
export async function createMongoStores(options: MongoStoresConfig): Promise<Stores> {
  const { client, db, description, ttlIndexes } = await connectMongo(options);
  const collection = (name: string) => db.collection<StoredDocument>(name);
  try {
    // One createIndex call per index: FerretDB v1 drops the connection when one createIndexes call lists several
    // indexes that exist already (every start after the first).
    for (const [name, key, unique] of INDEXES) {
      await collection(name).createIndex(key, { name: indexName(key), ...(unique ? { unique: true } : {}) });
    }
    // Processed deliveries expire by themselves on MongoDB (`expireAt` is set when an entry is marked done). FerretDB
    // refuses TTL indexes (test/store/FERRETDB-NOTES.md); the inbox's hourly pruning covers it there, and is harmless
    // where the TTL index works.
    if (ttlIndexes) {
      await collection('inbox').createIndex({ expireAt: 1 }, { name: 'expireAt_1', expireAfterSeconds: 0 });
    }
    await collection('cases').updateMany(asFilter(PENDING_FLAG_MIGRATION.filter), PENDING_FLAG_MIGRATION.update);
    await collection('inbox').updateMany(asFilter(INBOX_DONE_MIGRATION.filter), asUpdate(INBOX_DONE_MIGRATION.update));
  } catch (error) {
    await client.close();
    throw error;
  }
  return {
    exclusive: false,
    description,
    cases: new MongoCaseRepository(collection('cases')),
    counters: new MongoCounterStore(collection('counters')),
    sessions: new MongoSessionStore(collection('sessions')),
    profiles: new MongoProfileStore(collection('profiles')),
    keyValues: new MongoKeyValueStore(collection('keyValues')),
    bindings: new MongoChannelBindingStore(collection('bindings')),
    inbox: new MongoInboxStore(collection('inbox')),
    leases: new MongoLeaseStore(collection('leases')),
    outbox: new MongoOutboxStore(collection('outbox')),
    blobs: new MongoBlobStore(db.collection<BlobDocument>('evidence')),
    async ping() {
      try {
        const answer = await db.command({ ping: 1 });
        return answer.ok === 1;
      } catch {
        // Not ignored: an unreachable database is exactly what a false readiness answer reports.
        return false;
      }
    },
    close: () => client.close(),
  };
}
