/**
 * The report dialog's step ids in the order they are asked. They are stored in sessions, so renaming one is a dialog
 * version change (see `migrateReport`).
 */
export const REPORT_STEP_IDS = [
  // Rule 1: the emergency question comes before anything else.
  'emergency',
  // VEM
  'on_behalf',
  'relation',
  'reporter_name_role',
  'target_name',
  // VAD, HUR, NÄR: the essentials
  'categories',
  'description',
  'channels',
  'when',
  'more',
  // Everything below is optional and asked only when the member chose to tell more.
  'ongoing',
  'where_place',
  'where_link',
  'evidence',
  'evidence_note',
  'police',
  'police_when',
  'police_case_number',
  'consent_municipality',
  'support_needed',
  'support_needs',
  'support_person',
  'target_role',
  'perpetrator_known',
  'perpetrator_count',
  'perpetrator_description',
  'perpetrator_group',
  'perpetrator_others',
  'hate_crime',
  'sexual_character',
  'trigger',
  'witnesses',
  'reached_target',
  'experience',
  'informed_relatives',
  'informed_municipality',
  'measures',
  // The end: consent on the fast path (asked here once, since the details were skipped), how to reach the member.
  'consent_now',
  'reach',
  'reach_phone',
  'reach_email',
] as const;

export type ReportStepId = (typeof REPORT_STEP_IDS)[number];
