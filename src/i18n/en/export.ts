/** English wording of the incident report export (seed 003 Bilaga 4). */
export const exportEn: Record<string, string> = {
  'case.timeline.exported': '{at} {by} fetched the incident report ({detail})',
  'error.export.link_invalid':
    'This link is no longer valid (it lasts a short while). Get a new one from the case in the chat.',
  'error.export.not_allowed':
    "The incident report can only be fetched by the case's owner, and by the municipality once the case is shared with consent.",
};
