import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import { ConsoleNotifier } from '../../../adapters/console';
import { turnFromLine } from '../../../adapters/console/parse';
import { actionFromData } from '../../../adapters/teams/action-data';
import { WebNotifier } from '../../../adapters/web';
import { toIncomingTurn } from '../../../adapters/web/parse';
import { renderEntry } from '../../../adapters/web/render';
import { loadDirectory } from '../../../src/directory/load-directory';
import { decodeStepValue } from '../../../src/engine/actions';
import { parseTypedAnswer } from '../../../src/engine/parse-answer';
import type { InputSpec, OutgoingMessage } from '../../../src/engine/prompt';
import type { IncomingTurn } from '../../../src/engine/turn';
import { createMemoryLogger } from '../../../src/ports/logger';
import { createEmbeddedStores } from '../../../src/store/embedded/create-embedded-stores';
import { asEvent, messageIm } from '../slack/payloads';
import { startSlackTestApp } from '../slack/slack-test-app';
import { MEMBER, personalConversation, personalMessage } from '../teams/activities';
import { startFakeConnector } from '../teams/fake-connector';
import { startTeamsHarness } from '../teams/teams-harness';
import type { ContractDriver } from './adapter-contract';

/** Every string value under the key `key` anywhere in a JSON structure, in order. */
function stringsAt(value: unknown, key: string, found: string[] = []): string[] {
  if (Array.isArray(value)) for (const item of value) stringsAt(item, key, found);
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k === key && typeof v === 'string') found.push(v);
      else stringsAt(v, key, found);
    }
  }
  return found;
}

