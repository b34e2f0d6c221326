/**
 * `npm run test:chaos`: the full chaos runs on the real process. By default 30 kills per platform (Slack, Teams);
 * `-- --only slack` (or `teams`) picks one, `-- --runs 10` (or CHAOS_RUNS) changes the count. Prints one line per run
 * and exits non-zero on any lost report, missing receipt or guidance, and any duplicate outside the documented window.
 */
import { parseArgs } from 'node:util';
import { describeChaos, failures, runChaos, type ChaosPlatform } from './chaos-harness';
import { slackChaos } from './slack-chaos';
import { teamsChaos } from './teams-chaos';

const PLATFORMS: ChaosPlatform[] = [slackChaos, teamsChaos];

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { only: { type: 'string', multiple: true }, runs: { type: 'string' } },
  });
  const runs = Number(values.runs ?? process.env.CHAOS_RUNS ?? 30);
  const only = values.only?.flatMap((o) => o.split(','));
  const unknown = only?.filter((name) => !PLATFORMS.some((p) => p.name === name)) ?? [];
  if (unknown.length > 0 || !Number.isInteger(runs) || runs < 1) {
    console.error(`usage: npm run test:chaos -- [--only ${PLATFORMS.map((p) => p.name).join('|')}] [--runs N]`);
    process.exitCode = 2;
    return;
  }
  for (const platform of PLATFORMS.filter((p) => !only || only.includes(p.name))) {
    const result = await runChaos(platform, runs);
    console.log(describeChaos(platform.name, result));
    if (failures(result, platform.reconciles) > 0) process.exitCode = 1;
  }
}

void main();
