/** Swedish wording of the repeat-perpetrator hint on the contacts' case view. */
export const repeatSv: Record<string, string> = {
  'repeat.heading': 'Möjligen samma person',
  'repeat.line': 'Möjligen samma person som i {number} (samma {kinds})',
  'repeat.kind.phone': 'telefonnummer',
  'repeat.kind.email': 'e-postadress',
  'repeat.kind.handle': 'användarnamn',
  'repeat.kind.name': 'namn',
  'repeat.hint': 'Det är en ledtråd, inget besked: jämför ärendena innan du drar slutsatser.',
  'repeat.show': 'Visa {number}',
};
