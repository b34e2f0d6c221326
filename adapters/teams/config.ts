import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { VaktpostError } from '../../src/domain/errors';
import { issueWording } from '../../src/domain/zod-issues';
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
  /** `MicrosoftAppCertificateThumbprint`: the SHA-1 thumbprint of a certificate uploaded to the app registration. */
  certificateThumbprint: optionalText,
  /** `MicrosoftAppCertificateKeyFile`: the PEM file with that certificate's private key (instead of a secret). */
  certificateKeyFile: optionalText,
  /** `TEAMS_DEV_NO_AUTH=1`: accept unauthenticated requests when no app id is set. Local development only. */
  devNoAuth: z.boolean(),
});

/** The Teams adapter's settings; `fetchToken` replaces the Entra ID token fetch of /readyz (tests). */
export type TeamsAdapterConfig = z.input<typeof teamsAdapterConfigSchema> & { fetchToken?: FetchToken };

/**
 * Checks the settings and says plainly what to fix. Refusing to start without an app id is deliberate: a bot that
 * accepts unsigned requests lets anyone on the network file or take cases in someone else's name.
 */
export function checkTeamsConfig(
  config: TeamsAdapterConfig,
): z.output<typeof teamsAdapterConfigSchema> & { certificateKey?: string } {
  const parsed = teamsAdapterConfigSchema.safeParse(config, { error: issueWording });
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.map(String).join('.')}: ${i.message}`).join('; ');
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
  if (c.appType === 'UserAssignedMSI' && (c.appPassword || c.certificateKeyFile))
    fail(
      'MicrosoftAppPassword and a certificate must not be set for UserAssignedMSI (the managed identity is the credential).',
    );
  if (Boolean(c.certificateThumbprint) !== Boolean(c.certificateKeyFile))
    fail('MicrosoftAppCertificateThumbprint and MicrosoftAppCertificateKeyFile go together: set both, or neither.');
  if (c.certificateKeyFile) {
    if (c.appPassword) fail('set either MicrosoftAppPassword or a certificate, not both.');
    if (!/^[0-9a-f]{40}$/i.test(c.certificateThumbprint ?? ''))
      fail(
        'MicrosoftAppCertificateThumbprint must be the 40 hex digits Entra ID shows under "Certificates & secrets".',
      );
    return { ...c, certificateKey: readCertificateKey(c.certificateKeyFile, fail) };
  }
  if (c.appType !== 'UserAssignedMSI' && !c.appPassword)
    fail(
      `MicrosoftAppPassword (or a certificate: MicrosoftAppCertificateThumbprint and MicrosoftAppCertificateKeyFile) is required for ${c.appType}.`,
    );
  return c;
}

/** Reads the certificate's private key at start-up, so a wrong path stops the start instead of the first send. */
function readCertificateKey(path: string, fail: (message: string) => never): string {
  let pem: string;
  try {
    pem = readFileSync(path, 'utf8');
  } catch (error) {
    return fail(
      `cannot read MicrosoftAppCertificateKeyFile ${path} (${(error as NodeJS.ErrnoException).code ?? 'error'}).`,
    );
  }
  if (!/-----BEGIN (RSA |EC )?PRIVATE KEY-----/.test(pem)) {
    fail(`MicrosoftAppCertificateKeyFile ${path} holds no PEM private key (-----BEGIN PRIVATE KEY-----).`);
  }
  return pem;
}
