import { DeliveryError } from '../../src/ports/notifier';

/** The parts of a Bot Connector error we read; botbuilder surfaces them from its HTTP client's RestError. */
interface ConnectorErrorShape {
  statusCode?: unknown;
  code?: unknown;
  response?: { headers?: { get?: (name: string) => string | undefined } | Record<string, unknown> };
}

/** Retry-After as milliseconds: seconds or an HTTP date; undefined when absent or unreadable. */
export function retryAfterMs(header: string | undefined, now: Date): number | undefined {
  if (header === undefined || header.trim() === '') return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, Math.round(seconds * 1000));
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now.getTime());
}

function headerOf(error: ConnectorErrorShape, name: string): string | undefined {
  const headers = error.response?.headers;
  if (!headers) return undefined;
  if (typeof headers.get === 'function') return headers.get(name) ?? undefined;
  const value = (headers as Record<string, unknown>)[name];
  return typeof value === 'string' ? value : undefined;
}

/**
 * Turns whatever a send threw into the dispatcher's terms. 429 and 5xx (and network failures, which carry no status)
 * are worth retrying; 403 means the app was blocked, uninstalled or removed from the team, so the core reroutes the
 * alert; 404 means the conversation is gone. 401 is our credentials (a fresh token may fix it), so it is retried;
 * any other 4xx is a request the connector will never accept, so retrying would only delay the reroute.
 */
export function toDeliveryError(error: unknown, now: Date): DeliveryError {
  if (error instanceof DeliveryError) return error;
  const shape = (typeof error === 'object' && error !== null ? error : {}) as ConnectorErrorShape;
  const status = typeof shape.statusCode === 'number' ? shape.statusCode : undefined;
  const code = typeof shape.code === 'string' ? shape.code : undefined;
  if (status === undefined) {
    return new DeliveryError({ kind: 'retry', reason: `teams: no response (${code ?? 'network error'})` });
  }
  if (status === 429) {
    const wait = retryAfterMs(headerOf(shape, 'retry-after'), now);
    return new DeliveryError({
      kind: 'retry',
      reason: 'teams: 429 too many requests',
      ...(wait !== undefined ? { retryAfterMs: wait } : {}),
    });
  }
  if (status >= 500 || status === 401) return new DeliveryError({ kind: 'retry', reason: `teams: ${status}` });
  if (status === 403)
    return new DeliveryError({ kind: 'blocked', reason: 'teams: 403 the bot was blocked or removed' });
  return new DeliveryError({ kind: 'invalid_address', reason: `teams: ${status} ${code ?? ''}`.trim() });
}
