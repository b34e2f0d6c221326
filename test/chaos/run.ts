/**
 * `npm run test:chaos`: the full chaos run (30 kills per platform by default, CHAOS_RUNS to change). Prints one line per
 * platform and exits non-zero on any lost report, duplicate alert or missing receipt.
 */
import { describeChaos, runSlackChaos, type ChaosResult } from './slack-chaos';

const bad = (r: ChaosResult) => r.lost + r.duplicateAlerts + r.receiptsMissing + r.receiptsTwice + r.guidanceMissing;

async function main(): Promise<void> {
  const runs = Number(process.env.CHAOS_RUNS ?? 30);
  const slack = await runSlackChaos(runs);
  console.log(describeChaos('slack', slack));
  if (bad(slack) > 0) process.exitCode = 1;
}

void main();
