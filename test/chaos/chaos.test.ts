import { describeChaos, failures, runChaos } from './chaos-harness';
import { slackChaos } from './slack-chaos';
import { teamsChaos } from './teams-chaos';

/**
 * A small chaos run inside the normal suite (the full 30-run one per platform is `npm run test:chaos`): the real
 * process is killed with SIGKILL at a random moment after a member's submit arrives, then restarted on the same data.
 */
// One round per platform: each round starts the real process twice, and the suite shares two cores with a browser.
const RUNS = Number(process.env.CHAOS_SUITE_RUNS ?? 1);

it('Slack: loses no report, posts nothing twice and misses no receipt when the process is killed mid-submit', async () => {
  const result = await runChaos(slackChaos, RUNS);
  console.log(describeChaos('slack (suite run)', result));
  expect(result).toMatchObject({ runs: RUNS, lost: 0, duplicateAlerts: 0, receiptsMissing: 0, receiptsTwice: 0 });
  expect(failures(result, true)).toBe(0);
}, 240_000);

it('Teams: loses no report and misses no receipt; a duplicate comes only from a send in doubt at the kill', async () => {
  const result = await runChaos(teamsChaos, RUNS);
  console.log(describeChaos('teams (suite run)', result));
  expect(result).toMatchObject({ runs: RUNS, lost: 0, receiptsMissing: 0, guidanceMissing: 0, outOfOrder: 0 });
  expect(result.duplicatesUnexplained).toBe(0);
}, 240_000);
