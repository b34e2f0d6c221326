import { z } from 'zod';

/**
 * What happened (seed 003 §4.3–4.7, widened as Brå's politicians' survey PTU asks). Each category belongs to one of
 * Brå's two groups so our statistics stay comparable with the national survey.
 */
export const CATEGORIES = [
  'threat',
  'violence_person',
  'violence_property',
  'harassment',
  'vandalism',
  'theft',
  'improper_influence',
] as const;
export const categorySchema = z.enum(CATEGORIES);
export type Category = z.infer<typeof categorySchema>;

/** Brå's two groups in the politicians' survey (PTU). */
export type BraGroup = 'threats_and_harassment' | 'violence_vandalism_theft';

const BRA_GROUP: Record<Category, BraGroup> = {
  threat: 'threats_and_harassment',
  harassment: 'threats_and_harassment',
  improper_influence: 'threats_and_harassment',
  violence_person: 'violence_vandalism_theft',
  violence_property: 'violence_vandalism_theft',
  vandalism: 'violence_vandalism_theft',
  theft: 'violence_vandalism_theft',
};

/** Maps a category to Brå's group, for reporting numbers the way the national survey does. */
export function braGroupOf(category: Category): BraGroup {
  return BRA_GROUP[category];
}

/** How it reached the person (seed 000's threat ladder, with the channels seed 003 Bilaga 4 names). */
export const CHANNELS = [
  'social_media',
  'email',
  'sms',
  'phone',
  'letter',
  'in_person_home',
  'in_person_public',
  'meeting',
  'other',
] as const;
export const channelSchema = z.enum(CHANNELS);
export type Channel = z.infer<typeof channelSchema>;

/**
 * Steps of seed 000's threat ladder, from written words at a distance to physical contact. The step is recorded so a
 * contact sees how close the perpetrator has come; it is never turned into a danger score (DOMAIN rule 5).
 */
export const LADDER_STEPS = [
  'written_online',
  'text_message',
  'phone_call',
  'letter_or_parcel',
  'direct_contact',
  'physical',
] as const;
export type LadderStep = (typeof LADDER_STEPS)[number];

const LADDER_OF_CHANNEL: Record<Channel, LadderStep | null> = {
  social_media: 'written_online',
  email: 'written_online',
  sms: 'text_message',
  phone: 'phone_call',
  letter: 'letter_or_parcel',
  in_person_home: 'direct_contact',
  in_person_public: 'direct_contact',
  meeting: 'direct_contact',
  other: null,
};

/**
 * The highest step on the threat ladder reached by the channels used; violence against a person or property is the
 * top step whatever the channel. Returns null when nothing on the ladder applies.
 */
export function ladderStepOf(channels: readonly Channel[], categories: readonly Category[]): LadderStep | null {
  if (categories.some((c) => c === 'violence_person' || c === 'violence_property' || c === 'vandalism')) {
    return 'physical';
  }
  let best: LadderStep | null = null;
  for (const channel of channels) {
    const step = LADDER_OF_CHANNEL[channel];
    if (step !== null && (best === null || LADDER_STEPS.indexOf(step) > LADDER_STEPS.indexOf(best))) best = step;
  }
  return best;
}
