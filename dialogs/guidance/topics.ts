import type { Card } from '../../src/engine/prompt';
import { tx } from '../../src/engine/prompt';

/** How many short lines each guidance card has (keys `guide.<topic>.<1..n>`). */
export const GUIDANCE_TOPICS = {
  meeting_before: 6,
  meeting_during: 5,
  meeting_after: 4,
  hate_storm: 6,
  digital: 5,
} as const;
export type GuidanceTopic = keyof typeof GUIDANCE_TOPICS;

/** The action id of a button that shows one guidance card; its value is the topic. */
export const SHOW_GUIDANCE = 'guide:show';

export function isGuidanceTopic(value: string): value is GuidanceTopic {
  return Object.hasOwn(GUIDANCE_TOPICS, value);
}

/**
 * One guidance card: 112 first, always (guidance never stands in for it), then a few short lines from seeds 000,
 * 001 and 003 (Bilaga 1-2).
 */
export function guidanceCard(topic: GuidanceTopic): Card {
  const lines = Array.from({ length: GUIDANCE_TOPICS[topic] }, (_, i) => tx(`guide.${topic}.${i + 1}`));
  return { title: tx(`guide.${topic}.title`), tone: 'normal', lines: [tx('guide.emergency'), ...lines] };
}

/** A card offering some topics as buttons (after a report, where they fit). */
export function guidanceOffer(topics: GuidanceTopic[]): Card {
  return {
    title: tx('guide.offer.title'),
    tone: 'normal',
    lines: [tx('guide.offer.line')],
    actions: topics.map((topic) => ({ id: SHOW_GUIDANCE, label: tx(`guide.${topic}.title`), value: topic })),
  };
}
