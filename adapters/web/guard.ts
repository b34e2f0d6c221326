import type { Request } from 'express';

/** Host names of this computer: the page is meant to be opened here only. */
const LOOPBACK = ['127.0.0.1', 'localhost', '[::1]'];

function hostnameOf(host: string): string | null {
  try {
    return new URL(`http://${host}`).hostname;
  } catch {
    return null;
  }
}

/**
 * The request names this computer (or a host the operator allowed) in its Host header. Another name pointing at
 * 127.0.0.1 (DNS rebinding) would let a web site read and drive the demo, which has no login.
 */
export function hostAllowed(req: Request, extraHosts: readonly string[]): boolean {
  const host = req.headers.host;
  const name = host ? hostnameOf(host) : null;
  return name !== null && [...LOOPBACK, ...extraHosts.map((h) => h.toLowerCase())].includes(name);
}

/**
 * A simple CSRF guard for a page without login: a write must come from the page itself, so its Origin is the host it
 * was sent to, it is JSON (a cross-site form cannot send that without asking first), and the browser, where it says
 * so, calls it same-origin.
 */
export function sameOriginWrite(req: Request): boolean {
  const origin = req.headers.origin;
  if (!origin || !req.headers.host) return false;
  let parsed: URL;
  try {
    parsed = new URL(origin);
  } catch {
    return false;
  }
  const fetchSite = req.headers['sec-fetch-site'];
  return (
    (parsed.protocol === 'http:' || parsed.protocol === 'https:') &&
    parsed.host === req.headers.host &&
    (fetchSite === undefined || fetchSite === 'same-origin') &&
    req.is('application/json') === 'application/json'
  );
}
