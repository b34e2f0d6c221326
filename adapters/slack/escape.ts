/**
 * Slack reads `<…>` as mentions and links (`<!channel>`, `<@U1>`, `<https://…>`) and `&` as the start of an entity,
 * so every string the bot posts goes through `escapeSlack`: a report that says `<!channel>` is shown, never pings.
 */
export function escapeSlack(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Undoes Slack's escaping of incoming message text, so the core stores what the member actually wrote. */
export function unescapeSlack(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/** Escapes and fits into Slack's limit for the field; cuts never split an entity such as `&amp;`. */
export function fit(text: string, max: number): string {
  const escaped = escapeSlack(text);
  if (escaped.length <= max) return escaped;
  const cut = escaped.slice(0, max - 1).replace(/&[a-z]{0,3}$/, '');
  return `${cut}…`;
}

/**
 * Splits already escaped text into pieces of at most `max` characters, at line ends where possible, so long report
 * text reaches the owner whole over several blocks instead of being cut off.
 */
export function chunk(escaped: string, max: number): string[] {
  const pieces: string[] = [];
  let rest = escaped;
  while (rest.length > max) {
    let at = rest.lastIndexOf('\n', max);
    if (at < max / 2) at = rest.lastIndexOf(' ', max);
    if (at < max / 2) at = max;
    // Never split an entity: move the cut before a `&` that has no `;` yet.
    const amp = rest.lastIndexOf('&', at);
    if (amp > at - 5 && !rest.slice(amp, at).includes(';')) at = amp;
    pieces.push(rest.slice(0, at));
    rest = rest.slice(at).replace(/^\n/, '');
  }
  if (rest.length > 0 || pieces.length === 0) pieces.push(rest);
  return pieces;
}
