import { randomUUID } from 'node:crypto';
import type { KeyValueStore } from '../ports/key-value-store';

/** Key-value namespace of the audit log. */
export const AUDIT_NAMESPACE = 'audit';

/** One audit entry: what was done, by whom, to which cases (by number) — never what was erased. */
export interface AuditEntry {
  at: string;
  action: 'retention' | 'erasure';
  /** Who asked: a user id, `operator` (the command line) or `retention` (the sweep). */
  by: string;
  /** The person whose data was erased (erasure only). */
  person?: string;
  /** Numbers of the cases anonymised. */
  cases: string[];
  /** Unfinished reports (sessions) removed. */
  sessions: number;
}

/**
 * The append-only record of retention and erasure. Only `append` and `list`: nothing here changes or removes an
 * entry, and every entry has a key of its own (time + random), so a second writer never overwrites one.
 */
export class AuditLog {
  constructor(private readonly keyValues: KeyValueStore) {}

  async append(entry: AuditEntry): Promise<void> {
    await this.keyValues.put(AUDIT_NAMESPACE, `${entry.at}|${randomUUID()}`, entry);
  }

  /** Every entry, oldest first. */
  async list(): Promise<AuditEntry[]> {
    const entries = await this.keyValues.list<AuditEntry>(AUDIT_NAMESPACE);
    return entries.sort((a, b) => a.key.localeCompare(b.key)).map((e) => e.value);
  }
}
