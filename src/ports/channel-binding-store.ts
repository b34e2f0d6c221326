import { z } from 'zod';

/** A channel bound to a district at run time (`bind <district>` in the channel, or a demo's own channel view). */
export const channelBindingSchema = z.object({
  districtId: z.string().min(1),
  /** The channel's opaque address (`teams:conv:…`, `web:channel:…`). */
  address: z.string().min(1),
  /** Who bound it (a user id, or the demo that did). */
  boundBy: z.string().min(1),
  boundAt: z.string(),
});
export type ChannelBinding = z.infer<typeof channelBindingSchema>;

/** Channels bound to districts, kept across restarts; read on every alert. */
export interface ChannelBindingStore {
  /** Binds the channel to the district; binding the same pair again only refreshes who and when. */
  bind(binding: ChannelBinding): Promise<void>;
  /** The district's bound channels, oldest first. */
  ofDistrict(districtId: string): Promise<ChannelBinding[]>;
}
