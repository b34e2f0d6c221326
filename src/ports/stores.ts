import type { BlobStore } from './blob-store';
import type { CaseRepository } from './case-repository';
import type { ChannelBindingStore } from './channel-binding-store';
import type { CounterStore } from './counter-store';
import type { InboxStore } from './inbox';
import type { KeyValueStore } from './key-value-store';
import type { LeaseStore } from './lease';
import type { OutboxStore } from './outbox-store';
import type { ProfileStore } from './profile-store';
import type { SessionStore } from './session-store';

/** Everything that must last, from one backend (embedded files or MongoDB). */
export interface Stores {
  /** Human description for the start-up line, e.g. "embedded (./data)" or "MongoDB (vaktpost)". */
  readonly description: string;
  /**
   * True when this process is the only one using the backend (the embedded store holds its data-folder lock), so
   * claims left by an earlier process are a crash's leftovers and can be taken over at once.
   */
  readonly exclusive: boolean;
  cases: CaseRepository;
  counters: CounterStore;
  sessions: SessionStore;
  profiles: ProfileStore;
  keyValues: KeyValueStore;
  /** Channels bound to districts at run time. */
  bindings: ChannelBindingStore;
  /** Incoming turns, from their arrival until their effects are stored. */
  inbox: InboxStore;
  leases: LeaseStore;
  outbox: OutboxStore;
  /** Vaktpost's encrypted copies of evidence files (src/evidence). */
  blobs: BlobStore;
  /** True when the backend answers (for /readyz). */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}
