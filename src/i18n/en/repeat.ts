/** English wording of the repeat-perpetrator hint on the contacts' case view. */
export const repeatEn: Record<string, string> = {
  'repeat.heading': 'Possibly the same person',
  'repeat.line': 'Possibly the same person as in {number} (same {kinds})',
  'repeat.kind.phone': 'phone number',
  'repeat.kind.email': 'e-mail address',
  'repeat.kind.handle': 'user name',
  'repeat.kind.name': 'name',
  'repeat.hint': 'It is a hint, not a finding: compare the cases before drawing conclusions.',
  'repeat.show': 'Show {number}',
};
