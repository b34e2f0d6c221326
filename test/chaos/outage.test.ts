import { describeOutage, runOutage } from './outage-chaos';

/**
 * The Slack Web API down while members report, on the real process: 429 with Retry-After, then 5xx (18 s here; the
 * full minute is `npm run test:chaos -- --only outage`). Afterwards every alert, receipt and 112 guidance once, in order.
 */
it('delivers every alert, receipt and 112 guidance exactly once, in order, after an outage', async () => {
  const result = await runOutage(18_000);
  console.log(describeOutage(result));
  expect(result).toMatchObject({
    lost: 0,
    duplicateAlerts: 0,
    receiptsMissing: 0,
    guidanceMissing: 0,
    duplicates: 0,
    outOfOrder: 0,
  });
  // The outage was real: the app's calls were refused while it lasted.
  expect(result.failedCalls).toBeGreaterThan(0);
}, 240_000);
