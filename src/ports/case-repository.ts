import type { Case, CaseStatus } from '../domain/case';

/** Which cases to list; all given conditions must hold. */
export interface CaseQuery {
  districtIds?: string[];
  statuses?: CaseStatus[];
  reporterUserId?: string;
  ownerUserId?: string;
  /** Only cases that have notifications not yet delivered (the dispatcher's scan). */
  withPendingNotifications?: boolean;
}

/** Where cases live. Every write is conditional on the revision the writer read, so no race goes unnoticed. */
export interface CaseRepository {
  /** Stores a new case; throws `store.duplicate` when its id or number exists already. */
  create(next: Case): Promise<void>;
  /** The case, or null. */
  get(id: string): Promise<Case | null>;
  /** The case with this human number (e.g. VP-2026-0042), or null. */
  getByNumber(number: string): Promise<Case | null>;
  /**
   * Replaces the case when its stored revision is still `expectedRevision`, storing `next` (whose revision must be
   * `expectedRevision + 1`). Returns false, changing nothing, when someone else wrote first.
   */
  update(next: Case, expectedRevision: number): Promise<boolean>;
  /** Cases matching the query, newest first. */
  list(query: CaseQuery): Promise<Case[]>;
}
