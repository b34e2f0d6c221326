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

/** True for an address of this computer as the socket reports it (IPv4, IPv6, or IPv4 mapped into IPv6). */
function loopbackAddress(address: string | undefined): boolean {
  if (address === undefined) return false;
  const plain = address.replace(/^::ffff:/, '');
  return plain === '::1' || /^127(\.\d{1,3}){3}$/.test(plain);
}

/**
 * The request comes from this computer and names it. Not only the Host header: the socket's both ends must be
 * loopback addresses (a request from another machine never is, whatever its headers say), no proxy may have
 * forwarded it (a reverse proxy on this machine would make an outside request look local), and the Host header must
 * name this computer or a host the operator allowed (another name pointing at 127.0.0.1 is DNS rebinding, which
 * would let a web site read and drive the demo, which has no login).
 */
export function hostAllowed(req: Request, extraHosts: readonly string[]): boolean {
  if (!loopbackAddress(req.socket.remoteAddress) || !loopbackAddress(req.socket.localAddress)) return false;
  if (req.headers.forwarded !== undefined || req.headers['x-forwarded-for'] !== undefined) return false;
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
