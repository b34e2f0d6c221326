import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import type { Express } from 'express';
import type { Directory } from '../../src/directory/directory';
import { channelAddressOf } from '../../src/domain/address';
import type { AdapterDeps, PlatformAdapter } from '../../src/ports/platform-adapter';
import { ConsoleChat } from './chat';
import { ConsoleNotifier, type ConsoleWrite } from './notifier';
import { consoleUserId } from './parse';
import { CONSOLE_WORDS } from './words';

/** What main.ts gives the console besides the shared adapter deps. */
export interface ConsoleAdapterConfig {
  directory: Directory;
  /** Where lines are read from (stdin); piped input works as well as a terminal. */
  input: Readable;
  /** Where everything is printed (stdout). */
  write: ConsoleWrite;
  /** True in a terminal: show a prompt and let the terminal echo; false for piped input, which is echoed by us. */
  interactive: boolean;
  /** Delivers queued notifications (alerts, "taken by"), so they print before the next line is read. */
  flush(): Promise<void>;
  /** A line about where data is kept, printed under the help. */
  storage: string;
}

/** The console adapter; `run()` reads lines until the input ends or the person types /quit. */
export interface ConsoleAdapter extends PlatformAdapter {
  readonly notifier: ConsoleNotifier;
  run(): Promise<void>;
}

/**
 * Vaktpost in the terminal, an adapter like Slack, Teams and the web demo: lines become neutral turns for the core
 * (`parse.ts`), prompts become plain text (`render.ts`), and the notifier prints what reaches a `console:` address.
 */
export function createConsoleAdapter(config: ConsoleAdapterConfig, deps: AdapterDeps): ConsoleAdapter {
  const { directory, write } = config;
  const headerOf = (address: string): string => {
    const channel = /^console:channel:(.+)$/.exec(address);
    if (channel?.[1]) return `#${directory.district(channel[1])?.name ?? channel[1]}`;
    const dm = /^console:dm:(.+)$/.exec(address);
    if (dm?.[1]) return `@${directory.personOf(consoleUserId(dm[1]))?.name ?? dm[1]}`;
    return address;
  };
  const notifier = new ConsoleNotifier(write, headerOf);

  return {
    platform: 'console',
    notifier,
    mount(_app: Express) {
      // No HTTP: the console reads its input itself.
    },
    async start() {
      // Binds a console channel to every district with contacts, as the web demo does, so alerts show as the
      // district's channel would see them; a district without contacts stays unbound (alerts go to central).
      for (const district of directory.districts()) {
        if (district.contacts.length === 0) continue;
        const address = channelAddressOf('console', district.id);
        const bound = await deps.bindings.ofDistrict(district.id);
        if (bound.some((b) => b.address === address)) continue;
        await deps.bindings.bind({
          districtId: district.id,
          address,
          boundBy: 'console',
          boundAt: deps.clock.now().toISOString(),
        });
      }
    },
    async stop() {
      // The input loop ends by itself when the input ends.
    },
    async run() {
      const chat = new ConsoleChat({
        bot: deps.bot,
        directory,
        notifier,
        flush: config.flush,
        write,
        logger: deps.logger,
        echo: !config.interactive,
      });
      write(`${CONSOLE_WORDS.help}\n\n${CONSOLE_WORDS.storage(config.storage)}\n`);
      chat.showIdentity();
      const lines = createInterface({ input: config.input, terminal: config.interactive });
      if (config.interactive) write(chat.prompt());
      // One line at a time, in order: the next line is read only when the last turn has printed everything it caused.
      for await (const line of lines) {
        if ((await chat.handleLine(line)) === 'quit') break;
        if (config.interactive) write(chat.prompt());
      }
      lines.close();
      write(`\n${CONSOLE_WORDS.bye}\n`);
    },
  };
}
