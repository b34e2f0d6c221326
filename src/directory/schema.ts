import { z } from 'zod';

const id = z
  .string()
  .min(1)
  .max(100)
  .regex(/^[a-z0-9][a-z0-9_-]*$/, 'use lower-case letters, digits, - and _ (for example "norrby")');

/** A platform's name as its adapter gives it (`slack`, `teams`, `web`, `console`, or one added later). */
const platformName = z
  .string()
  .regex(
    /^[a-z][a-z0-9-]{0,29}$/,
    'use the platform name in lower case, as its adapter names it (for example "slack")',
  );

/**
 * A person's accounts per platform, by platform name: the bot recognises a user by these ids (a Slack user id
 * `U…`, a Teams/Entra object id, a name in the web demo or the console). The core lists no platforms: an adapter
 * added later has its accounts here without a change to the core.
 */
export const accountsSchema = z.record(platformName, z.string().min(1).max(200));

export const personSchema = z
  .object({
    id,
    name: z.string().min(1).max(200),
    email: z.email().optional(),
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
    /**
     * Alert destinations per platform, by platform name: the platform's channel key (a Slack channel id `C…`).
     * Alerts go to `<platform>:channel:<key>` when that platform is configured. Channels can also be bound at run
     * time with `bind <district>` (Teams channels only that way, since a Teams channel needs a stored conversation).
     */
    alertChannels: z.record(platformName, z.string().min(1).max(200)).default({}),
    municipality: id.optional(),
    /** The language of the district's channel alerts and digests (`sv` or `en`); Swedish unless set. */
    language: z.enum(['sv', 'en']).default('sv'),
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
