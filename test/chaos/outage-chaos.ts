import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FakeSlackApi, type FakeMessage } from '../adapters/slack/fake-slack-api';
import { freePort, processEnv, startVaktpost, stop, waitUntil, type VaktpostProcess } from './child-process';
import { postSlackMessage, seedSlack, slackEnv } from './slack-chaos';

/**
 * The outage run: the real process (main.ts, embedded store) against the fake Slack Web API, which answers every call
 * with 429 and Retry-After for the first third of the outage and with 5xx for the rest, while members report. Two
 * members send their "skicka" at the summary; two answer "yes, someone is in danger now" and then "for myself", which
 * raises the urgent alert at once. After recovery each of them must have had every message exactly once, in order.
 */
const CHANNEL = 'C0NORRBY';
/** At the summary, they submit during the outage. */
const SUBMITTERS = ['U0MIRA', 'U0OLLE'];
/** At the emergency question, they answer yes during the outage. */
const URGENT = ['U0NORA', 'U0PIA'];

/**
 * What each member must get exactly once, in order: the receipt with the case number and the 112 guidance (after a
 * submit, the police card's "ring 112"; after a yes to danger, "Ring 112 nu" at once, before the urgent receipt).
 */
interface Expected {
  receipt: RegExp;
  guidance: RegExp;
  guidanceFirst: boolean;
}
const AFTER_SUBMIT: Expected = {
  receipt: /mottagen som ärende/,
  guidance: /Polisanmälan – våra råd/,
  guidanceFirst: false,
};
const AFTER_DANGER: Expected = {
  receipt: /Jag har redan larmat/,
  guidance: /Ring 112 nu om du inte redan/,
  guidanceFirst: true,
};

export interface OutageResult {
  members: number;
  outageMs: number;
  /** Members whose report never reached the channel nor them. */
  lost: number;
  /** Alerts beyond one per member. */
  duplicateAlerts: number;
  /** Receipts (the submit's, or the urgent "I have alerted") missing. */
  receiptsMissing: number;
  /** Receipts or 112 guidance delivered more than once. */
  duplicates: number;
  /** The 112 guidance (the call-112 message, or the police card after a receipt) missing. */
  guidanceMissing: number;
  outOfOrder: number;
  /** From the end of the outage until the last of it was delivered. */
  recoveredAfterMs: number;
  /** Calls the fake answered with 429 or 5xx. */
  failedCalls: number;
}

const dmOf = (user: string) => `D${user.slice(1)}`;

