import type { Language } from '../domain/report';
import type { Clock } from '../ports/clock';
import type { MemberProfile, ProfileStore } from '../ports/profile-store';

/** What a change sets; `userId`, `updatedAt` and `revision` are the service's to set. */
export type ProfileChange = Partial<Omit<MemberProfile, 'userId' | 'updatedAt' | 'revision'>>;

/** How often a write is retried after another write came first; more than that is a bug, not a race. */
const ATTEMPTS = 5;

/**
 * What the bot remembers about a member, written only by conditional updates: each write states the revision it
 * read, so two turns of one member (a language change on Slack, a district remembered on Teams) never undo each
 * other; the loser reads the new profile and applies its change again.
 */
export class ProfileService {
  constructor(
    private readonly profiles: ProfileStore,
    private readonly clock: Clock,
  ) {}

  get(userId: string): Promise<MemberProfile | null> {
    return this.profiles.get(userId);
  }

  /** Applies `change` to the stored profile (null: nothing to change), retrying over concurrent writes. */
  async update(userId: string, change: (current: MemberProfile | null) => ProfileChange | null): Promise<void> {
    for (let attempt = 0; attempt < ATTEMPTS; attempt += 1) {
      const current = await this.profiles.get(userId);
      const wanted = change(current);
      if (wanted === null) return;
      const next: MemberProfile = {
        ...(current ?? {}),
        ...wanted,
        userId,
        updatedAt: this.clock.now().toISOString(),
        revision: current ? current.revision + 1 : 0,
      };
      if (await this.profiles.put(next, current ? current.revision : null)) return;
    }
    throw new Error(`profiles: ${ATTEMPTS} writes in a row lost to other writes`);
  }

  /** Remembers the district a member chose when the directory did not know it. */
  rememberDistrict(userId: string, districtId: string): Promise<void> {
    return this.update(userId, (p) => (p?.districtId === districtId ? null : { districtId }));
  }

  /** Remembers the language a member chose; it overrides the platform locale from now on. */
  setLanguage(userId: string, language: Language): Promise<void> {
    return this.update(userId, (p) => (p?.language === language ? null : { language }));
  }
}
