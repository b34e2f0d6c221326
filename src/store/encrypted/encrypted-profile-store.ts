import { memberProfileSchema, type MemberProfile, type ProfileStore } from '../../ports/profile-store';
import { SHARED_SUBJECT, type DataKeys } from './data-keys';
import { openJson, sealJson, validateOpened } from './sealed-json';

const aad = (userId: string): string => `profile:${userId}/displayName`;

/** Encrypts the member's name in their profile; district, language and address stay in clear for routing. */
export class EncryptedProfileStore implements ProfileStore {
  constructor(
    private readonly inner: ProfileStore,
    private readonly keys: DataKeys,
  ) {}

  async get(userId: string): Promise<MemberProfile | null> {
    const stored = await this.inner.get(userId);
    if (stored === null) return null;
    const { sealed, ...clear } = stored;
    if (sealed === undefined) return clear;
    const displayName = openJson(await this.keys.require(SHARED_SUBJECT), sealed, aad(userId));
    return validateOpened(memberProfileSchema, 'profiles', userId, {
      ...clear,
      ...(typeof displayName === 'string' ? { displayName } : {}),
    });
  }

  async put(profile: MemberProfile, expectedRevision: number | null): Promise<boolean> {
    const { displayName, sealed: _previous, ...clear } = profile;
    if (displayName === undefined) return this.inner.put(clear, expectedRevision);
    const key = await this.keys.ensure(SHARED_SUBJECT);
    return this.inner.put({ ...clear, sealed: sealJson(key, displayName, aad(profile.userId)) }, expectedRevision);
  }
}
