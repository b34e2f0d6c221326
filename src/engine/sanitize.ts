/**
 * Cleans text a person typed: removes control characters (keeping line breaks and tabs), normalises to NFC and trims.
 * Emoji and right-to-left text are kept as written; bidi override characters are kept too, since they are part of
 * how some members write, and renderers escape everything they post.
 */
export function sanitizeText(input: string): string {
  return (
    input
      .normalize('NFC')
      // C0 controls except \t \n \r, DEL, and C1 controls.
      // eslint-disable-next-line no-control-regex -- matching control characters is the point here
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g, '')
      .replace(/\r\n?/g, '\n')
      .trim()
  );
}

/** Folds text for matching words against choices: lower case, no accents, single spaces. */
export function foldForMatch(input: string): string {
  return input
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\p{L}\p{N} ]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
