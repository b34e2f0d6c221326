import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_FLOOD_LIMIT } from '../../src/delivery/flood-gate';
import { inboxIdOf } from '../../src/ports/inbox';
import { createStores } from '../../src/store/create-stores';
import { FakeSlackApi } from '../adapters/slack/fake-slack-api';
import { freePort, processEnv, startVaktpost, stop, waitUntil, type VaktpostProcess } from './child-process';
import { postSlackMessage, slackEnv } from './slack-chaos';

/**
 * The flood over HTTP: one member's script sends 500 signed Slack DMs in 10 s to the real process (main.ts, the
 * flood gate as configured: 60 turns a minute); halfway through, another member writes once. Measured: how long the
 * other member waited for the answer, what the flooder got back, and that every one of the 500 was stored.
 */
const FLOODER = 'U0FLOOD';
const CALM = 'U0CALM';
const SLOW_DOWN = /Nu kom det väldigt många meddelanden/;

export interface FloodResult {
  sent: number;
  /** How long sending them took (the schedule says 10 s; a loaded machine may take longer). */
  sendingMs: number;
  /** Deliveries Slack would have seen refused (anything but 200). */
  refused: number;
  /** Messages posted to the flooder's DM, besides "slow down". */
  floodReplies: number;
  slowDowns: number;
  /** From the calm member's message until the answer reached Slack. */
  calmLatencyMs: number | null;
  /** Of the 500, how many the inbox holds (done, answered or not). */
  stored: number;
  /** Of the stored, how many were answered (the rest: throttled, stored without an answer). */
  answered: number;
}

/** `count` messages over `spanMs`; the calm member writes at the middle. */
export async function runFlood(count = 500, spanMs = 10_000): Promise<FloodResult> {
  const fake = await FakeSlackApi.start();
  fake.users.set(FLOODER, { name: 'flood', locale: 'sv-SE' });
  fake.users.set(CALM, { name: 'calm', locale: 'sv-SE' });
  const dataDir = await mkdtemp(join(tmpdir(), 'vaktpost-flood-'));
  const env = processEnv(slackEnv(fake), dataDir, await freePort());
  let vaktpost: VaktpostProcess | null = null;
  try {
    vaktpost = await startVaktpost(env);
    const url = vaktpost.url;
    const start = Date.now();
    const ids = Array.from({ length: count }, (_, i) => `EvFlood${i}`);
    const deliveries: Array<Promise<boolean>> = [];
    let calm: Promise<number | null> | null = null;
    for (const [i, id] of ids.entries()) {
      await new Promise((r) => setTimeout(r, Math.max(0, start + (i * spanMs) / count - Date.now())));
      deliveries.push(postSlackMessage(url, FLOODER, 'ärenden', id).catch(() => false));
      if (i === Math.floor(count / 2)) calm = calmTurn(fake, url);
    }
    const sendingMs = Date.now() - start;
    const acks = await Promise.all(deliveries);
    const calmLatencyMs = await (calm ?? Promise.resolve(null));
    // Done when nothing more reaches the flooder for two seconds.
    let last = -1;
    await waitUntil(async () => {
      const now = fake.messagesIn('D0FLOOD').length;
      if (now === last) return true;
      last = now;
      await new Promise((r) => setTimeout(r, 2000));
      return false;
    }, 120_000);
    await stop(vaktpost, 'SIGTERM');
    vaktpost = null;

    const flooderSaw = fake.messagesIn('D0FLOOD').map((m) => m.text);
    const stores = await createStores({ dataDir });
    let stored = 0;
    let answered = 0;
    try {
      for (const id of ids) {
        const entry = await stores.inbox.get(inboxIdOf({ platform: 'slack', eventId: `event:${id}` }));
        if (entry) stored += 1;
        if (entry?.outcome === 'processed') answered += 1;
      }
    } finally {
      await stores.close();
    }
    return {
      sent: count,
      sendingMs,
      refused: acks.filter((ok) => !ok).length,
      floodReplies: flooderSaw.filter((t) => !SLOW_DOWN.test(t)).length,
      slowDowns: flooderSaw.filter((t) => SLOW_DOWN.test(t)).length,
      calmLatencyMs,
      stored,
      answered,
    };
  } finally {
    if (vaktpost) await stop(vaktpost, 'SIGKILL');
    await fake.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}

/** The calm member's one message; resolves with how long the answer took to reach Slack (null: never, in 30 s). */
async function calmTurn(fake: FakeSlackApi, url: string): Promise<number | null> {
  const before = fake.messagesIn('D0CALM').length;
  const sentAt = Date.now();
  await postSlackMessage(url, CALM, 'ärenden', 'EvCalm');
  const answered = await waitUntil(() => fake.messagesIn('D0CALM').length > before, 30_000, 5);
  return answered ? Date.now() - sentAt : null;
}

export function describeFlood(r: FloodResult): string {
  return (
    `flood: ${r.sent} DMs from one member in ${(r.sendingMs / 1000).toFixed(1)} s: ${r.stored} stored, ${r.answered} answered, ${r.floodReplies} ` +
    `replies and ${r.slowDowns} "slow down" to the flooder, ${r.refused} refused; another member answered after ` +
    `${r.calmLatencyMs === null ? 'never' : `${r.calmLatencyMs} ms`}`
  );
}

/**
 * What must not be: a delivery refused or not stored, more answers than the limit or a "slow down" other than once,
 * and the other member waiting longer than `calmBoundMs`.
 */
export function floodFailures(r: FloodResult, calmBoundMs: number): number {
  return (
    r.refused +
    (r.sent - r.stored) +
    (r.floodReplies > DEFAULT_FLOOD_LIMIT.turns ? 1 : 0) +
    (r.slowDowns === 1 ? 0 : 1) +
    (r.calmLatencyMs === null || r.calmLatencyMs > calmBoundMs ? 1 : 0)
  );
}
