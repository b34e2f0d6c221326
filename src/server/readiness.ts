import type { ReadinessResult } from '../ports/platform-adapter';
import type { Stores } from '../ports/stores';

/** One thing /readyz asks: the store, or a platform's credentials. */
export interface ReadinessCheck {
  /** Shown in the body: `store`, `slack`, `teams`. */
  name: string;
  check(): Promise<ReadinessResult>;
}

/** What /readyz answers: 200 when every check is ok, else 503 with each failing check's reason. */
export interface ReadinessReport {
  ready: boolean;
  body: {
    status: 'ready' | 'not ready';
    /** The failing checks' reasons in one line each, for a monitor that shows only one field. */
    reasons: string[];
    checks: Record<string, ReadinessResult>;
  };
}

// A probe must answer before the monitor gives up; a platform that hangs counts as not ready, with that reason.
const CHECK_TIMEOUT_MS = 5000;

function withTimeout(check: ReadinessCheck): Promise<ReadinessResult> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<ReadinessResult>((resolve) => {
    timer = setTimeout(
      () => resolve({ ok: false, reason: `no answer within ${CHECK_TIMEOUT_MS / 1000} s` }),
      CHECK_TIMEOUT_MS,
    );
  });
  const answer = check.check().catch((error: unknown) => ({
    ok: false,
    reason: error instanceof Error ? error.message : 'check failed',
  }));
  return Promise.race([answer, late]).finally(() => clearTimeout(timer));
}

/** The store's check: its ping. */
export function storeReadiness(stores: Stores): ReadinessCheck {
  return {
    name: 'store',
    check: async () =>
      (await stores.ping().catch(() => false))
        ? { ok: true }
        : { ok: false, reason: `the store does not answer (${stores.description})` },
  };
}

/** Runs every check at once and sums them up. */
export async function checkReadiness(checks: ReadinessCheck[]): Promise<ReadinessReport> {
  const results = await Promise.all(checks.map(withTimeout));
  const entries = checks.map((c, i) => [c.name, results[i] ?? { ok: false }] as const);
  const reasons = entries.filter(([, r]) => !r.ok).map(([name, r]) => `${name}: ${r.reason ?? 'not ready'}`);
  return {
    ready: reasons.length === 0,
    body: { status: reasons.length === 0 ? 'ready' : 'not ready', reasons, checks: Object.fromEntries(entries) },
  };
}
