import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createStores } from '../../src/store/create-stores';
import { freePort, processEnv, spawnVaktpost, ready, stop, waitUntil } from './child-process';

/**
 * The kill-and-restart round, the same for every platform: a member's report waits at its summary in a data folder
 * the app wrote itself; the REAL process (main.ts) is started on it, the member's "skicka" arrives over HTTP, the
 * process is killed with SIGKILL at a random moment between that arrival and the end of delivery, and started again on
 * the same data. Like the platforms, the submit is delivered again when the first try got no 2xx. Then what reached
 * the fake platform is counted: the channel alert, the member's receipt and the 112 guidance after it.
 */

/** One message as it reached the fake platform. */
export interface Delivered {
  /** What a person reads of it (text, or a card's texts joined). */
  text: string;
}

/** A platform's side of a round: its fake, the data folder's template, the submit and what got through. */
export interface ChaosWorld {
  /** Environment for main.ts beside DATA_DIR and PORT (tokens, the fake's URL, the directory). */
  env: Record<string, string>;
  /** The outbox addresses of the district's alert channel and the member's DM. */
  addresses: { alert: string; member: string };
  /** Delivers the member's "skicka" (again, when `retry`); true when the platform got a 2xx. */
  submit(baseUrl: string, retry: boolean): Promise<boolean>;
  /** New messages (not updates) posted to the alert channel since the world was made, in order. */
  channel(): Delivered[];
  /** New messages posted to the member's DM since the world was made, in order. */
  dm(): Delivered[];
  close(): Promise<void>;
}

/** A platform the chaos run knows. */
export interface ChaosPlatform {
  name: string;
  /**
   * Starts the platform's fake and writes, into `templateDir`, a data folder with the member's report at its summary
   * (through the app itself). `round` keeps delivery ids unique across rounds.
   */
  prepare(templateDir: string, round: number): Promise<ChaosWorld>;
  /**
   * True when the platform can tell whether a send in doubt reached it (Slack: message metadata). Where it cannot
   * (Teams), a send the platform accepted right before the kill, not yet marked sent, goes again: that duplicate is
   * counted apart and does not fail the run; any other duplicate does.
   */
  reconciles: boolean;
  /**
   * The latest moment of a kill after the submit is sent, in ms: about how long the whole delivery takes on this
   * platform, so most kills fall before its end (Slack's lookups and posts take longer than Teams' sends).
   */
  killWithinMs: number;
}

export interface ChaosResult {
  runs: number;
  /** Rounds where neither the channel nor the member heard of the report. */
  lost: number;
  /** Rounds with more than one channel alert. */
  duplicateAlerts: number;
  receiptsMissing: number;
  receiptsTwice: number;
  /** The 112 guidance (the police card after the receipt: "ring 112"). */
  guidanceMissing: number;
  guidanceTwice: number;
  /** Rounds where the guidance came before the receipt. */
  outOfOrder: number;
  /** Rounds where the kill came before the submit was acknowledged. */
  killedBeforeAck: number;
  /** Rounds where the kill came before the last of it (the guidance) had reached the member: the rounds that test. */
  killedBeforeDone: number;
  /** Rounds where the kill left a send in doubt (claimed, begun, not marked sent). */
  inDoubtAtKill: number;
  /** Extra copies explained by a send in doubt at the kill to that address (Teams' documented window). */
  duplicatesInDoubtWindow: number;
  /** Extra copies with no send in doubt to explain them: always a failure. */
  duplicatesUnexplained: number;
  killDelaysMs: number[];
}

const ALERT = /VP-\d{4}-\d{4}/;
const RECEIPT = /mottagen som ärende/;
/** The police card after a report (`report.after.police.*`): "Är det akut eller pågår det: ring 112." */
const GUIDANCE = /Polisanmälan – våra råd/;

export function emptyResult(): ChaosResult {
  return {
    runs: 0,
    lost: 0,
    duplicateAlerts: 0,
    receiptsMissing: 0,
    receiptsTwice: 0,
    guidanceMissing: 0,
    guidanceTwice: 0,
    outOfOrder: 0,
    killedBeforeAck: 0,
    killedBeforeDone: 0,
    inDoubtAtKill: 0,
    duplicatesInDoubtWindow: 0,
    duplicatesUnexplained: 0,
    killDelaysMs: [],
  };
}

/** What the failures are: anything lost or missing, out of order, or a duplicate outside the documented window. */
export function failures(r: ChaosResult, reconciles: boolean): number {
  const duplicates = reconciles ? r.duplicateAlerts + r.receiptsTwice + r.guidanceTwice : r.duplicatesUnexplained;
  return r.lost + r.receiptsMissing + r.guidanceMissing + r.outOfOrder + duplicates + (r.runs === 0 ? 1 : 0);
}

/**
 * The outbox addresses with a send in doubt now: claimed, begun (`sendingSince`), not marked sent. Read from the data
 * folder while no process runs (the killed one's lock is stale: its process is gone).
 */
