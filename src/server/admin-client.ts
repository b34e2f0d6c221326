import { request } from 'node:http';
import type { SweepKind } from '../reminders/plan';
import type { SweepOutcome } from '../reminders/wiring';
import { adminErrorSchema, adminSocketPath, sweepOutcomeSchema, type SweepRequest } from './admin-protocol';

/** The running server answered, but did not sweep (a time ahead of its clock, a failed sweep). */
export class AdminCallError extends Error {}

/** A sweep may send a few hundred digests at Slack's pace; longer than this and something is wrong. */
const TIMEOUT_MS = 5 * 60_000;

function post(socketPath: string, body: string, timeoutMs: number): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      { socketPath, path: '/sweep', method: 'POST', headers: { 'content-type': 'application/json' } },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
        res.on('error', reject);
      },
    );
    req.setTimeout(timeoutMs, () => req.destroy(new Error(`no answer within ${timeoutMs / 1000} s`)));
    req.on('error', reject);
    req.end(body);
  });
}

/**
 * Asks the server running on `dataDir` to run the reminder sweep and waits for what it did. Null when no server
 * listens on the folder's admin socket (none there, or one left by a killed process): the caller decides.
 */
export async function requestSweep(
  dataDir: string,
  at: Date | null,
  kind: SweepKind,
  timeoutMs = TIMEOUT_MS,
): Promise<SweepOutcome | null> {
  const payload: SweepRequest = { at: at === null ? null : at.toISOString(), kind };
  let reply: { status: number; body: string };
  try {
    reply = await post(adminSocketPath(dataDir), JSON.stringify(payload), timeoutMs);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ECONNREFUSED') return null;
    throw new AdminCallError(`The running server did not answer the sweep request: ${(error as Error).message}`);
  }
  let json: unknown = undefined;
  try {
    json = JSON.parse(reply.body);
  } catch {
    // Handled as an answer of the wrong shape below.
  }
  if (reply.status === 200) {
    const outcome = sweepOutcomeSchema.safeParse(json);
    if (outcome.success) return outcome.data;
  }
  const problem = adminErrorSchema.safeParse(json);
  throw new AdminCallError(
    problem.success ? problem.data.error : `The running server answered ${reply.status} with no outcome.`,
  );
}
