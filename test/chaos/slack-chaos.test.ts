import { describeChaos, runSlackChaos } from './slack-chaos';

/**
 * A small chaos run inside the normal suite (the full 30-run one is `npm run test:chaos`): the real process is
 * killed with SIGKILL at a random moment after a member's Slack submit arrives, then restarted on the same data.
 */
it('loses no report, posts no alert twice and misses no receipt when the process is killed mid-submit', async () => {
  const result = await runSlackChaos(Number(process.env.CHAOS_SUITE_RUNS ?? 2));
  console.log(describeChaos('slack (suite run)', result));
  expect(result).toMatchObject({
    lost: 0,
    duplicateAlerts: 0,
    receiptsMissing: 0,
    receiptsTwice: 0,
    guidanceMissing: 0,
  });
  expect(result.runs).toBeGreaterThan(0);
}, 240_000);
