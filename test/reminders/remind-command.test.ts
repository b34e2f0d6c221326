import { describeSweep, parseRemindArgs, remind } from '../../scripts/remind';
import { createMemoryLogger } from '../../src/ports/logger';
import { CHANNEL, createWorld, directory, dm, MINUTE, MONDAY_8, type World } from './reminder-world';

let world: World;
beforeEach(async () => {
  world = await createWorld(new Date(Date.parse(MONDAY_8) - 40 * MINUTE));
});
afterEach(() => world.close());

/** `npm run remind -- <argv>` over the world's stores, with its platform as the only one that can deliver. */
async function runCommand(argv: string[]): Promise<{ lines: string[]; outcome: Awaited<ReturnType<typeof remind>> }> {
  const lines: string[] = [];
  const outcome = await remind(
    argv,
    {
      env: { LOG_LEVEL: 'silent', PORT: '0' },
      stores: world.stores,
      directory,
      extraNotifiers: [world.platform],
      logger: createMemoryLogger(),
    },
    (line) => lines.push(line),
  );
  return { lines, outcome };
}

describe('npm run remind', () => {
  it('sweeps at the given time, sends what it queued and prints counts and case numbers only', async () => {
    const urgent = await world.submit('mira', { urgent: true });
    const taken = await world.submit('olle');
    await world.take(taken.id, 'kim');
    await world.flush();
    world.sent.clear();

    // 08:00 in Stockholm: the urgent case has waited 40 minutes.
    const { lines, outcome } = await runCommand(['--at', '2026-03-02T08:00:00+01:00']);

    // Wired as main.ts wires it: with no Slack or Teams configured the web demo runs and binds its own channel for
    // Norrby, which gets the channel's digest and escalation too.
    expect(lines).toEqual([
      'Sweep at 2026-03-02T07:00:00.000Z (digest + escalation)',
      'Digests queued: 3 (queued before for this date: 0)',
      `Escalated: ${urgent.number} (reminder 1)`,
      'Notifications: 7 queued, 7 sent, 0 waiting for a retry, 0 undeliverable (rerouted)',
    ]);
    expect(outcome.notificationIds).toContain('digest:2026-03-02:web:channel:norrby');
    expect(world.sent.to(CHANNEL).map((m) => m.text.split('\n')[0])).toEqual(
      expect.arrayContaining([
        `AKUT och fortfarande inte taget: ärende ${urgent.number}`,
        'Daglig påminnelse 2 mars 2026',
      ]),
    );
    expect(world.sent.to(CHANNEL)).toHaveLength(2);
    expect(world.sent.to(dm('kim')).map((m) => m.text.split('\n')[0])).toEqual(['Daglig påminnelse 2 mars 2026']);
    expect(world.sent.to(dm('cecilia')).map((m) => m.text.split('\n')[0])).toEqual([
      `AKUT, eskalerat till dig: ärende ${urgent.number}`,
    ]);
    expect(lines.join('\n')).not.toMatch(/HEMLIG|Mira|Hemliga/);

    // Run again the same morning: nothing new goes out.
    const again = await runCommand(['--at', '2026-03-02T08:05:00+01:00']);
    expect(again.lines.slice(1)).toEqual([
      'Digests queued: 0 (queued before for this date: 3)',
      'Escalated: none',
      'Notifications: 0 queued, 0 sent, 0 waiting for a retry, 0 undeliverable (rerouted)',
    ]);
    // Two in the channel, the digest to Kim, the escalation to Cecilia, and word to the member.
    expect(world.sent.sent).toHaveLength(5);
  });

  it('reads its arguments strictly', () => {
    expect(parseRemindArgs([])).toEqual({ at: null, kind: 'both' });
    expect(parseRemindArgs(['--only', 'escalation', '--at', '2026-03-02T07:00:00Z'])).toEqual({
      at: new Date('2026-03-02T07:00:00Z'),
      kind: 'escalation',
    });
    expect(() => parseRemindArgs(['--at', 'tomorrow'])).toThrow(/--at needs an ISO time, got "tomorrow"\nusage:/);
    expect(() => parseRemindArgs(['--now'])).toThrow(/unknown argument "--now"/);
  });

  it('says when another process holds the sweep', () => {
    expect(
      describeSweep({
        at: '2026-03-02T07:00:00.000Z',
        kind: 'both',
        skipped: ['digest'],
        digests: 0,
        digestsAlreadyQueued: 0,
        escalations: [],
        notificationIds: [],
        queued: 0,
        sessionsExpired: 0,
        delivery: { sent: 0, pending: 0, dead: 0 },
      }),
    ).toEqual([
      'Sweep at 2026-03-02T07:00:00.000Z (digest + escalation)',
      'Skipped, another sweep (the schedule or another process) is running it right now: digest',
      'Escalated: none',
      'Notifications: 0 queued, 0 sent, 0 waiting for a retry, 0 undeliverable (rerouted)',
    ]);
  });
});
