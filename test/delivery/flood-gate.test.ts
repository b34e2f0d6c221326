import { DEFAULT_FLOOD_LIMIT, FloodGate, type FloodVerdict } from '../../src/delivery/flood-gate';

/** 500 messages in 10 s from one member, as the flood: what the gate decides for each, by arrival time. */
function flood(gate: FloodGate, member: string, count: number, spanMs: number, startMs = 0): FloodVerdict[] {
  return Array.from({ length: count }, (_, i) => gate.admit(member, startMs + Math.floor((i * spanMs) / count)));
}

const tally = (verdicts: FloodVerdict[]) => ({
  answered: verdicts.filter((v) => v === 'ok').length,
  slowDown: verdicts.filter((v) => v === 'first_over').length,
  silent: verdicts.filter((v) => v === 'over').length,
});

describe('the flood gate', () => {
  it('answers a flooding member a bounded number of times and says "slow down" once', () => {
    const gate = new FloodGate(DEFAULT_FLOOD_LIMIT);
    expect(tally(flood(gate, 'slack:UFLOOD', 500, 10_000))).toEqual({ answered: 60, slowDown: 1, silent: 439 });
  });

  it('keeps answering another member in the middle of someone else’s flood', () => {
    const gate = new FloodGate(DEFAULT_FLOOD_LIMIT);
    flood(gate, 'slack:UFLOOD', 250, 5_000);
    expect(gate.admit('slack:UCALM', 5_000)).toBe('ok');
    flood(gate, 'slack:UFLOOD', 250, 5_000, 5_000);
    expect(gate.admit('slack:UCALM', 10_000)).toBe('ok');
  });

  it('answers the flooding member again once the minute has passed, with a new "slow down" if it starts again', () => {
    const gate = new FloodGate(DEFAULT_FLOOD_LIMIT);
    flood(gate, 'slack:UFLOOD', 500, 10_000);
    expect(gate.admit('slack:UFLOOD', 10_000 + 60_000)).toBe('ok');
    expect(tally(flood(gate, 'slack:UFLOOD', 100, 1_000, 80_000))).toEqual({ answered: 59, slowDown: 1, silent: 40 });
  });

  it('lets a member who goes through a whole report quickly through untouched', () => {
    const gate = new FloodGate(DEFAULT_FLOOD_LIMIT);
    // 40 answers, one every two seconds: faster than anyone types a report.
    expect(tally(flood(gate, 'teams:member', 40, 80_000))).toEqual({ answered: 40, slowDown: 0, silent: 0 });
  });
});
