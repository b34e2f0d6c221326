import { webApi } from '@slack/bolt';
import { request, type Agent } from 'undici';
import { AnswerHeaders } from './web-api-fetch';

/** Slack's Web API (WebClient's default too). */
export const SLACK_API_URL = 'https://slack.com/api/';

/** The Web API methods the notifier calls on every message, which Slack takes as a JSON body. */
export type JsonMethod = 'chat.postMessage' | 'chat.update' | 'views.publish';

/** Where and as whom the calls go. */
export interface JsonCallsConfig {
  /** The Web API's base URL with its trailing slash (`https://slack.com/api/`, or a local fake's). */
  apiUrl: string;
  botToken: string;
  /** The keep-alive agent the Web API client's fetch uses too (one pool of connections to Slack). */
  agent: Agent;
  /** Warnings Slack sends back (`response_metadata.warnings`, e.g. `missing_charset`): codes only, no message text. */
  warn?: (warning: string) => void;
}

/**
 * A message's `chat.postMessage`, `chat.update` and `views.publish` as one JSON POST each (Slack takes these write
 * methods as `application/json` with the token in the Authorization header). The Web API client sends every call as
 * a URL-encoded form instead: Block Kit turned into a JSON string, then percent-encoded character by character, and
 * for a debug line it writes at any log level, the arguments copied to redact tokens and serialised once more. For a
 * DM's reply that was about 70 µs of CPU of a call's 165 measured against a local server, and most of the garbage a
 * DM made (`encodeStr` alone allocated about 55 KB per reply). The answers and failures are the client's own: the
 * same error classes with the same codes and fields (`data.error`, `retryAfter`, `statusCode`), so
 * `toDeliveryError` reads them unchanged; like the client here (`retries: 0`, `rejectRateLimitedCalls`), nothing is
 * retried inside a call: the dispatcher decides.
 */
export class SlackJsonCalls {
  constructor(private readonly config: JsonCallsConfig) {}

  async call(method: JsonMethod, args: Record<string, unknown>): Promise<webApi.WebAPICallResult> {
    let answer: Awaited<ReturnType<typeof request>>;
    let text: string;
    try {
      answer = await request(`${this.config.apiUrl}${method}`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${this.config.botToken}`,
          'content-type': 'application/json; charset=utf-8',
          accept: 'application/json',
        },
        body: JSON.stringify(args),
        dispatcher: this.config.agent,
      });
      // Read whole in every case, so the connection goes back to the pool (Slack's answers are small JSON).
      text = await answer.body.text();
    } catch (error) {
      throw new webApi.WebAPIRequestError(error instanceof Error ? error : new Error(String(error)));
    }
    if (answer.statusCode === 429) {
      const seconds = Number.parseInt(new AnswerHeaders(answer.headers).get('retry-after') ?? '', 10);
      // As the client: a 429 without a usable Retry-After is a plain failure, which the dispatcher retries with backoff.
      if (Number.isNaN(seconds)) throw new Error(`Retry header did not contain a valid timeout (url: ${method})`);
      throw new webApi.WebAPIRateLimitedError(seconds);
    }
    if (answer.statusCode !== 200) {
      throw new webApi.WebAPIHTTPError(
        answer.statusCode,
        '',
        Object.fromEntries(new AnswerHeaders(answer.headers).entries()),
        text,
      );
    }
    let result: webApi.WebAPICallResult & { error?: unknown };
    try {
      result = JSON.parse(text) as webApi.WebAPICallResult & { error?: unknown };
    } catch {
      // What the client makes of an answer that is not JSON: a platform error with Slack's words as the code.
      result = { ok: false, error: text.slice(0, 200) };
    }
    for (const warning of result.response_metadata?.warnings ?? []) this.config.warn?.(warning);
    if (result.ok !== true) {
      throw new webApi.WebAPIPlatformError({ ...result, error: typeof result.error === 'string' ? result.error : '' });
    }
    return result;
  }
}
