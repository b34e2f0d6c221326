import http from 'node:http';
import https from 'node:https';
import type { Activity } from 'botbuilder';
import { AppCredentials, type ConnectorClient } from 'botframework-connector';

/** The two Bot Connector calls a proactive message needs, on the client kept for its service url. */
export interface ConnectorCalls {
  /** Posts the activity to the conversation; resolves to the id the connector gave it. */
  send(
    client: ConnectorClient,
    serviceUrl: string,
    conversationId: string,
    activity: Partial<Activity>,
  ): Promise<string>;
  /** Replaces a posted activity; a 404 (the message was deleted) rejects with `statusCode` 404. */
  update(
    client: ConnectorClient,
    serviceUrl: string,
    conversationId: string,
    activityId: string,
    activity: Partial<Activity>,
  ): Promise<void>;
}

/** A Bot Connector answer other than 2xx, shaped like the SDK's RestError where `toDeliveryError` reads it. */
export class ConnectorHttpError extends Error {
  readonly response: { headers: { get(name: string): string | undefined } };

  constructor(
    readonly statusCode: number,
    readonly code: string | undefined,
    headers: http.IncomingHttpHeaders,
  ) {
    super(`Bot Connector answered HTTP ${statusCode}${code ? ` (${code})` : ''}`);
    this.name = 'ConnectorHttpError';
    this.response = {
      headers: {
        get: (name) => {
          const value = headers[name.toLowerCase()];
          return Array.isArray(value) ? value[0] : value;
        },
      },
    };
  }
}

/** The proxy settings the SDK's HTTP pipeline honours (`@azure/core-rest-pipeline`'s proxyPolicy). */
const PROXY_VARIABLES = ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy', 'ALL_PROXY', 'all_proxy'];

/**
 * The calls as Vaktpost makes them: over node:http(s) with one keep-alive agent, the body `JSON.stringify`'d. The
 * SDK's operations run each send through an Azure pipeline of a dozen policies and a mapper-driven serializer and
 * deserializer: about 0.3 ms of CPU per message more (0.46 against 0.15 ms a send, measured on this machine), a
 * tenth of what a Teams message costs in all. Behind a proxy (one of {@link PROXY_VARIABLES} set) the SDK's own calls
 * are used, since they honour it.
 */
export function connectorCalls(env: Readonly<Record<string, string | undefined>> = process.env): ConnectorCalls {
  return PROXY_VARIABLES.some((name) => env[name]) ? sdkConnectorCalls() : directConnectorCalls();
}

/** The SDK's own operations (`client.conversations.*`). */
export function sdkConnectorCalls(): ConnectorCalls {
  return {
    async send(client, _serviceUrl, conversationId, activity) {
      const sent = await client.conversations.sendToConversation(conversationId, activity);
      return sent?.id ?? '';
    },
    async update(client, _serviceUrl, conversationId, activityId, activity) {
      await client.conversations.updateActivity(conversationId, activityId, activity);
    },
  };
}

/**
 * The same REST calls made directly. What reaches the connector is what the SDK sends (the same path, JSON and
 * Authorization header: the client's own credentials sign it, so Entra ID tokens are fetched and cached as before).
 * The SDK's pipeline also retried 429 and 5xx a few times itself; here every failure goes straight to the dispatcher,
 * which retries with its own backoff and honours Retry-After (`toDeliveryError`).
 */
