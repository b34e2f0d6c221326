import { ConversationRateLimiter } from '../../src/delivery/rate-limit';

const T0 = Date.parse('2026-11-23T10:00:00.000Z');
const at = (ms: number): Date => new Date(T0 + ms);

/** Sends `count` messages to `address` as early as the limiter allows, and returns when each went out (ms). */
function sendTimes(limiter: ConversationRateLimiter, address: string, count: number, start = 0): number[] {
  const times: number[] = [];
  let now = start;
  while (times.length < count) {
    if (limiter.tryTake(address, at(now))) times.push(now);
    else now += limiter.waitMs(address, at(now));
  }
  return times;
}

describe('ConversationRateLimiter', () => {
  it('lets a Slack channel have a burst of three, then one message a second', () => {
    const times = sendTimes(new ConversationRateLimiter(), 'slack:T1:C1', 8);
    expect(times).toEqual([0, 0, 0, 1000, 2000, 3000, 4000, 5000]);
  });

  it('keeps a Teams conversation under 7 a second, 60 in any 30 seconds and 1,800 an hour', () => {
    const times = sendTimes(new ConversationRateLimiter(), 'teams:a:conv', 2000);
    const most = (windowMs: number): number => {
      let max = 0;
      let first = 0;
      for (let last = 0; last < times.length; last += 1) {
        while ((times[last] as number) - (times[first] as number) >= windowMs) first += 1;
        max = Math.max(max, last - first + 1);
      }
      return max;
    };
    expect(most(1000)).toBeLessThanOrEqual(7);
    expect(most(30_000)).toBeLessThanOrEqual(60);
    expect(most(3_600_000)).toBeLessThanOrEqual(1800);
  });

  it('limits each channel on its own and never the web demo or the console', () => {
    const limiter = new ConversationRateLimiter();
    for (let i = 0; i < 3; i += 1) expect(limiter.tryTake('slack:T1:C1', at(0))).toBe(true);
    expect(limiter.tryTake('slack:T1:C1', at(0))).toBe(false);
    expect(limiter.waitMs('slack:T1:C1', at(0))).toBe(1000);
    expect(limiter.tryTake('slack:T1:C2', at(0))).toBe(true);
    for (let i = 0; i < 100; i += 1) {
      expect(limiter.tryTake('web:dm:member', at(0))).toBe(true);
      expect(limiter.tryTake('console:dm:member', at(0))).toBe(true);
    }
  });

  it('refills after a quiet spell, up to the burst and no more', () => {
    const limiter = new ConversationRateLimiter();
    sendTimes(limiter, 'slack:T1:C1', 3);
    expect(sendTimes(limiter, 'slack:T1:C1', 5, 60_000)).toEqual([60_000, 60_000, 60_000, 61_000, 62_000]);
  });

  it('holds back exactly the conversations that have used up their share, until it has refilled', () => {
    const limiter = new ConversationRateLimiter();
    sendTimes(limiter, 'slack:T1:C1', 3);
    sendTimes(limiter, 'slack:T1:C2', 2);
    sendTimes(limiter, 'teams:conv:1', 7);
    expect(limiter.heldAddresses(at(0)).sort()).toEqual(['slack:T1:C1', 'teams:conv:1']);
    // Slack's channel has a whole message's share again after a second, Teams' after a little over two.
    expect(limiter.heldAddresses(at(1_000))).toEqual(['teams:conv:1']);
    expect(limiter.heldAddresses(at(2_100))).toEqual([]);
    expect(limiter.tryTake('slack:T1:C1', at(2_100))).toBe(true);
  });
});
