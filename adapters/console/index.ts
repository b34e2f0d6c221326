/** The console adapter (`npm run console`): main.ts creates it with `createConsoleAdapter(config, deps)`. */
export { createConsoleAdapter, type ConsoleAdapter, type ConsoleAdapterConfig } from './adapter';
export { ConsoleNotifier } from './notifier';