export function directConnectorCalls(): ConnectorCalls {
  const agents = { http: new http.Agent({ keepAlive: true }), https: new https.Agent({ keepAlive: true }) };
  // Each service url parsed once (Teams has a handful), not on every send.
  const targets = new Map<string, URL>();
  const targetOf = (serviceUrl: string): URL => {
    let target = targets.get(serviceUrl);
    if (!target) {
      target = new URL(serviceUrl.endsWith('/') ? serviceUrl : `${serviceUrl}/`);
      if (targets.size >= 64) targets.clear();
      targets.set(serviceUrl, target);
    }
    return target;
  };
  const call = async (
    client: ConnectorClient,
    method: 'POST' | 'PUT',
    serviceUrl: string,
    conversationId: string,
    activityId: string | null,
    activity: Partial<Activity>,
  ): Promise<string> => {
    const body = JSON.stringify(activity);
    const headers: Record<string, string> = {
      'content-type': 'application/json; charset=utf-8',
      accept: 'application/json',
      'content-length': String(Buffer.byteLength(body)),
    };
    const authorization = await authorizationOf(client);
    if (authorization) headers.authorization = authorization;
    const target = targetOf(serviceUrl);
    // As activitiesUrl() writes it, on the service url's own path.
    const activities = `${target.pathname}v3/conversations/${encodeURIComponent(conversationId)}/activities`;
    const path = activityId === null ? activities : `${activities}/${encodeURIComponent(activityId)}`;
    const secure = target.protocol === 'https:';
    const request = secure ? https.request : http.request;
    const options = {
      method,
      headers,
      protocol: target.protocol,
      hostname: target.hostname,
      ...(target.port ? { port: Number(target.port) } : {}),
      path,
      agent: secure ? agents.https : agents.http,
    };
    return new Promise<string>((resolve, reject) => {
      const req = request(options, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', reject);
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          const status = res.statusCode ?? 0;
          if (status >= 200 && status < 300) resolve(text);
          else reject(new ConnectorHttpError(status, errorCodeOf(text), res.headers));
        });
      });
      req.on('error', reject);
      req.end(body);
    });
  };
  return {
    async send(client, serviceUrl, conversationId, activity) {
      return idOf(await call(client, 'POST', serviceUrl, conversationId, null, activity));
    },
    async update(client, serviceUrl, conversationId, activityId, activity) {
      await call(client, 'PUT', serviceUrl, conversationId, activityId, activity);
    },
  };
}

/** `<serviceUrl>/v3/conversations/<id>/activities`, the service url with or without its trailing slash. */
export function activitiesUrl(serviceUrl: string, conversationId: string): string {
  const base = serviceUrl.endsWith('/') ? serviceUrl : `${serviceUrl}/`;
  return `${base}v3/conversations/${encodeURIComponent(conversationId)}/activities`;
}

/**
 * The Authorization header the client's credentials give (AppCredentials.signRequest: the cached Entra ID token, or
 * nothing without an app id). They only set the header on what they sign, so a stand-in for the SDK's WebResource
 * with just `headers.set` is all they need.
 */
async function authorizationOf(client: ConnectorClient): Promise<string | undefined> {
  const { credentials } = client;
  // Without an app id (TEAMS_DEV_NO_AUTH) AppCredentials sign nothing: no need to ask them on every send.
  if (credentials instanceof AppCredentials && !credentials.appId) return undefined;
  let value: string | undefined;
  const resource = {
    headers: {
      set: (name: string, header: string) => {
        if (name.toLowerCase() === 'authorization') value = header;
      },
    },
  };
  await credentials.signRequest(resource as unknown as Parameters<typeof credentials.signRequest>[0]);
  return value;
}

/** The id in a ResourceResponse (`{"id": "…"}`); '' when the connector answered without one. */
function idOf(text: string): string {
  try {
    const parsed = JSON.parse(text) as { id?: unknown } | null;
    return typeof parsed?.id === 'string' ? parsed.id : '';
  } catch {
    return '';
  }
}

/** The connector's error code (`{"error": {"code": "…"}}`), for the log; undefined when the body has none. */
function errorCodeOf(text: string): string | undefined {
  try {
    const code = (JSON.parse(text) as { error?: { code?: unknown } } | null)?.error?.code;
    return typeof code === 'string' ? code.slice(0, 100) : undefined;
  } catch {
    return undefined;
  }
}
