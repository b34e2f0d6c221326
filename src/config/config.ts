import { z } from 'zod';
import { VaktpostError } from '../domain/errors';
import { describeZodError, issueWording } from '../domain/zod-issues';
import { isCronExpression } from '../reminders/schedule';

const flag = z
  .enum(['0', '1', 'true', 'false', ''])
  .optional()
  .transform((v) => v === '1' || v === 'true');
/** A flag that may also be left unset: true, false, or undefined (then a default decides). */
const optionalFlag = z
  .enum(['0', '1', 'true', 'false', ''])
  .optional()
  .transform((v) => (v === '1' || v === 'true' ? true : v === '0' || v === 'false' ? false : undefined));
const optionalText = z
  .string()
  .optional()
  .transform((v) => (v && v.trim() !== '' ? v.trim() : undefined));
// Entra ID shows app (client) and directory (tenant) ids as GUIDs; the Bot Framework compares them as such, so a
// mistyped or pasted-wrong value would otherwise fail only when the first Teams message arrives.
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const guid = (where: string) =>
  optionalText.refine((v) => v === undefined || GUID.test(v), {
    error: `must be a GUID like 00000000-0000-0000-0000-000000000000 (${where})`,
  });
const minutes = (fallback: number) =>
  z.coerce.number().int('must be a whole number of minutes').positive('must be more than 0').default(fallback);

