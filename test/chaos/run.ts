/**
 * `npm run test:chaos`: the full runs on the real process. By default: 30 kills per platform (Slack, Teams), the
 * Slack Web API down for a minute while members report, and the 500-message flood. `-- --only teams` (or `slack`,
 * `outage`, `flood`, comma-separated) picks some; `-- --runs 10` (or CHAOS_RUNS) changes the number of kills. Prints
 * one line each and exits non-zero on any lost report, missing receipt or guidance, any duplicate outside the
 * documented window, or a flood that is not bounded.
 */
import { parseArgs } from 'node:util';
import { describeChaos, failures, runChaos, type ChaosPlatform } from './chaos-harness';
import { describeFlood, floodFailures, runFlood } from './flood-chaos';
import { describeOutage, outageFailures, runOutage } from './outage-chaos';
import { slackChaos } from './slack-chaos';
import { teamsChaos } from './teams-chaos';

const PLATFORMS: ChaosPlatform[] = [slackChaos, teamsChaos];
const RUNS = [...PLATFORMS.map((p) => p.name), 'outage', 'flood'];

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { only: { type: 'string', multiple: true }, runs: { type: 'string' } },
  });
  const runs = Number(values.runs ?? process.env.CHAOS_RUNS ?? 30);
  const only = values.only?.flatMap((o) => o.split(',')) ?? RUNS;
  const unknown = only.filter((name) => !RUNS.includes(name));
  if (unknown.length > 0 || !Number.isInteger(runs) || runs < 1) {
    console.error(`usage: npm run test:chaos -- [--only ${RUNS.join(',')}] [--runs N]`);
    process.exitCode = 2;
    return;
  }
  const fail = (count: number) => {
    if (count > 0) process.exitCode = 1;
  };
  for (const platform of PLATFORMS.filter((p) => only.includes(p.name))) {
    const result = await runChaos(platform, runs);
    console.log(describeChaos(platform.name, result));
    fail(failures(result, platform.reconciles));
  }
  if (only.includes('outage')) {
    const result = await runOutage(60_000);
    console.log(describeOutage(result));
    fail(outageFailures(result));
  }
  if (only.includes('flood')) {
    const result = await runFlood(500, 10_000);
    console.log(describeFlood(result));
    fail(floodFailures(result, 1_000));
  }
}

void main();
