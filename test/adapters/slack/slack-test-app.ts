import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { adapterDepsFor } from '../../support/adapter-deps';
import express from 'express';
import { createSlackAdapter, type SlackAdapter } from '../../../adapters/slack';
import type { IncomingTurn, TurnHandler } from '../../../src/engine/turn';
import { createMemoryLogger } from '../../../src/ports/logger';
import type { Stores } from '../../../src/ports/stores';
import { createEmbeddedStores } from '../../../src/store/embedded/create-embedded-stores';
import { FakeSlackApi } from './fake-slack-api';
import type { Encoded } from './payloads';
import { postSigned, type DeliveryOptions } from './sign';

export const SECRET = 'test-signing-secret';

/** A running adapter on a real HTTP server, with a fake Slack API and a core that records turns. */
export interface SlackTestApp {
  fake: FakeSlackApi;
  adapter: SlackAdapter;
  stores: Stores;
  turns: IncomingTurn[];
  logger: ReturnType<typeof createMemoryLogger>;
  /** Replaces what the recording core does with each turn (after recording it). */
  onTurn: (turn: IncomingTurn) => Promise<void>;
  /** Sends a request to /slack/events as Slack would; waits for the work after the ack unless told not to. */
  deliver(
    request: Encoded,
    options?: DeliveryOptions & { wait?: boolean },
  ): Promise<{ status: number; text: string; ms: number }>;
  close(): Promise<void>;
}

/** Starts the adapter with a recording TurnHandler. */
export async function startSlackTestApp(): Promise<SlackTestApp> {
  const fake = await FakeSlackApi.start();
  fake.users.set('U1', { name: 'anna', realName: 'Anna Andersson', displayName: 'Anna', locale: 'en-US' });
  fake.users.set('U2', { name: 'bertil', realName: 'Bertil Berg', locale: 'sv-SE' });
  const stores = await createEmbeddedStores({});
  const logger = createMemoryLogger();
  const turns: IncomingTurn[] = [];
  const harness = { onTurn: async (_turn: IncomingTurn) => undefined } as {
    onTurn: (turn: IncomingTurn) => Promise<void>;
  };
  const bot: TurnHandler = {
    async handleTurn(turn) {
      turns.push(turn);
      await harness.onTurn(turn);
    },
  };
  const late: { adapter?: SlackAdapter } = {};
  const adapter = createSlackAdapter(
    { botToken: 'xoxb-test', signingSecret: SECRET, apiUrl: fake.url },
    adapterDepsFor(stores, bot, { logger, clock: { now: () => new Date() }, adapter: () => late.adapter }),
  );
  late.adapter = adapter;
  const app = express();
  adapter.mount(app);
  await adapter.start();
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/slack/events`;
  return {
    fake,
    adapter,
    stores,
    turns,
    logger,
    get onTurn() {
      return harness.onTurn;
    },
    set onTurn(fn) {
      harness.onTurn = fn;
    },
    async deliver(request, options = {}) {
      const result = await postSigned(url, request.body, request.contentType, { secret: SECRET, ...options });
      if (options.wait !== false) await adapter.settled();
      return result;
    },
    async close() {
      await adapter.stop();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await fake.close();
      await stores.close();
    },
  };
}
