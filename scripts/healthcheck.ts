/**
 * The container's HEALTHCHECK: `node dist/scripts/healthcheck.js` exits 0 when Vaktpost's /healthz on this machine
 * answers 200 within three seconds, else 1. Plain Node, because the slim image has no curl or wget.
 */
const port = process.env.PORT?.trim() || '3978';

async function check(): Promise<boolean> {
  try {
    const response = await fetch(`http://127.0.0.1:${port}/healthz`, { signal: AbortSignal.timeout(3000) });
    return response.status === 200;
  } catch {
    return false;
  }
}

void check().then((healthy) => {
  if (!healthy) console.error(`Vaktpost does not answer on http://127.0.0.1:${port}/healthz`);
  process.exit(healthy ? 0 : 1);
});
