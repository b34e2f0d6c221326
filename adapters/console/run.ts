/**
 * `npm run console`: Vaktpost in the terminal, driving the real core (engine, report dialog, cases, outbox) with the
 * configured stores (embedded under DATA_DIR unless MONGODB_URI is set) and the directory file. Reads stdin line by
 * line, so a whole conversation can also be piped in.
 */
import { createInterface } from 'node:readline';
import { createVaktpost, type Vaktpost } from '../../main';
import { BINDING_NAMESPACE, type ChannelBinding } from '../../src/cases/routing';
import { channelAddressOf } from '../../src/domain/address';
import { isVaktpostError } from '../../src/domain/errors';
import { ConsoleChat } from './console-chat';
import { ConsoleNotifier } from './console-notifier';
import { CONSOLE_WORDS } from './console-words';

const write = (text: string): void => {
  process.stdout.write(text);
};

/**
 * Binds a console channel to every district with contacts, as the web demo does, so alerts show as the district's
 * channel would see them; a district without contacts stays unbound and its alerts go to the central contact.
 */
async function bindConsoleChannels(vaktpost: Vaktpost): Promise<void> {
  for (const district of vaktpost.directory.districts()) {
    if (district.contacts.length === 0) continue;
    const address = channelAddressOf('console', district.id);
    const key = `${district.id}|${address}`;
    if (await vaktpost.stores.keyValues.get<ChannelBinding>(BINDING_NAMESPACE, key)) continue;
    const binding: ChannelBinding = {
      districtId: district.id,
      address,
      boundBy: 'console',
      boundAt: new Date().toISOString(),
    };
    await vaktpost.stores.keyValues.put(BINDING_NAMESPACE, key, binding);
  }
}

async function run(): Promise<void> {
  let headerOf: (address: string) => string = (address) => address;
  const notifier = new ConsoleNotifier(write, (address) => headerOf(address));
  // The chat is the point here: log lines would interleave with it, so only warnings and errors unless asked.
  const env = { ...process.env, LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn' };
  let vaktpost: Vaktpost;
  try {
    // A one-person try-out: no HTTP server and no cron schedule (`npm run remind` runs the sweeps).
    vaktpost = await createVaktpost({ env, listen: false, schedule: false, extraNotifiers: [notifier] });
  } catch (error) {
    if (isVaktpostError(error)) {
      process.stderr.write(`\nVaktpost could not start.\n${error.message}\n`);
      process.exitCode = 1;
      return;
    }
    throw error;
  }
  const directory = vaktpost.directory;
  headerOf = (address) => {
    const channel = /^console:channel:(.+)$/.exec(address);
    if (channel?.[1]) return `#${directory.district(channel[1])?.name ?? channel[1]}`;
    const dm = /^console:dm:(.+)$/.exec(address);
    if (dm?.[1]) return `@${directory.personOf(`console:${dm[1]}`)?.name ?? dm[1]}`;
    return address;
  };
  await bindConsoleChannels(vaktpost);

  const interactive = process.stdin.isTTY === true;
  const chat = new ConsoleChat({
    bot: vaktpost.bot,
    directory,
    sessions: vaktpost.stores.sessions,
    notifier,
    flush: () => vaktpost.flush(),
    write,
    logger: vaktpost.logger,
    echo: !interactive,
  });
  write(`${CONSOLE_WORDS.help}\n\n${CONSOLE_WORDS.storage(vaktpost.stores.description)}\n`);
  chat.showIdentity();

  const lines = createInterface({ input: process.stdin, terminal: interactive });
  if (interactive) write(chat.prompt());
  // One line at a time, in order: the next line is read only when the last turn has printed everything it caused.
  for await (const line of lines) {
    if ((await chat.handleLine(line)) === 'quit') break;
    if (interactive) write(chat.prompt());
  }
  lines.close();
  write(`\n${CONSOLE_WORDS.bye}\n`);
  await vaktpost.close();
}

run().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
  process.exitCode = 1;
});
