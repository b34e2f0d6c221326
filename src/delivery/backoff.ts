/** Exponential backoff with a cap: 2 s, 4 s, 8 s … up to 5 minutes, so a platform down for an hour is retried ~14 times. */
export function backoffMs(attempts: number): number {
  return Math.min(2000 * 2 ** Math.max(0, attempts - 1), 5 * 60 * 1000);
}
