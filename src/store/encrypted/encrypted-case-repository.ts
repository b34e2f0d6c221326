import { caseSchema, type Case, type CaseSummary } from '../../domain/case';
import { statisticsOfReport } from '../../domain/anonymise';
import type { CaseQuery, CaseRepository } from '../../ports/case-repository';
import { newKey } from '../../crypto/aead';
import { VaktpostError } from '../../domain/errors';
import { caseSubject, DataKeys } from './data-keys';
import { openJson, sealJson, validateOpened } from './sealed-json';

// Where the clear projection is defined (also used by retention); re-exported for the code that reads it here.
export { POLICE_NUMBER_SEALED, statisticsOfReport } from '../../domain/anonymise';

const nameless = <P extends { displayName: string } | null>(person: P): P =>
  (person === null ? null : { ...person, displayName: '' }) as P;

/**
 * The sealed fields of a case and what stays of each in clear. Ids, number, district, status, urgency, categories,
 * times and the owner (a security contact, whom digests and channel updates name) stay queryable; the report, the
 * member's and other names, notes, close reason and queued messages are sealed.
 */
const SEALED_FIELDS = {
  report: (c: Case) => statisticsOfReport(c.report),
  reporter: (c: Case) => ({ ...c.reporter, displayName: '' }),
  pendingHandover: (c: Case) => nameless(c.pendingHandover),
  checklist: (c: Case) => c.checklist.map((item) => ({ ...item, note: null, doneBy: nameless(item.doneBy) })),
  closeReason: () => null,
  timeline: (c: Case) => c.timeline.map(({ detail: _detail, ...entry }) => ({ ...entry, by: nameless(entry.by) })),
  pendingNotifications: (c: Case) =>
    c.pendingNotifications.map(({ message, ...draft }) =>
      message ? { ...draft, message: { language: message.language, prompt: {} } } : draft,
    ),
} satisfies { [K in keyof Case]?: (c: Case) => unknown };
type SealedField = keyof typeof SEALED_FIELDS;
const FIELD_NAMES = Object.keys(SEALED_FIELDS) as SealedField[];

const aad = (id: string, field: string): string => `case:${id}/${field}`;
/** The entry of `sealed` that holds the case's wrapped data key. */
const KEY_ENTRY = '_key';

/**
 * Encrypts cases at rest over any case repository. Each case has its own data key, wrapped by the newest master key
 * and kept inside the case document, so key and content are written in one conditional write (no race, no orphan)
 * and anonymising or erasing the case destroys the key with it; every sealed field is bound to the case id and its
 * field name. Queries run on the clear fields only, so the inner repository keeps its filters and writes unchanged.
 */
export class EncryptedCaseRepository implements CaseRepository {
  /** Unwrapped case keys: a case's data key never changes while the case exists, so they can stay. */
  private readonly cache = new Map<string, Buffer>();

  constructor(
    private readonly inner: CaseRepository,
    private readonly keys: DataKeys,
  ) {}

  async create(next: Case): Promise<void> {
    const key = newKey();
    await this.inner.create(this.seal(next, key));
    this.cache.set(next.id, key);
  }

  async get(id: string): Promise<Case | null> {
    const stored = await this.inner.get(id);
    return stored === null ? null : this.open(stored);
  }

  async getByNumber(number: string): Promise<Case | null> {
    const stored = await this.inner.getByNumber(number);
    return stored === null ? null : this.open(stored);
  }

  async update(next: Case, expectedRevision: number): Promise<boolean> {
    const key = next.anonymisedAt ? null : ((await this.keyOf(next.id)) ?? newKey());
    const written = await this.inner.update(key === null ? this.clear(next) : this.seal(next, key), expectedRevision);
    if (written && key !== null) this.cache.set(next.id, key);
    if (written && key === null) this.cache.delete(next.id);
    return written;
  }

  /** Summaries hold clear fields only (ids, district, status, owner, categories, checklist dates): no key needed. */
  scanSummaries(query: CaseQuery): AsyncIterable<CaseSummary> {
    return this.inner.scanSummaries(query);
  }

  async list(query: CaseQuery): Promise<Case[]> {
    const stored = await this.inner.list(query);
    return stored.map((item) => this.open(item));
  }

  /**
   * The case's data key (its outbox entries are sealed with it too), or null when the case does not exist or was
   * anonymised: then what it encrypted can no longer be read, anywhere.
   */
  async keyOf(caseId: string): Promise<Buffer | null> {
    const cached = this.cache.get(caseId);
    if (cached) return cached;
    const stored = await this.inner.get(caseId);
    const inline = stored?.sealed?.[KEY_ENTRY];
    if (inline === undefined) return null;
    const key = this.keys.unwrapInline(caseSubject(caseId), inline);
    this.cache.set(caseId, key);
    return key;
  }

  /**
   * Rotation: rewrites every case whose key is not yet wrapped by the newest master key (the data key stays, only its
   * wrapping changes). Returns how many cases were rewritten.
   */
  async rewrapAll(): Promise<{ rewrapped: number; total: number }> {
    const all = await this.inner.list({});
    let rewrapped = 0;
    for (const stored of all) {
      const inline = stored.sealed?.[KEY_ENTRY];
      if (inline === undefined || DataKeys.inlineMasterKeyId(inline) === this.keys.currentMasterKeyId) continue;
      for (let attempt = 0; attempt < 5; attempt += 1) {
        const current = await this.get(stored.id);
        if (current === null) break;
        if (await this.update({ ...current, revision: current.revision + 1 }, current.revision)) {
          rewrapped += 1;
          break;
        }
      }
    }
    return { rewrapped, total: all.length };
  }

  /** The clear projection plus one sealed value per field and the wrapped key. */
  private seal(value: Case, key: Buffer): Case {
    if (value.anonymisedAt) return this.clear(value);
    const stored: Case = { ...value };
    const sealed: Record<string, string> = { [KEY_ENTRY]: this.keys.wrapInline(caseSubject(value.id), key) };
    for (const field of FIELD_NAMES) {
      sealed[field] = sealJson(key, value[field], aad(value.id, field));
      (stored as Record<string, unknown>)[field] = SEALED_FIELDS[field](value);
    }
    stored.sealed = sealed;
    return stored;
  }

  /** An anonymised case: nothing is left to seal, and no key is kept. */
  private clear(value: Case): Case {
    const { sealed: _sealed, ...clear } = value;
    return clear;
  }

  /** The whole case again; a case stored before encryption (no `sealed`) or anonymised is returned as it is. */
  private open(stored: Case): Case {
    const { sealed, ...clear } = stored;
    if (sealed === undefined) return clear;
    const inline = sealed[KEY_ENTRY];
    if (inline === undefined) {
      throw new VaktpostError('crypto.key_missing', `Stored case ${stored.id} has encrypted fields but no data key.`, {
        caseId: stored.id,
      });
    }
    const key = this.cache.get(stored.id) ?? this.keys.unwrapInline(caseSubject(stored.id), inline);
    this.cache.set(stored.id, key);
    const opened: Record<string, unknown> = { ...clear };
    for (const field of FIELD_NAMES) {
      const value = sealed[field];
      if (value !== undefined) opened[field] = openJson(key, value, aad(stored.id, field));
    }
    return validateOpened(caseSchema, 'cases', stored.id, opened);
  }
}