async function sendsInDoubt(dataDir: string): Promise<string[]> {
  const stores = await createStores({ dataDir });
  try {
    const pending = await stores.outbox.due(new Date(8.64e15), 10_000);
    return pending.filter((n) => n.claimedBy !== null && n.sendingSince).map((n) => n.address);
  } finally {
    await stores.close();
  }
}

/** Runs `runs` kill-and-restart rounds on `platform`. */
export async function runChaos(platform: ChaosPlatform, runs: number): Promise<ChaosResult> {
  const result = emptyResult();
  for (let round = 0; round < runs; round += 1) {
    const template = await mkdtemp(join(tmpdir(), `vaktpost-chaos-${platform.name}-seed-`));
    const dataDir = await mkdtemp(join(tmpdir(), `vaktpost-chaos-${platform.name}-`));
    const world = await platform.prepare(template, round);
    try {
      await cp(template, dataDir, { recursive: true });
      const env = processEnv(world.env, dataDir, await freePort());
      const first = spawnVaktpost(env);
      await ready(first);
      // One kill in three within the first 30 ms, where the submit is being stored and acknowledged.
      const delay = Math.floor(Math.random() * (Math.random() < 1 / 3 ? 30 : platform.killWithinMs));
      result.killDelaysMs.push(delay);
      const acked = world.submit(first.url, false).catch(() => false);
      await new Promise((r) => setTimeout(r, delay));
      await stop(first, 'SIGKILL');
      const wasAcked = await acked;
      if (!wasAcked) result.killedBeforeAck += 1;
      if (!world.dm().some((m) => GUIDANCE.test(m.text))) result.killedBeforeDone += 1;
      const inDoubt = await sendsInDoubt(dataDir);
      if (inDoubt.length > 0) result.inDoubtAtKill += 1;

      const second = spawnVaktpost(env);
      await ready(second, 'the process did not start again');
      if (!wasAcked) await world.submit(second.url, true);
      const of = (list: Delivered[], pattern: RegExp) => list.filter((m) => pattern.test(m.text));
      await waitUntil(() => of(world.channel(), ALERT).length > 0 && of(world.dm(), GUIDANCE).length > 0, 20_000);
      // A little longer, so a duplicate that would come has the time to.
      await new Promise((r) => setTimeout(r, 500));
      await stop(second, 'SIGTERM');
      count(result, world, inDoubt);
    } finally {
      await world.close();
      await rm(template, { recursive: true, force: true });
      await rm(dataDir, { recursive: true, force: true });
    }
  }
  return result;
}

function count(result: ChaosResult, world: ChaosWorld, inDoubt: string[]): void {
  const dm = world.dm().map((m) => m.text);
  const alerts = world.channel().filter((m) => ALERT.test(m.text)).length;
  const receipts = dm.filter((t) => RECEIPT.test(t)).length;
  const guidance = dm.filter((t) => GUIDANCE.test(t)).length;
  result.runs += 1;
  if (alerts === 0 && receipts === 0) result.lost += 1;
  if (alerts > 1) result.duplicateAlerts += 1;
  if (receipts === 0) result.receiptsMissing += 1;
  if (receipts > 1) result.receiptsTwice += 1;
  if (guidance === 0) result.guidanceMissing += 1;
  if (guidance > 1) result.guidanceTwice += 1;
  const firstReceipt = dm.findIndex((t) => RECEIPT.test(t));
  const firstGuidance = dm.findIndex((t) => GUIDANCE.test(t));
  if (firstReceipt >= 0 && firstGuidance >= 0 && firstGuidance < firstReceipt) result.outOfOrder += 1;
  // A send in doubt explains one extra copy to its address (the process was killed once); nothing else does.
  const extra = (copies: number) => Math.max(0, copies - 1);
  const explain = (address: string, extraCopies: number) => {
    const doubted = inDoubt.filter((a) => a === address).length;
    result.duplicatesInDoubtWindow += Math.min(extraCopies, doubted);
    result.duplicatesUnexplained += Math.max(0, extraCopies - doubted);
  };
  explain(world.addresses.alert, extra(alerts));
  explain(world.addresses.member, extra(receipts) + extra(guidance));
}

/** The line the chaos run prints. */
export function describeChaos(name: string, r: ChaosResult): string {
  const delays = r.killDelaysMs.length > 0 ? `${Math.min(...r.killDelaysMs)}–${Math.max(...r.killDelaysMs)}` : '-';
  return (
    `${name}: runs ${r.runs}, lost ${r.lost}, duplicate alerts ${r.duplicateAlerts}, receipts missing ` +
    `${r.receiptsMissing} (receipts twice ${r.receiptsTwice}, 112 guidance missing ${r.guidanceMissing}, twice ` +
    `${r.guidanceTwice}, out of order ${r.outOfOrder}); duplicates inside the in-doubt window ` +
    `${r.duplicatesInDoubtWindow}, outside it ${r.duplicatesUnexplained}; kills before the ack ` +
    `${r.killedBeforeAck}, before the end of delivery ${r.killedBeforeDone}, leaving a send in doubt ${r.inDoubtAtKill}; ` +
    `kill after ${delays} ms`
  );
}
