import { z } from 'zod';

const id = z
  .string()
  .min(1)
  .max(100)
  .regex(/^[a-z0-9][a-z0-9_-]*$/, 'use lower-case letters, digits, - and _ (for example "norrby")');

/**
 * A person's accounts per platform. The bot recognises a user by these ids: Slack user id (`U…`), Teams/Entra object
 * id, or a name in the local web demo / console.
 */
export const accountsSchema = z
  .object({
    slack: z.string().min(1).optional(),
    teams: z.string().min(1).optional(),
    web: z.string().min(1).optional(),
    console: z.string().min(1).optional(),
  })
  .strict();

export const personSchema = z
  .object({
    id,
    name: z.string().min(1).max(200),
    email: z.string().email().optional(),
    accounts: accountsSchema.default({}),
  })
  .strict();
export type Person = z.infer<typeof personSchema>;

export const districtSchema = z
  .object({
    id,
    name: z.string().min(1).max(200),
    /** Person ids of the district's security contacts; may be empty (then the central contact receives alerts). */
    contacts: z.array(id).default([]),
    /** Person ids of members known to belong here, so the bot need not ask them. */
    members: z.array(id).default([]),
    /** Alert channels per platform. Teams channels are bound at run time with `@Vaktpost bind <district>`. */
    alertChannels: z
      .object({ slack: z.string().min(1).optional() })
      .strict()
      .default({}),
    municipality: id.optional(),
  })
  .strict();
export type District = z.infer<typeof districtSchema>;

export const municipalitySchema = z
  .object({
    id,
    name: z.string().min(1).max(200),
    /** Person ids of the municipality's security officers (second line, see only shared cases). */
    securityOfficers: z.array(id).min(1),
  })
  .strict();
export type Municipality = z.infer<typeof municipalitySchema>;

/** The directory file (`DIRECTORY_FILE`): who is who and where alerts go. */
export const directorySchema = z
  .object({
    organisation: z.string().min(1).max(200),
    people: z.array(personSchema).min(1),
    districts: z.array(districtSchema).min(1),
    municipalities: z.array(municipalitySchema).default([]),
    /** Person id of the central security contact: fallback and sees all cases. */
    centralContact: id,
    administrators: z.array(id).default([]),
  })
  .strict();
export type DirectoryData = z.infer<typeof directorySchema>;
