/**
 * Benchmarks with targets (run with `npm run bench`; never part of the unit tests):
 * - the pure engine: one dialog turn well under 1 ms (target: ≥ 5,000 turns/s);
 * - a whole report, start to submitted case, on the in-memory embedded store (target: ≥ 100 reports/s);
 * - 50 contacts taking one case at the same moment: exactly one owner (target: < 500 ms);
 * - memory growth over 2,000 reports stays below 200 MiB.
 * Prints one line per benchmark and exits non-zero when a target is missed.
 */
import { reportDialog } from '../dialogs/report';
import { createVaktpost } from '../main';
import { ACTION } from '../src/engine/actions';
import { createEngine } from '../src/engine/advance';
import type { Session } from '../src/engine/session';
import { createEmbeddedStores } from '../src/store/embedded/create-embedded-stores';

interface Result {
  name: string;
  value: number;
  unit: string;
  target: string;
  ok: boolean;
}

const results: Result[] = [];
const record = (r: Result): void => {
  results.push(r);
  console.log(`${r.ok ? 'ok  ' : 'MISS'} ${r.name}: ${r.value.toFixed(1)} ${r.unit} (target ${r.target})`);
};

const ESSENTIALS = ['nej', '1', 'hot', 'Ett hotfullt meddelande i kommentarerna.', 'sociala medier', 'idag', '1'];

function benchEngine(): void {
  const engine = createEngine([reportDialog]);
  const now = new Date('2026-11-23T12:00:00Z');
  const seed = {
    key: 'u',
    userId: 'bench:u',
    displayName: 'Bench',
    address: 'bench:dm:u',
    language: 'sv' as const,
    context: {},
  };
  const turns = 20_000;
  const started = performance.now();
  let session: Session | null = engine.start('report', seed, now).session;
  for (let i = 0; i < turns; i += 1) {
    if (!session) session = engine.start('report', seed, now).session;
    const text = ESSENTIALS[i % ESSENTIALS.length] as string;
    session = engine.advance(session as Session, { kind: 'text', text }, now).session;
  }
  const perSecond = turns / ((performance.now() - started) / 1000);
  record({ name: 'engine turns', value: perSecond, unit: 'turns/s', target: '≥ 5000', ok: perSecond >= 5000 });
}

async function benchReportsAndTakes(): Promise<void> {
  const stores = await createEmbeddedStores({});
  const vaktpost = await createVaktpost({
    env: { DIRECTORY_FILE: 'directory.example.yml', LOG_LEVEL: 'silent', WEB_DEMO: '1' },
    stores,
    listen: false,
    schedule: false,
    dispatchIntervalMs: 0,
  });
  const reports = 300;
  const heapBefore = process.memoryUsage().heapUsed;
  const started = performance.now();
  for (let i = 0; i < reports; i += 1) {
    const user = { id: `web:bench-${i}`, displayName: `Bench ${i}` };
    const turn = (text: string, n: number) => ({
      eventId: `bench-${i}-${n}`,
      platform: 'web' as const,
      address: `web:dm:bench-${i}`,
      isDirect: true,
      user,
      text,
    });
    await vaktpost.bot.handleTurn({ ...turn('', 0), action: { id: ACTION.startReport, value: '' } });
    let n = 1;
    for (const text of ['nej', '1', ...ESSENTIALS.slice(1), 'skicka']) await vaktpost.bot.handleTurn(turn(text, n++));
  }
  const perSecond = reports / ((performance.now() - started) / 1000);
  const cases = await stores.cases.list({});
  record({
    name: 'reports to cases (in-memory store)',
    value: perSecond,
    unit: 'reports/s',
    target: '≥ 100',
    ok: perSecond >= 100 && cases.length === reports,
  });
  const grownMiB = (process.memoryUsage().heapUsed - heapBefore) / 1024 / 1024;
  record({ name: 'heap growth for those reports', value: grownMiB, unit: 'MiB', target: '< 200', ok: grownMiB < 200 });

  const target = cases[0];
  if (!target) throw new Error('no case to take');
  const takeStart = performance.now();
  const outcomes = await Promise.allSettled(
    Array.from({ length: 50 }, (_, i) =>
      vaktpost.cases.take(
        target.id,
        { userId: i % 2 === 0 ? 'web:contact-kim' : 'web:contact-alex', displayName: `Taker ${i}` },
        new Date(),
      ),
    ),
  );
  const ms = performance.now() - takeStart;
  const winners = outcomes.filter((o) => o.status === 'fulfilled').length;
  record({
    name: '50 simultaneous takes (one owner)',
    value: ms,
    unit: 'ms',
    target: '< 500, 1 owner',
    ok: ms < 500 && winners === 1,
  });
  await vaktpost.close();
  await stores.close();
}

async function main(): Promise<void> {
  benchEngine();
  await benchReportsAndTakes();
  const missed = results.filter((r) => !r.ok);
  console.log(`\n${results.length - missed.length} targets met, ${missed.length} missed`);
  process.exit(missed.length > 0 ? 1 : 0);
}

void main();
