import type { CaseRepository } from './case-repository';
import type { CounterStore } from './counter-store';
import type { EventLog } from './event-log';
import type { KeyValueStore } from './key-value-store';
import type { LeaseStore } from './lease';
import type { OutboxStore } from './outbox-store';
import type { ProfileStore } from './profile-store';
import type { SessionStore } from './session-store';

/** Everything that must last, from one backend (embedded files or MongoDB). */
export interface Stores {
  /** Human description for the start-up line, e.g. "embedded (./data)" or "MongoDB (vaktpost)". */
  readonly description: string;
  cases: CaseRepository;
  counters: CounterStore;
  sessions: SessionStore;
  profiles: ProfileStore;
  keyValues: KeyValueStore;
  events: EventLog;
  leases: LeaseStore;
  outbox: OutboxStore;
  /** True when the backend answers (for /readyz). */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}
