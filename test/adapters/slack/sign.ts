import { createHmac } from 'node:crypto';

/** Slack's request signature: `v0=` + HMAC-SHA256 of `v0:<timestamp>:<raw body>` with the signing secret. */
export function slackSignature(secret: string, timestamp: number, body: string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

/** How to deliver one request; defaults sign it correctly with the current time. */
export interface DeliveryOptions {
  secret?: string;
  /** Unix seconds; e.g. ten minutes ago for a stale request. */
  timestamp?: number;
  /** Leave the signature headers out entirely. */
  unsigned?: boolean;
  /** Sign with this secret instead (a forged request). */
  forgeWith?: string;
  /** Slack's retry counter header (X-Slack-Retry-Num). */
  retryNum?: number;
}

/** Posts a body to the adapter exactly as Slack does, with X-Slack-Signature and X-Slack-Request-Timestamp. */
export async function postSigned(
  url: string,
  body: string,
  contentType: 'application/json' | 'application/x-www-form-urlencoded',
  options: DeliveryOptions & { secret: string },
): Promise<{ status: number; text: string; ms: number }> {
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  const headers: Record<string, string> = { 'Content-Type': contentType };
  if (!options.unsigned) {
    headers['X-Slack-Request-Timestamp'] = String(timestamp);
    headers['X-Slack-Signature'] = slackSignature(options.forgeWith ?? options.secret, timestamp, body);
  }
  if (options.retryNum !== undefined) {
    headers['X-Slack-Retry-Num'] = String(options.retryNum);
    headers['X-Slack-Retry-Reason'] = 'http_timeout';
  }
  const started = Date.now();
  const response = await fetch(url, { method: 'POST', headers, body });
  return { status: response.status, text: await response.text(), ms: Date.now() - started };
}
