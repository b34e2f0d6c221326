import { randomUUID } from 'node:crypto';
import type { KeyValueStore } from '../ports/key-value-store';

/** Key-value namespace of the access log. */
export const ACCESS_NAMESPACE = 'caseAccess';

/** One view of a case: who saw it, when, and which parts of it. */
export interface CaseAccess {
  caseId: string;
  userId: string;
  /** The viewer's role on the case when they saw it (owner, contact, central, municipality, reporter, exposed). */
  role: string;
  at: string;
  /** The parts shown, e.g. `incident` (the report), `names`, `timeline`, `checklist`; or only `status` for the member's card. */
  fields: string[];
}

/** Every view of a case, recorded as it happens; the central contact lists them per case. */
export class AccessLog {
  constructor(private readonly keyValues: KeyValueStore) {}

  async record(access: CaseAccess): Promise<void> {
    await this.keyValues.put(ACCESS_NAMESPACE, `${access.caseId}|${access.at}|${randomUUID()}`, access);
  }

  /** The views of one case, oldest first. */
  async forCase(caseId: string): Promise<CaseAccess[]> {
    const entries = await this.keyValues.list<CaseAccess>(ACCESS_NAMESPACE);
    return entries
      .filter((e) => e.value.caseId === caseId)
      .sort((a, b) => a.key.localeCompare(b.key))
      .map((e) => e.value);
  }
}