/** Every environment variable Vaktpost reads, validated; README lists them all. */
export const envSchema = z
  .object({
    PORT: z.coerce.number().int().min(0).max(65535, 'must be a TCP port (0–65535)').default(3978),
    HOST: z.string().min(1).default('127.0.0.1'),
    DATA_DIR: z.string().min(1).default('./data'),
    MONGODB_URI: optionalText.refine((v) => v === undefined || /^mongodb(\+srv)?:\/\//.test(v), {
      error: 'must start with mongodb:// or mongodb+srv://',
    }),
    MONGODB_DB: optionalText,
    VAKTPOST_MASTER_KEYS: optionalText,
    VAKTPOST_KEY_FILE: optionalText,
    DIRECTORY_FILE: z.string().min(1).default('./directory.example.yml'),
    SLACK_BOT_TOKEN: optionalText.refine((v) => v === undefined || v.startsWith('xoxb-'), {
      error: 'must be a bot token starting with xoxb-',
    }),
    SLACK_SIGNING_SECRET: optionalText,
    SLACK_TEAM_ID: optionalText.refine((v) => v === undefined || /^[TE][A-Z0-9]{2,}$/.test(v), {
      error: 'must be a Slack workspace id such as T0123ABCD (Slack: workspace settings, or auth.test)',
    }),
    SLACK_APP_TOKEN: optionalText.refine((v) => v === undefined || v.startsWith('xapp-'), {
      error: 'must be an app-level token starting with xapp-',
    }),
    SLACK_API_URL: optionalText.refine((v) => v === undefined || /^https?:\/\//.test(v), {
      error: 'must be an http(s) URL ending with /api/',
    }),
    MicrosoftAppId: guid('the Azure Bot\'s "Microsoft App ID", or the app registration\'s "Application (client) ID"'),
    MicrosoftAppPassword: optionalText,
    MicrosoftAppType: z.enum(['SingleTenant', 'MultiTenant', 'UserAssignedMSI']).default('SingleTenant'),
    MicrosoftAppCertificateThumbprint: optionalText,
    MicrosoftAppCertificateKeyFile: optionalText,
    MicrosoftAppTenantId: guid('"Directory (tenant) ID" on the app registration\'s Overview page'),
    TEAMS_DEV_NO_AUTH: flag,
    WEB_DEMO: optionalFlag,
    REMINDER_CRON: z.string().trim().min(1).default('0 8 * * *').refine(isCronExpression, {
      error: 'is not a cron expression: five fields, minute hour day month weekday ("0 8 * * *" is 08:00 every day)',
    }),
    ESCALATION_CRON: z.string().trim().min(1).default('*/5 * * * *').refine(isCronExpression, {
      error:
        'is not a cron expression: five fields, minute hour day month weekday ("*/5 * * * *" is every five minutes)',
    }),
    ESCALATION_URGENT_MINUTES: minutes(30),
    ESCALATION_NORMAL_MINUTES: minutes(240),
    RETENTION_MONTHS: z.coerce
      .number()
      .int('must be a whole number of months')
      .min(1, 'must be at least 1 month')
      .max(240, 'must be at most 240 months')
      .default(24),
    SESSION_EXPIRY_HOURS: z.coerce
      .number()
      .int('must be a whole number of hours')
      .min(1, 'must be at least 1 hour')
      .max(24 * 90, 'must be at most 2160 hours (90 days)')
      .default(72),
    LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
    /** `json` for log collectors, `pretty` for a terminal; default json with NODE_ENV=production, else pretty. */
    LOG_FORMAT: z.enum(['json', 'pretty']).optional(),
    NODE_ENV: optionalText,
    PUBLIC_URL: optionalText.refine((v) => v === undefined || /^https?:\/\/[^/\s]+/.test(v), {
      error: 'must be the base URL people open the server under, e.g. https://vaktpost.example.org',
    }),
    EXPORT_LINK_SECRET: optionalText.refine((v) => v === undefined || v.length >= 32, {
      error: 'must be at least 32 characters (a random string; the same on every instance)',
    }),
    EXPORT_LINK_MINUTES: minutes(15),
    /** The largest evidence file Vaktpost keeps a copy of; a MongoDB document holds at most 16 MB. */
    EVIDENCE_MAX_MB: z.coerce
      .number()
      .int('must be a whole number of megabytes')
      .min(1, 'must be at least 1 MB')
      .max(15, 'must be at most 15 MB (a MongoDB document holds 16 MB)')
      .default(10),
    /** How long a link to an evidence file works (Teams owners open the files there). */
    EVIDENCE_LINK_HOURS: z.coerce
      .number()
      .int('must be a whole number of hours')
      .min(1, 'must be at least 1 hour')
      .max(168, 'must be at most 168 hours (a week)')
      .default(24),
  })
  .superRefine((env, ctx) => {
    const platform = env.SLACK_BOT_TOKEN !== undefined || env.MicrosoftAppId !== undefined || env.TEAMS_DEV_NO_AUTH;
    // The demo has no login. Beside a platform it would read and change that platform's real cases, so it never
    // runs there: a demo is its own process with its own DATA_DIR (see README, "Try it").
    if (env.WEB_DEMO === true && platform) {
      ctx.addIssue({
        code: 'custom',
        path: ['WEB_DEMO'],
        message:
          'cannot be on beside Slack or Teams: the demo has no login and would show and change their real cases. ' +
          'Run the demo as a separate process without SLACK_/Microsoft variables and with its own DATA_DIR',
      });
    }
    if ((env.WEB_DEMO ?? !platform) && !isLoopback(env.HOST)) {
      ctx.addIssue({
        code: 'custom',
        path: ['HOST'],
        message:
          `${env.HOST} would serve the web demo, which has no login, to other computers. Use HOST=127.0.0.1, ` +
          'or configure Slack or Teams (the demo is then off), or set WEB_DEMO=0',
      });
    }
    if (env.SLACK_BOT_TOKEN && !env.SLACK_SIGNING_SECRET && !env.SLACK_APP_TOKEN) {
      ctx.addIssue({
        code: 'custom',
        path: ['SLACK_SIGNING_SECRET'],
        message: 'is needed with SLACK_BOT_TOKEN (or set SLACK_APP_TOKEN for Socket Mode)',
      });
    }
    if ((env.SLACK_SIGNING_SECRET || env.SLACK_APP_TOKEN) && !env.SLACK_BOT_TOKEN) {
      ctx.addIssue({
        code: 'custom',
        path: ['SLACK_BOT_TOKEN'],
        message: 'is needed when other SLACK_ variables are set',
      });
    }
    if (
      env.MicrosoftAppId &&
      !env.MicrosoftAppPassword &&
      !env.MicrosoftAppCertificateKeyFile &&
      env.MicrosoftAppType !== 'UserAssignedMSI'
    ) {
      ctx.addIssue({
        code: 'custom',
        path: ['MicrosoftAppPassword'],
        message: 'is needed with MicrosoftAppId (or a certificate: MicrosoftAppCertificateThumbprint and …KeyFile)',
      });
    }
    if (env.MicrosoftAppId && env.MicrosoftAppType === 'SingleTenant' && !env.MicrosoftAppTenantId) {
      ctx.addIssue({ code: 'custom', path: ['MicrosoftAppTenantId'], message: 'is needed for a SingleTenant app' });
    }
  });
export type Env = z.infer<typeof envSchema>;

/** Reads the configuration from the environment; stops with a message naming each wrong variable. */
export function loadConfig(env: Record<string, string | undefined>): Env {
  const parsed = envSchema.safeParse(env, { error: issueWording });
  if (!parsed.success) {
    throw new VaktpostError('config.invalid', `The configuration is not valid:\n${describeZodError(parsed.error)}`);
  }
  return parsed.data;
}

/** True when Slack is configured. */
export const slackEnabled = (env: Env): boolean => env.SLACK_BOT_TOKEN !== undefined;
/** True when Teams is configured (an app id, or the explicit development mode without auth). */
export const teamsEnabled = (env: Env): boolean => env.MicrosoftAppId !== undefined || env.TEAMS_DEV_NO_AUTH;
/** The local web demo runs when no platform is configured, unless WEB_DEMO=0 (never beside a platform). */
export const webDemoEnabled = (env: Env): boolean => env.WEB_DEMO ?? (!slackEnabled(env) && !teamsEnabled(env));

/** Addresses that only this computer can reach. */
export function isLoopback(host: string): boolean {
  const name = host
    .trim()
    .toLowerCase()
    .replace(/^\[|\]$/g, '');
  return name === 'localhost' || name === '::1' || /^127(\.\d{1,3}){3}$/.test(name);
}
