import { DeliveryError } from '../../src/ports/notifier';

/** Slack error codes that will not go away by retrying: the address is wrong. */
const INVALID_ADDRESS = new Set(['channel_not_found', 'user_not_found', 'cannot_dm_bot', 'invalid_channel']);

/** The address exists but the bot may not post there until someone acts (invite the bot, unarchive, reactivate). */
const BLOCKED = new Set([
  'not_in_channel',
  'is_archived',
  'account_inactive',
  'user_disabled',
  'restricted_action',
  'team_access_not_granted',
  'ekm_access_denied',
]);

/**
 * Platform errors that are temporary, or that a configuration fix clears (a bad token is corrected and the queued
 * alerts still go out instead of being dropped).
 */
const TRANSIENT = new Set([
  'ratelimited',
  'internal_error',
  'fatal_error',
  'service_unavailable',
  'request_timeout',
  'team_added_to_org',
  'invalid_auth',
  'not_authed',
  'token_revoked',
  'token_expired',
]);

interface SlackLikeError {
  code?: unknown;
  retryAfter?: unknown;
  statusCode?: unknown;
  data?: { error?: unknown };
  message?: unknown;
}

/** The Slack error code of a failed Web API call, when Slack gave one (e.g. `channel_not_found`). */
export function slackErrorCode(error: unknown): string | undefined {
  const e = error as SlackLikeError | null;
  return e && typeof e.data?.error === 'string' ? e.data.error : undefined;
}

/**
 * Turns a @slack/web-api error into the dispatcher's terms: rate limits (with Retry-After), 5xx and network errors
 * are retried; an address Slack will never accept is `invalid_address`; one the bot is shut out of is `blocked`.
 * The client is configured not to retry itself (`retries: 0`, `rejectRateLimitedCalls`), so this decides.
 */
export function toDeliveryError(error: unknown): DeliveryError {
  if (error instanceof DeliveryError) return error;
  const e = (error ?? {}) as SlackLikeError;
  if (e.code === 'slack_webapi_rate_limited_error') {
    const seconds = typeof e.retryAfter === 'number' ? e.retryAfter : 1;
    return new DeliveryError({ kind: 'retry', retryAfterMs: seconds * 1000, reason: 'slack rate limited' });
  }
  if (e.code === 'slack_webapi_http_error') {
    return new DeliveryError({ kind: 'retry', reason: `slack http ${String(e.statusCode)}` });
  }
  if (e.code === 'slack_webapi_request_error') {
    return new DeliveryError({ kind: 'retry', reason: 'slack unreachable' });
  }
  const code = slackErrorCode(error);
  if (code !== undefined) {
    if (INVALID_ADDRESS.has(code)) return new DeliveryError({ kind: 'invalid_address', reason: `slack ${code}` });
    if (BLOCKED.has(code)) return new DeliveryError({ kind: 'blocked', reason: `slack ${code}` });
    if (TRANSIENT.has(code)) return new DeliveryError({ kind: 'retry', reason: `slack ${code}` });
    // Anything else (e.g. invalid_blocks) fails the same way every time; giving up lets the core reroute it.
    return new DeliveryError({ kind: 'blocked', reason: `slack ${code}` });
  }
  // An unknown failure (e.g. a 429 without Retry-After): retrying with backoff is the safe side.
  const message = typeof e.message === 'string' ? e.message.slice(0, 120) : 'unknown error';
  return new DeliveryError({ kind: 'retry', reason: `slack: ${message}` });
}