async function until<T>(read: () => T | undefined, what: string): Promise<T> {
  for (let i = 0; i < 200; i += 1) {
    const value = read();
    if (value !== undefined) return value;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** Slack over the fake Web API: U1's DM is D1 there. */
export async function slackDriver(): Promise<ContractDriver> {
  const t = await startSlackTestApp();
  const refused = 'slack:channel:C0GONE';
  const blocksOfLast = () => t.fake.messagesIn('D1').at(-1)?.blocks ?? [];
  return {
    platform: 'slack',
    dm: 'slack:dm:U1',
    refused,
    async writeText(text) {
      const before = t.turns.length;
      await t.deliver(asEvent(messageIm('U1', text)));
      return until(() => (t.turns.length > before ? t.turns.at(-1) : undefined), 'the Slack turn');
    },
    async send(address, message) {
      if (address === refused) t.fake.failNext('chat.postMessage', { error: 'channel_not_found' });
      await t.adapter.notifier.send(address, message);
    },
    shownNow: () => Promise.resolve(t.fake.messagesIn('D1').map((m) => stringsAt(m.blocks, 'text').join('\n'))),
    reachableChoices() {
      const choices = new Map<string, string>();
      const walk = (node: unknown): void => {
        if (Array.isArray(node)) node.forEach(walk);
        else if (node && typeof node === 'object') {
          const n = node as { type?: string; value?: string; text?: { text?: string }; action_id?: string };
          const decoded = typeof n.value === 'string' ? decodeStepValue(n.value) : null;
          if (decoded?.value !== undefined && n.text?.text) choices.set(n.text.text, decoded.value);
          Object.values(node).forEach(walk);
        }
      };
      walk(blocksOfLast());
      return Promise.resolve(choices);
    },
    showsAsWritten() {
      const texts = stringsAt(blocksOfLast(), 'text').join('\n');
      // Slack turns <!channel>, <@U…> and <url|label> into pings and links: they must arrive as &lt; entities.
      return Promise.resolve(texts.includes('&lt;!channel&gt;') && !/<[!@h]/.test(texts));
    },
    close: () => t.close(),
  };
}

/** Teams over the fake Bot Connector: the member's personal chat is known once they have written. */
export async function teamsDriver(): Promise<ContractDriver> {
  const connector = await startFakeConnector();
  const teams = await startTeamsHarness();
  await teams.post(personalMessage(connector.serviceUrl, MEMBER, 'hej'));
  await until(() => (teams.turns.length > 0 ? true : undefined), 'the first Teams turn');
  const conversation = personalConversation(MEMBER);
  const current = (): Array<Record<string, unknown>> => {
    const byId = new Map<string, Record<string, unknown>>();
    for (const call of connector.calls) {
      if (call.conversationId !== conversation) continue;
      if (call.kind === 'send' && call.responseId) byId.set(call.responseId, call.body);
      if (call.kind === 'update' && call.activityId) byId.set(call.activityId, call.body);
    }
    return [...byId.values()];
  };
  return {
    platform: 'teams',
    dm: `teams:dm:${MEMBER.aadObjectId}`,
    refused: 'teams:conv:19:never-seen@thread.tacv2',
    async writeText(text) {
      const before = teams.turns.length;
      await teams.post(personalMessage(connector.serviceUrl, MEMBER, text));
      return until(() => (teams.turns.length > before ? teams.turns.at(-1) : undefined), 'the Teams turn');
    },
    send: (address, message) => teams.adapter.notifier.send(address, message),
    shownNow: () => Promise.resolve(current().map((body) => stringsAt(body, 'text').join('\n'))),
    reachableChoices() {
      const choices = new Map<string, string>();
      const walk = (node: unknown): void => {
        if (Array.isArray(node)) node.forEach(walk);
        else if (node && typeof node === 'object') {
          const n = node as { type?: string; title?: string; verb?: string; data?: unknown };
          if (n.type === 'Action.Execute' || n.type === 'Action.Submit') {
            const action = actionFromData(n.verb, n.data);
            const decoded = action ? decodeStepValue(action.value) : null;
            if (decoded?.value !== undefined && n.title) choices.set(n.title, decoded.value);
          }
          Object.values(node).forEach(walk);
        }
      };
      walk(current().at(-1));
      return Promise.resolve(choices);
    },
    showsAsWritten(written) {
      // A TextRun is never read as Markdown: what a member wrote stays as written.
      const runs: unknown[] = [];
      const walk = (node: unknown): void => {
        if (Array.isArray(node)) node.forEach(walk);
        else if (node && typeof node === 'object') {
          if ((node as { type?: string }).type === 'TextRun') runs.push((node as { text?: string }).text);
          Object.values(node).forEach(walk);
        }
      };
      walk(current().at(-1));
      return Promise.resolve(runs.includes(written));
    },
    async close() {
      await teams.close();
      await connector.close();
    },
  };
}

/** The web demo: its request parser and the inbox its page reads (the browser test covers the page itself). */
export async function webDriver(): Promise<ContractDriver> {
  const stores = await createEmbeddedStores({});
  const directory = await loadDirectory(resolve(__dirname, '../../fixtures/directory.test.yml'));
  const notifier = new WebNotifier(stores.keyValues, { now: () => new Date() }, createMemoryLogger());
  const dm = 'web:dm:mira';
  const rendered = async () => (await notifier.read(dm)).entries.map((e) => renderEntry(e, 'sv'));
  return {
    platform: 'web',
    dm,
    refused: 'web:dm:not a person!',
    writeText(text) {
      const turn = toIncomingTurn({ eventId: randomUUID(), as: 'mira', lang: 'sv', text }, directory);
      if ('problem' in turn) throw new Error(turn.problem);
      return Promise.resolve(turn);
    },
    send: (address, message) => notifier.send(address, message),
    shownNow: async () => (await rendered()).map((m) => [m.title ?? '', ...m.lines].join('\n')),
    async reachableChoices() {
      const last = (await rendered()).at(-1);
      const choices = new Map<string, string>();
      for (const button of last?.buttons ?? []) {
        const decoded = decodeStepValue(button.value);
        if (decoded?.value !== undefined) choices.set(button.label, decoded.value);
      }
      return choices;
    },
    async showsAsWritten(written) {
      // The page puts these strings into the DOM as text (textContent), never as HTML.
      const last = (await rendered()).at(-1);
      return last?.lines.includes(written) ?? false;
    },
    close: () => stores.close(),
  };
}

/** The console: lines in through its parser, prompts out through its printer; a typed number picks a choice. */
export function consoleDriver(): Promise<ContractDriver> {
  let printed = '';
  const notifier = new ConsoleNotifier(
    (text) => (printed += text),
    (address) => address,
  );
  const dm = 'console:dm:mira';
  let lastInput: InputSpec | undefined;
  const blocks = (): Array<{ to: string; text: string }> => {
    const parts = printed.split(/\n── (.+?) ──\n/);
    const result: Array<{ to: string; text: string }> = [];
    for (let i = 1; i < parts.length; i += 2) {
      const to = parts[i] ?? '';
      const text = parts[i + 1] ?? '';
      // A terminal cannot edit what it printed: a replacement is printed again, marked ↻, and stands for the old one.
      if (to.endsWith(' ↻')) result[result.length - 1] = { to: to.slice(0, -2), text };
      else result.push({ to, text });
    }
    return result.filter((b) => b.to === dm);
  };
  return Promise.resolve({
    platform: 'console',
    dm,
    refused: 'teams:dm:someone',
    writeText: (text): Promise<IncomingTurn> =>
      Promise.resolve(turnFromLine({ id: 'mira', name: 'Mira', accounts: { console: 'mira' } }, 'mira', { text })),
    send(address, message: OutgoingMessage) {
      if (message.prompt.kind === 'question') lastInput = message.prompt.input;
      return notifier.send(address, message);
    },
    shownNow: () => Promise.resolve(blocks().map((b) => b.text)),
    reachableChoices() {
      const choices = new Map<string, string>();
      const text = blocks().at(-1)?.text ?? '';
      for (const match of text.matchAll(/(\d+)\) (\S+)/g)) {
        const parsed = lastInput ? parseTypedAnswer(lastInput, match[1] ?? '', 'sv', new Date()) : null;
        if (parsed?.ok && typeof parsed.answer === 'string') choices.set(match[2] ?? '', parsed.answer);
      }
      return Promise.resolve(choices);
    },
    showsAsWritten: (written) => Promise.resolve(blocks().at(-1)?.text.includes(written) ?? false),
    close: () => Promise.resolve(),
  });
}
