import { join } from 'node:path';
import { z } from 'zod';

/**
 * The local admin call between `npm run remind` and a server running on the same DATA_DIR: HTTP over a unix socket
 * inside the data folder. Only a process that may open files in DATA_DIR/admin (mode 0700, socket 0600: the user the
 * server runs as, or root) can connect; nothing on the network can, not even on 127.0.0.1.
 */
export const ADMIN_FOLDER = 'admin';
const SOCKET_NAME = 'vaktpost.sock';

/**
 * Longest socket path we bind: Linux keeps 107 bytes, macOS 103, and Node cuts a longer path silently (it bound
 * `/tmp/xxx…` at the 107th byte when asked for a path below it), so a longer one is not used at all.
 */
export const MAX_SOCKET_PATH_BYTES = 103;

/** Where the admin socket of a data folder is. */
export function adminSocketPath(dataDir: string): string {
  return join(dataDir, ADMIN_FOLDER, SOCKET_NAME);
}

/** POST /sweep: the reminder sweep at a moment (null: the server's now) and of a kind. */
export const sweepRequestSchema = z
  .object({
    at: z.iso.datetime({ offset: true }).nullable(),
    kind: z.enum(['digest', 'escalation', 'both']),
  })
  .strict();
export type SweepRequest = z.infer<typeof sweepRequestSchema>;

/** The server's answer to POST /sweep: the SweepOutcome of src/reminders/wiring.ts. */
export const sweepOutcomeSchema = z.object({
  at: z.string(),
  kind: z.enum(['digest', 'escalation', 'both']),
  skipped: z.array(z.enum(['digest', 'escalation'])),
  digests: z.number().int().nonnegative(),
  digestsAlreadyQueued: z.number().int().nonnegative(),
  escalations: z.array(z.object({ caseId: z.string(), number: z.string(), n: z.number().int() })),
  notificationIds: z.array(z.string()),
  queued: z.number().int().nonnegative(),
  /** Unfinished sessions removed; 0 from a server older than session expiry. */
  sessionsExpired: z.number().int().nonnegative().default(0),
  delivery: z.object({
    sent: z.number().int().nonnegative(),
    pending: z.number().int().nonnegative(),
    dead: z.number().int().nonnegative(),
  }),
});

/** An answer other than the outcome: what went wrong, in words for the operator. */
export const adminErrorSchema = z.object({ error: z.string() });
