import { z } from 'zod';
import { VaktpostError } from '../../src/domain/errors';
import type { FetchToken } from './token-check';

const optionalText = z
  .string()
  .trim()
  .optional()
  .transform((value) => (value === '' ? undefined : value));

/** The Teams adapter's settings, validated; see adapters/teams/README.md for where each comes from. */
export const teamsAdapterConfigSchema = z.object({
  /** The Azure Bot's Microsoft App ID (`MicrosoftAppId`). Without it nobody's token can be checked. */
  appId: optionalText,
  /** The app's client secret (`MicrosoftAppPassword`); not used with a user-assigned managed identity. */
  appPassword: optionalText,
  /** `MicrosoftAppType`: SingleTenant (the default), MultiTenant or UserAssignedMSI. */
  appType: z.enum(['SingleTenant', 'MultiTenant', 'UserAssignedMSI']),
  /** `MicrosoftAppTenantId`: the organisation's Entra ID tenant; required for SingleTenant and UserAssignedMSI. */
  tenantId: optionalText,
  /** `TEAMS_DEV_NO_AUTH=1`: accept unauthenticated requests when no app id is set. Local development only. */
  devNoAuth: z.boolean(),
});

/** The Teams adapter's settings; `fetchToken` replaces the Entra ID token fetch of /readyz (tests). */
export type TeamsAdapterConfig = z.input<typeof teamsAdapterConfigSchema> & { fetchToken?: FetchToken };

/**
 * Checks the settings and says plainly what to fix. Refusing to start without an app id is deliberate: a bot that
 * accepts unsigned requests lets anyone on the network file or take cases in someone else's name.
 */
export function checkTeamsConfig(config: TeamsAdapterConfig): z.output<typeof teamsAdapterConfigSchema> {
  const parsed = teamsAdapterConfigSchema.safeParse(config);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new VaktpostError('config.invalid', `Teams: invalid settings (${issues}).`);
  }
  const c = parsed.data;
  const fail = (message: string): never => {
    throw new VaktpostError('config.invalid', `Teams: ${message}`);
  };
  if (!c.appId) {
    if (!c.devNoAuth) {
      fail(
        'MicrosoftAppId is not set, so requests to /api/messages could not be authenticated. Set MicrosoftAppId, ' +
          'MicrosoftAppPassword and MicrosoftAppTenantId (see adapters/teams/README.md), or set TEAMS_DEV_NO_AUTH=1 ' +
          'for local development without Teams.',
      );
    }
    return c;
  }
  if (c.appType !== 'MultiTenant' && !c.tenantId) fail(`MicrosoftAppTenantId is required for ${c.appType}.`);
  if (c.appType === 'UserAssignedMSI' && c.appPassword)
    fail('MicrosoftAppPassword must not be set for UserAssignedMSI.');
  if (c.appType !== 'UserAssignedMSI' && !c.appPassword) fail(`MicrosoftAppPassword is required for ${c.appType}.`);
  return c;
}
