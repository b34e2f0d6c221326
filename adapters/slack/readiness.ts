import type { ReadinessResult } from '../../src/ports/platform-adapter';

/** Slack's answers that mean the bot token itself is wrong, gone or not allowed: a setting to fix, not an outage. */
const TOKEN_REFUSED = new Set(['invalid_auth', 'not_authed', 'token_revoked', 'token_expired', 'account_inactive']);

interface SlackLikeError {
  code?: unknown;
  statusCode?: unknown;
  data?: { error?: unknown };
  original?: { code?: unknown; message?: unknown; cause?: { code?: unknown } };
}

/** Turns a failed auth.test into a reason an operator can act on. */
export function authTestFailure(error: unknown): ReadinessResult {
  const e = (error ?? {}) as SlackLikeError;
  const slackError = typeof e.data?.error === 'string' ? e.data.error : undefined;
  if (slackError && TOKEN_REFUSED.has(slackError)) {
    return {
      ok: false,
      reason:
        `Slack refuses SLACK_BOT_TOKEN (${slackError}): copy the Bot User OAuth Token again from the app's ` +
        '"OAuth & Permissions" page (after a reinstall or a scope change it is new)',
    };
  }
  if (slackError) return { ok: false, reason: `Slack's auth.test answered ${slackError}` };
  if (typeof e.statusCode === 'number') return { ok: false, reason: `Slack's Web API answered HTTP ${e.statusCode}` };
  if (e.code === 'slack_webapi_rate_limited_error') return { ok: false, reason: "Slack's Web API is rate limiting" };
  // fetch wraps the socket error (ECONNREFUSED, ENOTFOUND) as the cause of a bare "fetch failed".
  const cause = String(e.original?.cause?.code ?? e.original?.code ?? e.original?.message ?? e.code ?? 'unknown error');
  // The socket's code alone where the message carries one ("connect ECONNREFUSED 10.0.0.1:443" -> ECONNREFUSED).
  const errno = /\bE[A-Z]{3,}\b/.exec(cause)?.[0];
  return { ok: false, reason: `Slack's Web API cannot be reached (${errno ?? cause}): check the network or proxy` };
}
