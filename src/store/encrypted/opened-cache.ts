/**
 * What one sealed string holds, kept in memory per owner (a session key, a user id) after this process sealed or
 * opened it, so a read of a value that has not changed since costs neither AES-GCM nor a validation again: a member's
 * session and profile are read on every turn and written far less often than read.
 *
 * An entry answers only for the exact sealed string, data key and owner it was made for. The sealed string is unique
 * per seal (a fresh random nonce each time), so another write (by this process or any other) or a changed byte on
 * disk gives another string and is opened and validated as before; a sealed value copied into another owner's
 * document is looked up under that owner and misses, so it still fails its associated data when opened. Plaintext is
 * kept in memory only, never written anywhere, like the unwrapped data keys.
 */
export class OpenedCache<T> {
  private readonly entries = new Map<string, { sealed: string; key: Buffer; value: T }>();

  /** @param limit how many owners are kept at most; the one used longest ago goes first. */
  constructor(private readonly limit: number) {}

  /** What `sealed` holds, when this process sealed or opened exactly it for `owner` with `key`. */
  get(owner: string, sealed: string, key: Buffer): T | undefined {
    const entry = this.entries.get(owner);
    if (entry === undefined || entry.sealed !== sealed || entry.key !== key) return undefined;
    // Used again: to the back of the line (a Map iterates in insertion order).
    this.entries.delete(owner);
    this.entries.set(owner, entry);
    return entry.value;
  }

  /** Records that `sealed` (under `key`, for `owner`) holds `value`; replaces what was kept for the owner. */
  set(owner: string, sealed: string, key: Buffer, value: T): void {
    this.entries.delete(owner);
    this.entries.set(owner, { sealed, key, value });
    if (this.entries.size > this.limit) this.entries.delete(this.entries.keys().next().value as string);
  }

  /** Forgets the owner's entry (its value was deleted). */
  delete(owner: string): void {
    this.entries.delete(owner);
  }

  /** How many owners are kept (for tests of the bound). */
  get size(): number {
    return this.entries.size;
  }
}
