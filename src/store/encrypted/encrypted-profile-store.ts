import { memberProfileSchema, type MemberProfile, type ProfileStore } from '../../ports/profile-store';
import { SHARED_SUBJECT, type DataKeys } from './data-keys';
import { OpenedCache } from './opened-cache';
import { openJson, sealJson, validateOpened } from './sealed-json';

const aad = (userId: string): string => `profile:${userId}/displayName`;

/** The one sealed field, validated on its own: the inner store validated the clear rest of the profile already. */
const sealedNameSchema = memberProfileSchema.pick({ displayName: true });

/**
 * Names kept opened, by user id: a member's profile is read on every turn (for their language) and rarely written,
 * and each read decrypted the name again. A name is at most 200 characters; 10,000 of them are a few MB.
 */
const KEPT_NAMES = 10_000;

/** Encrypts the member's name in their profile; district, language and address stay in clear for routing. */
export class EncryptedProfileStore implements ProfileStore {
  /** The name each sealed value holds; null for one holding no string (never written so, but read defensively). */
  private readonly opened = new OpenedCache<string | null>(KEPT_NAMES);

  constructor(
    private readonly inner: ProfileStore,
    private readonly keys: DataKeys,
  ) {}

  async get(userId: string): Promise<MemberProfile | null> {
    const stored = await this.inner.get(userId);
    if (stored?.sealed === undefined) {
      // No name, or no profile (an erasure, maybe by another process): no name of theirs stays in memory.
      this.opened.delete(userId);
      return stored;
    }
    const { sealed, ...clear } = stored;
    const key = await this.keys.require(SHARED_SUBJECT);
    const kept = this.opened.get(userId, sealed, key);
    const displayName = kept === undefined ? this.openName(userId, sealed, key) : kept;
    return displayName === null ? clear : { ...clear, displayName };
  }

  private openName(userId: string, sealed: string, key: Buffer): string | null {
    const opened = openJson(key, sealed, aad(userId));
    const { displayName } = validateOpened(sealedNameSchema, 'profiles', userId, {
      ...(typeof opened === 'string' ? { displayName: opened } : {}),
    });
    this.opened.set(userId, sealed, key, displayName ?? null);
    return displayName ?? null;
  }

  async put(profile: MemberProfile, expectedRevision: number | null): Promise<boolean> {
    const { displayName, sealed: _previous, ...clear } = profile;
    if (displayName === undefined) {
      // A profile emptied by an erasure keeps no name in memory either, whether or not its write wins.
      this.opened.delete(profile.userId);
      return this.inner.put(clear, expectedRevision);
    }
    const key = await this.keys.ensure(SHARED_SUBJECT);
    const sealed = sealJson(key, displayName, aad(profile.userId));
    const written = await this.inner.put({ ...clear, sealed }, expectedRevision);
    if (written) this.opened.set(profile.userId, sealed, key, displayName);
    return written;
  }
}
