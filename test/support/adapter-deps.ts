import { createTurnBoundary } from '../../src/delivery/turn-boundary';
import { TurnInbox } from '../../src/delivery/turn-inbox';
import type { TurnNotifier, TurnScope } from '../../src/delivery/turn-scope';
import type { IncomingTurn, TurnHandler } from '../../src/engine/turn';
import type { Clock } from '../../src/ports/clock';
import type { Logger } from '../../src/ports/logger';
import type { Notifier } from '../../src/ports/notifier';
import type { AdapterDeps, PlatformAdapter } from '../../src/ports/platform-adapter';
import type { Stores } from '../../src/ports/stores';

/**
 * AdapterDeps for an adapter tested on its own: a real durable inbox over the given stores in front of `bot` (so an
 * adapter's ack path is tested with the store write it waits for), with the production error boundary, and
 * `messages` sent straight to the adapter's own notifier (given once the adapter exists): no dispatcher here.
 */
export function adapterDepsFor<L extends Logger>(
  stores: Stores,
  bot: TurnHandler,
  options: { logger: L; clock: Clock; adapter?: () => PlatformAdapter | undefined },
): AdapterDeps & { inbox: TurnInbox; logger: L } {
  const messages: Notifier = {
    handles: (address) => options.adapter?.()?.notifier.handles(address) ?? false,
    send: async (address, message) => {
      const adapter = options.adapter?.();
      if (!adapter) throw new Error('no notifier for adapter messages in this test');
      await adapter.notifier.send(address, message);
    },
  };
  // No outbox here: a turn's own messages go straight to the adapter too, in order.
  const forTurn = (scope: TurnScope): TurnNotifier => ({
    ...messages,
    scope,
    sendAll: async (address, all) => {
      for (const message of all) await messages.send(address, message);
    },
  });
  const inbox = new TurnInbox({
    store: stores.inbox,
    outbox: { forTurn },
    logger: options.logger,
    now: () => options.clock.now(),
    ...createTurnBoundary({ profiles: stores.profiles, logger: options.logger }),
    prepare: async (turn: IncomingTurn, out: Notifier) => {
      const adapter = options.adapter?.();
      return adapter?.prepareTurn ? adapter.prepareTurn(turn, out) : turn;
    },
    process: (turn: IncomingTurn) => bot.handleTurn(turn),
  });
  return {
    bot: inbox,
    intake: inbox,
    inbox,
    messages,
    keyValues: stores.keyValues,
    bindings: stores.bindings,
    logger: options.logger,
    clock: options.clock,
  };
}
