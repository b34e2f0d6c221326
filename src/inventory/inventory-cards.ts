import type { Card } from '../engine/prompt';
import { raw, tx } from '../engine/prompt';
import type { InventoryRecord } from './inventory-record';

/** The action id of "I take it" on an inventory's card; its value is the inventory id. */
export const INVENTORY_TAKE = 'inventory:take';

function counts(record: InventoryRecord): { moderate: number; high: number } {
  const values = Object.values(record.ratings);
  return { moderate: values.filter((r) => r === 'moderate').length, high: values.filter((r) => r === 'high').length };
}

/**
 * The card a security contact gets: a planning request before an activity, plainly not an alert of a threat, with
 * every rating; "take it" until someone has, then who has.
 */
export function inventoryCard(record: InventoryRecord, districtName: string, view: 'offer' | 'owner'): Card {
  const { moderate, high } = counts(record);
  const taken = record.owner
    ? [tx(view === 'owner' ? 'risk.card.you_own' : 'risk.card.taken_by', { name: raw(record.owner.name) })]
    : [];
  return {
    title: tx('risk.card.title', { activity: raw(record.activity) }),
    tone: record.owner ? 'done' : 'normal',
    lines: [
      tx('risk.card.from', { name: raw(record.member.name), district: districtName }),
      tx('risk.card.not_alert'),
      tx('risk.advice.counts', { moderate, high }),
      ...taken,
    ],
    fields: Object.entries(record.ratings).map(([id, rating]) => ({
      label: tx(`risk.label.${id}`),
      value: tx(`risk.rating.${rating}`),
    })),
    ...(record.owner
      ? {}
      : {
          actions: [{ id: INVENTORY_TAKE, label: tx('risk.card.take'), value: record.id, style: 'primary' as const }],
        }),
  };
}
