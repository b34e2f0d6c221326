import { ConfigurationServiceClientCredentialFactory } from 'botbuilder';
import { AuthenticationConstants } from 'botframework-connector';
import type { ReadinessResult } from '../../src/ports/platform-adapter';

/** Fetches a token for calling the Bot Connector, as sending a message would. */
export type FetchToken = () => Promise<string>;

/**
 * A token fetcher with the same credentials botbuilder uses to send (the configuration the adapter was built with:
 * client secret, certificate or managed identity). The credentials object is made once, so MSAL's token cache
 * answers repeated probes without asking Entra ID again.
 */
export function botFrameworkTokenFetcher(appId: string, configuration: Record<string, string>): FetchToken {
  let credentials: Promise<{ getToken(forceRefresh?: boolean): Promise<string> }> | null = null;
  return async () => {
    credentials ??= new ConfigurationServiceClientCredentialFactory(configuration)
      .createCredentials(
        appId,
        AuthenticationConstants.ToChannelFromBotOAuthScope,
        AuthenticationConstants.ToChannelFromBotLoginUrl,
        true,
      )
      .then((c) => c as unknown as { getToken(forceRefresh?: boolean): Promise<string> });
    return (await credentials).getToken(false);
  };
}

/** Entra ID's error codes an operator meets most, with what to fix. */
const KNOWN: Array<[RegExp, string]> = [
  [/AADSTS7000215|AADSTS7000222/, 'the client secret is wrong or expired: set MicrosoftAppPassword to a current one'],
  [/AADSTS700016/, 'no such app in this tenant: check MicrosoftAppId and MicrosoftAppTenantId'],
  [/AADSTS90002|AADSTS900023/, 'no such tenant: check MicrosoftAppTenantId'],
  [/AADSTS700024|AADSTS70021/, 'the federated credential or certificate does not match the app registration'],
];

/** Asks for a token and says, in plain words, why none came. */
export async function checkBotFrameworkToken(fetchToken: FetchToken): Promise<ReadinessResult> {
  try {
    const token = await fetchToken();
    return token ? { ok: true } : { ok: false, reason: 'Entra ID returned an empty Bot Framework token' };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const known = KNOWN.find(([pattern]) => pattern.test(message));
    const code = /AADSTS\d+/.exec(message)?.[0];
    if (known) return { ok: false, reason: `no Bot Framework token (${code ?? 'Entra ID'}): ${known[1]}` };
    return { ok: false, reason: `no Bot Framework token: ${message.split('\n')[0]?.slice(0, 200) ?? 'unknown error'}` };
  }
}
