import { randomUUID } from 'node:crypto';
import { newKey, open, seal } from '../../crypto/aead';
import type { Keyring } from '../../crypto/keyring';
import { VaktpostError } from '../../domain/errors';
import type { KeyValueStore } from '../../ports/key-value-store';
import type { LeaseStore } from '../../ports/lease';

/** Key-value namespace of the wrapped data keys; the encrypted key-value store refuses it to everyone else. */
export const DATA_KEY_NAMESPACE = '__dataKeys';

/** A data key as stored: encrypted ("wrapped") by one master key, never in clear. */
interface WrappedDataKey {
  masterKeyId: string;
  wrapped: string;
  createdAt: string;
}

/** The subject of the data key that protects content belonging to no case (sessions, profiles, adapter records). */
export const SHARED_SUBJECT = 'shared';
/** The subject of a case's own data key (kept inside the case document, so erasing the case destroys it). */
export const caseSubject = (caseId: string): string => `case:${caseId}`;

const isWrapped = (value: unknown): value is WrappedDataKey =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as WrappedDataKey).masterKeyId === 'string' &&
  typeof (value as WrappedDataKey).wrapped === 'string';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Envelope encryption: every subject (a case, or the shared subject) has its own random data key, stored wrapped by
 * the keyring's newest master key, with the subject as associated data. Unwrapped keys are cached in memory only.
 */
export class DataKeys {
  private readonly cache = new Map<string, Buffer>();

  constructor(
    private readonly keyValues: KeyValueStore,
    private readonly leases: LeaseStore,
    private readonly keyring: Keyring,
  ) {}

  /** The subject's data key, or null when it has none (never created, or destroyed). */
  async find(subject: string): Promise<Buffer | null> {
    const cached = this.cache.get(subject);
    if (cached) return cached;
    const stored = await this.keyValues.get<unknown>(DATA_KEY_NAMESPACE, subject);
    if (stored === null) return null;
    const key = this.unwrap(subject, stored);
    this.cache.set(subject, key);
    return key;
  }

  /** The subject's data key; `crypto.key_missing` when it was destroyed (the data was erased on purpose). */
  async require(subject: string): Promise<Buffer> {
    const key = await this.find(subject);
    if (key === null) {
      throw new VaktpostError(
        'crypto.key_missing',
        `The data key of ${subject} is gone (erased or anonymised); its encrypted content cannot be read.`,
        { subject },
      );
    }
    return key;
  }

  /**
   * The subject's data key, created when it has none. Creation runs under a lease so two processes never both write
   * one (the second would overwrite the key the first already encrypted with).
   */
  async ensure(subject: string): Promise<Buffer> {
    const existing = await this.find(subject);
    if (existing) return existing;
    const holder = randomUUID();
    const lease = `data-key:${subject}`;
    for (let attempt = 0; attempt < 400; attempt += 1) {
      if (await this.leases.acquire(lease, holder, new Date(), 30_000)) {
        try {
          const again = await this.find(subject);
          if (again) return again;
          const key = newKey();
          const master = this.keyring.current;
          const record: WrappedDataKey = {
            masterKeyId: master.id,
            wrapped: seal(master.key, key, wrapAad(subject)),
            createdAt: new Date().toISOString(),
          };
          await this.keyValues.put(DATA_KEY_NAMESPACE, subject, record);
          this.cache.set(subject, key);
          return key;
        } finally {
          await this.leases.release(lease, holder);
        }
      }
      await sleep(25);
      const made = await this.find(subject);
      if (made) return made;
    }
    throw new VaktpostError(
      'store.unavailable',
      `Could not create the data key of ${subject}: its lease stayed taken.`,
    );
  }

  /** Destroys the subject's data key: every stored copy of what it encrypted becomes unreadable. */
  async destroy(subject: string): Promise<void> {
    this.cache.delete(subject);
    await this.keyValues.delete(DATA_KEY_NAMESPACE, subject);
  }

  /**
   * Unwraps every stored data key once (start-up check): a wrong or missing master key stops start-up here, before
   * anything is written. Returns how many keys each master key wraps.
   */
  async verifyAll(): Promise<Record<string, number>> {
    const counts: Record<string, number> = {};
    for (const { key: subject, value } of await this.keyValues.list<unknown>(DATA_KEY_NAMESPACE)) {
      this.unwrap(subject, value);
      if (isWrapped(value)) counts[value.masterKeyId] = (counts[value.masterKeyId] ?? 0) + 1;
    }
    return counts;
  }

  /**
   * Rotation: re-wraps every data key not yet wrapped by the newest master key. Data keys themselves do not change,
   * so no case has to be re-encrypted. All keys are unwrapped before the first write: a wrong key changes nothing.
   */
  async rewrapAll(): Promise<{ rewrapped: number; total: number }> {
    const master = this.keyring.current;
    const entries = (await this.keyValues.list<unknown>(DATA_KEY_NAMESPACE)).map(({ key: subject, value }) => ({
      subject,
      value,
      key: this.unwrap(subject, value),
    }));
    let rewrapped = 0;
    for (const entry of entries) {
      if (isWrapped(entry.value) && entry.value.masterKeyId === master.id) continue;
      const record: WrappedDataKey = {
        masterKeyId: master.id,
        wrapped: seal(master.key, entry.key, wrapAad(entry.subject)),
        createdAt: isWrapped(entry.value) ? entry.value.createdAt : new Date().toISOString(),
      };
      await this.keyValues.put(DATA_KEY_NAMESPACE, entry.subject, record);
      rewrapped += 1;
    }
    return { rewrapped, total: entries.length };
  }

  /**
   * A data key wrapped by the newest master key as one string (`<master key id>:<sealed key>`), for keys kept inside
   * the document they protect (a case's key is written in the same conditional write as the case).
   */
  wrapInline(subject: string, key: Buffer): string {
    const master = this.keyring.current;
    return `${master.id}:${seal(master.key, key, wrapAad(subject))}`;
  }

  /** Opens what {@link wrapInline} produced; the same clear errors as for stored keys. */
  unwrapInline(subject: string, inline: string): Buffer {
    const colon = inline.indexOf(':');
    return this.unwrap(subject, { masterKeyId: inline.slice(0, colon), wrapped: inline.slice(colon + 1) });
  }

  /** The master key id an inline key was wrapped with (rotation skips those already on the newest). */
  static inlineMasterKeyId(inline: string): string {
    return inline.slice(0, inline.indexOf(':'));
  }

  /** The id of the master key new data keys are wrapped with. */
  get currentMasterKeyId(): string {
    return this.keyring.current.id;
  }

  private unwrap(subject: string, stored: unknown): Buffer {
    if (!isWrapped(stored)) {
      throw new VaktpostError('crypto.key_invalid', `The stored data key of ${subject} is damaged.`, { subject });
    }
    const master = this.keyring.get(stored.masterKeyId);
    try {
      return open(master.key, stored.wrapped, wrapAad(subject), `data key of ${subject}`);
    } catch {
      throw new VaktpostError(
        'crypto.key_invalid',
        `Master key "${master.id}" does not open the data key of ${subject}: the key configured under that id is ` +
          'not the one the data was written with. Configure the right key; nothing was changed.',
        { keyId: master.id, subject },
      );
    }
  }
}

const wrapAad = (subject: string): string => `vaktpost:data-key:${subject}`;
