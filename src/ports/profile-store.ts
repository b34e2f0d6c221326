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
});
export type MemberProfile = z.infer<typeof memberProfileSchema>;

/** What the bot remembers about a member between reports. */
export interface ProfileStore {
  get(userId: string): Promise<MemberProfile | null>;
  /** Creates or replaces the profile. */
  put(profile: MemberProfile): Promise<void>;
}
