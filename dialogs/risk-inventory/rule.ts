import type { Answers } from '../../src/engine/session';

/** The three ratings of seed 001's Riskinventering. */
export const RATINGS = ['low', 'moderate', 'high'] as const;
export type Rating = (typeof RATINGS)[number];

/** The rated questions: VEM, VAD, HUR, VAR & NÄR, then the signs the seed lists beside them. */
export const RATED_STEP_IDS = [
  'who',
  'what',
  'how',
  'where_when',
  'tension',
  'earlier_threats',
  'political_tension',
  'media',
  'groups',
  'trust',
] as const;
export type RatedStepId = (typeof RATED_STEP_IDS)[number];

/** How many questions got each rating. */
export function countRatings(answers: Answers): Record<Rating, number> {
  const counts: Record<Rating, number> = { low: 0, moderate: 0, high: 0 };
  for (const id of RATED_STEP_IDS) {
    const answer = answers[id];
    if (answer === 'low' || answer === 'moderate' || answer === 'high') counts[answer] += 1;
  }
  return counts;
}

/**
 * Seed 001: "Får du MÅTTLIG på fyra eller HÖG på fler än två bör du överväga förebyggande åtgärder". Counted as the
 * seed says, each rating on its own: 3 × MÅTTLIG and 2 × HÖG meet neither.
 */
export function adviceNeeded(answers: Answers): boolean {
  const { moderate, high } = countRatings(answers);
  return moderate >= 4 || high > 2;
}
