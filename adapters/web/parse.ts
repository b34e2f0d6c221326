import { z } from 'zod';
import { channelAddressOf, dmAddressOf, userIdOf } from '../../src/domain/address';
import type { Directory } from '../../src/directory/directory';
import type { IncomingTurn } from '../../src/engine/turn';

/** What the page posts to /web/turn: who acts, and what they typed or pressed. */
export const turnRequestSchema = z
  .object({
    /** Made by the page once per press or message; a double submit sends the same id and changes nothing. */
    eventId: z.string().regex(/^[A-Za-z0-9-]{8,64}$/, 'must be a UUID made by the page'),
    /** The demo identity: a `web` account of the directory. */
    as: z.string().min(1).max(100),
    /** The page's language switch. */
    lang: z.enum(['sv', 'en']).default('sv'),
    text: z.string().max(20_000).optional(),
    action: z
      .object({
        id: z.string().min(1).max(100),
        value: z.string().max(2000),
        input: z.string().max(20_000).optional(),
        values: z.array(z.string().max(500)).max(50).optional(),
      })
      .strict()
      .optional(),
    /** Set when the press happened in a district's channel view (the district id). */
    channel: z.string().min(1).max(100).optional(),
    /** File names only: the demo keeps no files. */
    files: z
      .array(z.object({ name: z.string().min(1).max(500), type: z.string().max(200).optional() }).strict())
      .max(20)
      .optional(),
    /** What the page shows as the person's own line in their conversation (a button's label, the ticked boxes). */
    echo: z.string().max(20_000).optional(),
  })
  .strict()
  .refine((body) => body.text !== undefined || body.action !== undefined || (body.files?.length ?? 0) > 0, {
    error: 'send text, an action or files',
  });
export type TurnRequest = z.infer<typeof turnRequestSchema>;

/** Turns a checked request into the core's IncomingTurn; a reason when the identity or district is unknown. */
export function toIncomingTurn(body: TurnRequest, directory: Directory): IncomingTurn | { problem: string } {
  const userId = userIdOf('web', body.as);
  const person = directory.personOf(userId);
  if (!person) return { problem: `"as" must be a web account of the directory, e.g. "member"` };
  if (body.channel !== undefined && !directory.district(body.channel)) {
    return { problem: `"channel" must be a district id of the directory, e.g. "norrby"` };
  }
  return {
    eventId: body.eventId,
    platform: 'web',
    address: dmAddressOf(userId),
    isDirect: body.channel === undefined,
    ...(body.channel !== undefined ? { channelAddress: channelAddressOf('web', body.channel) } : {}),
    user: { id: userId, displayName: person.name, locale: body.lang === 'en' ? 'en-GB' : 'sv-SE' },
    ...(body.text !== undefined ? { text: body.text } : {}),
    ...(body.action ? { action: body.action } : {}),
    ...(body.files && body.files.length > 0
      ? {
          attachments: body.files.map((file, index) => ({
            id: `web:${body.eventId}:${index}`,
            name: file.name,
            ...(file.type ? { mimeType: file.type } : {}),
          })),
        }
      : {}),
  };
}
