import { z } from 'zod';
import { languageSchema } from '../domain/report';

export const ratingSchema = z.enum(['low', 'moderate', 'high']);

/** What the risk inventory dialog submits: the activity, a rating per question, and whether to send it. */
export const riskInventoryResultSchema = z.object({
  activity: z.string().min(1).max(300),
  ratings: z.record(z.string(), ratingSchema),
  /** The ratings called for preventive measures (seed 001: MÅTTLIG on four or more, or HÖG on more than two). */
  advised: z.boolean(),
  /** The member asked to send it to the district's security contacts. */
  send: z.boolean(),
  /** The district the member chose when it was not known. */
  districtId: z.string().min(1).optional(),
});
export type RiskInventoryResult = z.infer<typeof riskInventoryResultSchema>;

const personSchema = z.object({ userId: z.string().min(1), name: z.string().max(200) });

/** An inventory sent to a district's security contacts; the first who takes it owns the follow-up. */
export const inventoryRecordSchema = riskInventoryResultSchema.extend({
  id: z.string().min(1),
  districtId: z.string().min(1),
  member: personSchema.extend({ address: z.string().min(1), language: languageSchema }),
  sentAt: z.string(),
  owner: personSchema.nullable(),
  takenAt: z.string().nullable(),
});
export type InventoryRecord = z.infer<typeof inventoryRecordSchema>;
