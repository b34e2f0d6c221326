import { isSealed } from '../../crypto/aead';
import { VaktpostError } from '../../domain/errors';
import type { KeyValueStore } from '../../ports/key-value-store';
import { DATA_KEY_NAMESPACE, SHARED_SUBJECT, type DataKeys } from './data-keys';
import { openJson, sealJson } from './sealed-json';

/** How a sealed value is stored: one property, so a value written before encryption is told apart. */
interface SealedValue {
  __sealed: string;
}
const isSealedValue = (value: unknown): value is SealedValue =>
  typeof value === 'object' && value !== null && isSealed((value as SealedValue).__sealed);

const aad = (namespace: string, key: string): string => `keyValues:${JSON.stringify([namespace, key])}`;

/**
 * Encrypts every adapter record (the web demo's message lists hold whole case cards; Slack modal specs, Teams
 * references and bindings hold less, but one rule for all is simpler to trust). Keys and namespaces stay in clear.
 */
export class EncryptedKeyValueStore implements KeyValueStore {
  constructor(
    private readonly inner: KeyValueStore,
    private readonly keys: DataKeys,
  ) {}

  async get<T>(namespace: string, key: string): Promise<T | null> {
    guard(namespace);
    const stored = await this.inner.get<unknown>(namespace, key);
    return stored === null ? null : ((await this.open(namespace, key, stored)) as T);
  }

  async put<T>(namespace: string, key: string, value: T): Promise<void> {
    guard(namespace);
    const dataKey = await this.keys.ensure(SHARED_SUBJECT);
    const sealed: SealedValue = { __sealed: sealJson(dataKey, value, aad(namespace, key)) };
    await this.inner.put(namespace, key, sealed);
  }

  delete(namespace: string, key: string): Promise<void> {
    guard(namespace);
    return this.inner.delete(namespace, key);
  }

  async list<T>(namespace: string): Promise<Array<{ key: string; value: T }>> {
    guard(namespace);
    const entries = await this.inner.list<unknown>(namespace);
    const opened: Array<{ key: string; value: T }> = [];
    for (const entry of entries) {
      opened.push({ key: entry.key, value: (await this.open(namespace, entry.key, entry.value)) as T });
    }
    return opened;
  }

  private async open(namespace: string, key: string, stored: unknown): Promise<unknown> {
    if (!isSealedValue(stored)) return stored;
    return openJson(await this.keys.require(SHARED_SUBJECT), stored.__sealed, aad(namespace, key));
  }
}

function guard(namespace: string): void {
  if (namespace === DATA_KEY_NAMESPACE) {
    throw new VaktpostError('input.invalid', `The key-value namespace ${namespace} is reserved for data keys.`);
  }
}
