import type { Keyring } from '../../crypto/keyring';
import type { Stores } from '../../ports/stores';
import { DataKeys, SHARED_SUBJECT } from './data-keys';
import { EncryptedCaseRepository } from './encrypted-case-repository';
import { EncryptedInboxStore } from './encrypted-inbox-store';
import { EncryptedKeyValueStore } from './encrypted-key-value-store';
import { EncryptedOutboxStore } from './encrypted-outbox-store';
import { EncryptedProfileStore } from './encrypted-profile-store';
import { EncryptedSessionStore } from './encrypted-session-store';

/** Stores whose content is encrypted at rest, plus the data keys (for rotation, retention and erasure). */
export interface EncryptedStores extends Stores {
  readonly dataKeys: DataKeys;
  readonly cases: EncryptedCaseRepository;
}

/**
 * Wraps any backend so that everything a member wrote is encrypted before it reaches it. Every stored data key is
 * unwrapped first: a wrong or missing master key stops here, before anything is written.
 */
export async function withEncryption(inner: Stores, keyring: Keyring, keySource: string): Promise<EncryptedStores> {
  const dataKeys = new DataKeys(inner.keyValues, inner.leases, keyring);
  await dataKeys.verifyAll();
  await dataKeys.ensure(SHARED_SUBJECT);
  const cases = new EncryptedCaseRepository(inner.cases, dataKeys);
  return {
    exclusive: inner.exclusive,
    description: `${inner.description}; reports encrypted (master key ${keyring.current.id} from ${keySource})`,
    cases,
    counters: inner.counters,
    sessions: new EncryptedSessionStore(inner.sessions, dataKeys),
    profiles: new EncryptedProfileStore(inner.profiles, dataKeys),
    keyValues: new EncryptedKeyValueStore(inner.keyValues, dataKeys),
    // Which channel gets a district's alerts is routing, not report text: kept in clear.
    bindings: inner.bindings,
    inbox: new EncryptedInboxStore(inner.inbox, dataKeys),
    leases: inner.leases,
    outbox: new EncryptedOutboxStore(inner.outbox, dataKeys, cases),
    // Blobs arrive encrypted by the evidence vault, each with its own key (src/evidence/evidence-vault.ts).
    blobs: inner.blobs,
    dataKeys,
    ping: () => inner.ping(),
    close: () => inner.close(),
  };
}
