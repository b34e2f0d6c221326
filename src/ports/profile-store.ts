import { z } from 'zod';
import { languageSchema } from '../domain/report';

export const memberProfileSchema = z.object({
  /** Opaque user id. */
  userId: z.string().min(1),
  /** The district the member chose when the directory did not know them (changeable later). */
  districtId: z.string().min(1).optional(),
  /** The language the member chose; overrides the platform locale. */
  language: languageSchema.optional(),
  /** The member's personal address (DM), so the bot can reach them proactively. */
  address: z.string().min(1).optional(),
  displayName: z.string().max(200).optional(),
  updatedAt: z.string(),
  /** Only in stored documents: the encrypted name (src/store/encrypted). */
  sealed: z.string().optional(),
  /** Goes up with every write; a write states the revision it read (profiles stored before it count as 0). */
  revision: z.number().int().nonnegative().default(0),
});
export type MemberProfile = z.infer<typeof memberProfileSchema>;

/** What the bot remembers about a member between reports. */
export interface ProfileStore {
  get(userId: string): Promise<MemberProfile | null>;
  /**
   * Creates the profile (`expectedRevision` null: there must be none yet) or replaces the one stored at
   * `expectedRevision`. Returns false, changing nothing, when another write came first (e.g. the member changed their
   * language on Slack while a report on Teams remembered their district): the caller reads again and retries.
   */
  put(profile: MemberProfile, expectedRevision: number | null): Promise<boolean>;
}
