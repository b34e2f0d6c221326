import type { Language } from '../../src/domain/report';
import type { CardAction, OutgoingMessage, Prompt } from '../../src/engine/prompt';
import { DeliveryError, type Notifier } from '../../src/ports/notifier';
import { renderForConsole } from './render';

/** The buttons of the latest card sent to one address. */
export interface ShownActions {
  address: string;
  /** Increases with every message printed, so the newest card can be found across addresses. */
  seq: number;
  language: Language;
  actions: CardAction[];
}

/** Writes text somewhere (the terminal, or a buffer in tests). */
export type ConsoleWrite = (text: string) => void;

/**
 * Prints every message for a `console:` address, under a header saying where it went: `#Norrby` for a district
 * channel, `@Kim Kontakt` for a direct message. A message that replaces an earlier one (same update key, e.g. the
 * alert that becomes "Taken by") is printed again, marked ↻, since a terminal cannot edit what it printed.
 */
export class ConsoleNotifier implements Notifier {
  private seq = 0;
  private readonly shown = new Map<string, ShownActions>();
  private readonly languages = new Map<string, Language>();
  private readonly updateKeys = new Set<string>();
  private readonly lastKinds = new Map<string, Prompt['kind']>();

  constructor(
    private readonly write: ConsoleWrite,
    /** The header of an address: channel or person name. */
    private readonly headerOf: (address: string) => string,
  ) {}

  handles(address: string): boolean {
    return address.startsWith('console:');
  }

  send(address: string, message: OutgoingMessage): Promise<void> {
    if (!this.handles(address)) {
      return Promise.reject(new DeliveryError({ kind: 'invalid_address', reason: 'not a console address' }));
    }
    this.seq += 1;
    const { lines, actions } = renderForConsole(message);
    const updated = message.updateKey !== undefined && this.updateKeys.has(`${address}|${message.updateKey}`);
    if (message.updateKey !== undefined) this.updateKeys.add(`${address}|${message.updateKey}`);
    this.languages.set(address, message.language);
    this.lastKinds.set(address, message.prompt.kind);
    if (message.prompt.kind === 'card') {
      this.shown.set(address, { address, seq: this.seq, language: message.language, actions });
    }
    this.write(`\n── ${this.headerOf(address)}${updated ? ' ↻' : ''} ──\n${lines.join('\n')}\n`);
    return Promise.resolve();
  }

  /** The newest card with buttons among the addresses (the person's DM and the channels they can see). */
  latestActions(addresses: (address: string) => boolean): ShownActions | undefined {
    let best: ShownActions | undefined;
    for (const entry of this.shown.values()) {
      if (!addresses(entry.address) || entry.actions.length === 0) continue;
      if (!best || entry.seq > best.seq) best = entry;
    }
    return best;
  }

  /** What was printed last to the address: after a question a typed number is an answer, not a button press. */
  lastKind(address: string): Prompt['kind'] | undefined {
    return this.lastKinds.get(address);
  }

  /** The language of the latest message to the address (Swedish before any). */
  languageOf(address: string): Language {
    return this.languages.get(address) ?? 'sv';
  }
}
