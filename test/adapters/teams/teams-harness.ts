import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { adapterDepsFor } from '../../support/adapter-deps';
import express from 'express';
import { createTeamsAdapter, type TeamsAdapterConfig } from '../../../adapters/teams';
import type { IncomingTurn, TurnHandler } from '../../../src/engine/turn';
import type { Clock } from '../../../src/ports/clock';
import { createMemoryLogger } from '../../../src/ports/logger';
import type { PlatformAdapter } from '../../../src/ports/platform-adapter';
import type { Stores } from '../../../src/ports/stores';
import { createEmbeddedStores } from '../../../src/store/embedded/create-embedded-stores';

/** The adapter on a real express server, with in-memory stores and a bot that records its turns. */
export interface TeamsHarness {
  adapter: PlatformAdapter;
  stores: Stores;
  turns: IncomingTurn[];
  logger: ReturnType<typeof createMemoryLogger>;
  /** POSTs an activity to /api/messages; resolves with the HTTP status and parsed body. */
  post(activity: object, headers?: Record<string, string>): Promise<{ status: number; body: unknown }>;
  /** The URL of /api/messages, for requests `post` cannot make (a body that is no JSON). */
  url: string;
  close(): Promise<void>;
}

/** A clock the tests can read; the adapter only uses it for event log timestamps and Retry-After dates. */
export const fixedClock: Clock = { now: () => new Date('2025-03-10T13:02:00Z') };

export async function startTeamsHarness(
  options: { config?: Partial<TeamsAdapterConfig>; bot?: (turn: IncomingTurn) => Promise<void> } = {},
): Promise<TeamsHarness> {
  const stores = await createEmbeddedStores({});
  const turns: IncomingTurn[] = [];
  const bot: TurnHandler = {
    async handleTurn(turn) {
      turns.push(turn);
      await options.bot?.(turn);
    },
  };
  const logger = createMemoryLogger();
  const late: { adapter?: PlatformAdapter } = {};
  const adapter = createTeamsAdapter(
    { appType: 'SingleTenant', devNoAuth: true, ...options.config },
    adapterDepsFor(stores, bot, { logger, clock: fixedClock, adapter: () => late.adapter }),
  );
  late.adapter = adapter;
  const app = express();
  adapter.mount(app);
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/messages`;
  return {
    adapter,
    stores,
    turns,
    logger,
    url,
    async post(activity, headers = {}) {
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify(activity),
      });
      const text = await res.text();
      let body: unknown = text;
      try {
        body = text === '' ? undefined : JSON.parse(text);
      } catch {
        // Not JSON (botbuilder answers 401 with a plain message): keep the text.
      }
      return { status: res.status, body };
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await stores.close();
    },
  };
}