/** Runs one outage of `outageMs` (members act spread over it); the 429 phase asks for `retryAfterS` seconds. */
export async function runOutage(outageMs: number, retryAfterS = Math.round(outageMs / 6000)): Promise<OutageResult> {
  const fake = await FakeSlackApi.start();
  for (const user of [...SUBMITTERS, ...URGENT]) fake.users.set(user, { name: user.toLowerCase(), locale: 'sv-SE' });
  const dataDir = await mkdtemp(join(tmpdir(), 'vaktpost-outage-'));
  let vaktpost: VaktpostProcess | null = null;
  try {
    await seedSlack(dataDir, fake, SUBMITTERS);
    await seedSlack(dataDir, fake, URGENT, ['hej']);
    const since = new Set(fake.messages.keys());
    vaktpost = await startVaktpost(processEnv(slackEnv(fake), dataDir, await freePort()));
    const url = vaktpost.url;

    const start = Date.now();
    const end = start + outageMs;
    fake.outage([
      { untilMs: start + outageMs / 3, fault: { status: 429, retryAfter: retryAfterS } },
      { untilMs: end, fault: { status: 503 } },
    ]);
    // The members act spread over the outage; Slack itself is up for events (it is the Web API that fails).
    const at = (i: number) => start + ((i + 0.5) * outageMs) / (SUBMITTERS.length + URGENT.length + 1);
    const acts: Array<() => Promise<boolean>> = [
      ...SUBMITTERS.map((user) => () => postSlackMessage(url, user, 'skicka', `EvOutage-${user}`)),
      ...URGENT.map((user) => async () => {
        const yes = await postSlackMessage(url, user, 'ja', `EvOutage-${user}-1`);
        return (await postSlackMessage(url, user, '1', `EvOutage-${user}-2`)) && yes;
      }),
    ];
    for (const [i, act] of acts.entries()) {
      await new Promise((r) => setTimeout(r, Math.max(0, at(i) - Date.now())));
      if (!(await act())) throw new Error('outage run: Slack events were not acknowledged during the outage');
    }
    await new Promise((r) => setTimeout(r, Math.max(0, end - Date.now())));

    const fresh = (channel: string): FakeMessage[] =>
      fake.messagesIn(channel).filter((m) => !since.has(`${m.channel}|${m.ts}`));
    const alerts = () => fresh(CHANNEL).filter((m) => /VP-\d{4}-\d{4}/.test(m.text));
    const expected = [
      ...SUBMITTERS.map((user) => ({ user, ...AFTER_SUBMIT })),
      ...URGENT.map((user) => ({ user, ...AFTER_DANGER })),
    ];
    const has = (user: string, pattern: RegExp) => fresh(dmOf(user)).some((m) => pattern.test(m.text));
    const complete = () =>
      alerts().length >= expected.length && expected.every((e) => has(e.user, e.receipt) && has(e.user, e.guidance));
    // The longest backoff after an outage of a minute is 64 s; three minutes is ample.
    await waitUntil(complete, 180_000);
    const recoveredAfterMs = Date.now() - end;
    // A little longer, so a duplicate that would come has the time to.
    await new Promise((r) => setTimeout(r, 1500));

    const result: OutageResult = {
      members: expected.length,
      outageMs,
      lost: 0,
      duplicateAlerts: Math.max(0, alerts().length - expected.length),
      receiptsMissing: 0,
      duplicates: 0,
      guidanceMissing: 0,
      outOfOrder: 0,
      recoveredAfterMs,
      failedCalls: fake.failedCalls,
    };
    const numbers = alerts().map((m) => /VP-\d{4}-\d{4}/.exec(m.text)?.[0]);
    if (new Set(numbers).size !== numbers.length) result.duplicateAlerts = Math.max(result.duplicateAlerts, 1);
    for (const { user, receipt, guidance, guidanceFirst } of expected) {
      const texts = fresh(dmOf(user)).map((m) => m.text);
      const receipts = texts.filter((t) => receipt.test(t)).length;
      const guidances = texts.filter((t) => guidance.test(t)).length;
      if (receipts === 0 && guidances === 0) result.lost += 1;
      if (receipts === 0) result.receiptsMissing += 1;
      if (guidances === 0) result.guidanceMissing += 1;
      result.duplicates += Math.max(0, receipts - 1) + Math.max(0, guidances - 1);
      const [r, g] = [texts.findIndex((t) => receipt.test(t)), texts.findIndex((t) => guidance.test(t))];
      if (r >= 0 && g >= 0 && guidanceFirst !== g < r) result.outOfOrder += 1;
    }
    return result;
  } finally {
    if (vaktpost) await stop(vaktpost, 'SIGTERM');
    await fake.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}

/** What must be zero. */
export function outageFailures(r: OutageResult): number {
  return r.lost + r.duplicateAlerts + r.receiptsMissing + r.duplicates + r.guidanceMissing + r.outOfOrder;
}

/** The line the outage run prints. */
export function describeOutage(r: OutageResult): string {
  return (
    `outage: ${Math.round(r.outageMs / 1000)} s of 429 (Retry-After) then 5xx, ${r.members} members reporting ` +
    `during it: lost ${r.lost}, duplicate alerts ${r.duplicateAlerts}, receipts missing ${r.receiptsMissing}, 112 ` +
    `guidance missing ${r.guidanceMissing}, receipts or guidance twice ${r.duplicates}, out of order ${r.outOfOrder}; ` +
    `${r.failedCalls} calls refused; all delivered ${(r.recoveredAfterMs / 1000).toFixed(1)} s after it ended`
  );
}
