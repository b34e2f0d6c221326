import type { Directory } from '../../src/directory/directory';
import type { Person } from '../../src/directory/schema';
import type { Language } from '../../src/domain/report';
import { ACTION } from '../../src/engine/actions';
import type { CardAction } from '../../src/engine/prompt';
import { foldForMatch } from '../../src/engine/sanitize';
import type { TurnHandler } from '../../src/engine/turn';
import { t, translate } from '../../src/i18n/translate';
import type { Logger } from '../../src/ports/logger';
import type { ConsoleNotifier, ConsoleWrite } from './notifier';
import { consoleDm, turnFromLine, type TurnContent } from './parse';
import { CONSOLE_WORDS } from './words';

/** What the chat needs from the running Vaktpost. */
export interface ConsoleChatDeps {
  bot: TurnHandler;
  directory: Directory;
  notifier: ConsoleNotifier;
  /** Delivers queued notifications (alerts, "taken by"), so they print before the next line is read. */
  flush(): Promise<void>;
  write: ConsoleWrite;
  logger: Logger;
  /** Print each line read, for piped input that the terminal does not echo. */
  echo: boolean;
}

/** A button pressed that needs a typed or chosen input first (a note, a reason, a successor). */
interface PendingInput {
  action: CardAction;
  language: Language;
}

/**
 * The console's one error boundary and command interpreter: each line becomes a turn for the bot (text, or the press
 * of a numbered button), or a console command that switches person or presses a button.
 */
export class ConsoleChat {
  private person: Person;
  private pending: PendingInput | null = null;

  constructor(private readonly deps: ConsoleChatDeps) {
    this.person = defaultPerson(deps.directory);
  }

  /** The console account of the person typing now. */
  get account(): string {
    return this.person.accounts.console ?? this.person.id;
  }

  /** Prints who is typing now. */
  showIdentity(): void {
    this.deps.write(`${CONSOLE_WORDS.nowAs(this.person.name, this.account)}\n`);
  }

  /** The prompt shown before each line in a terminal. */
  prompt(): string {
    return `${this.account}> `;
  }

  /** Handles one line; 'quit' when the person wants to leave. */
  async handleLine(raw: string): Promise<'continue' | 'quit'> {
    const line = raw.trim();
    if (this.deps.echo) this.deps.write(`${this.prompt()}${line}\n`);
    if (line.startsWith('/')) {
      this.pending = null;
      return this.command(line);
    }
    if (this.pending) {
      await this.completeInput(this.pending, line);
      return 'continue';
    }
    if (line === '') return 'continue';
    if (/^\d+$/.test(line) && this.numbersPressButtons()) {
      await this.pressNumber(Number(line));
      return 'continue';
    }
    await this.turn({ text: line });
    return 'continue';
  }

  private async command(line: string): Promise<'continue' | 'quit'> {
    const [word = '', ...rest] = line.slice(1).split(/\s+/);
    const arg = rest.join(' ');
    switch (foldForMatch(word)) {
      case 'som':
      case 'as':
        this.switchTo(arg);
        return 'continue';
      case 'ta':
      case 'take':
        await this.take();
        return 'continue';
      case 'knapp':
      case 'button':
        await this.pressNumber(Number(arg));
        return 'continue';
      case 'hjalp':
      case 'help':
        this.deps.write(`${CONSOLE_WORDS.help}\n`);
        return 'continue';
      case 'avsluta':
      case 'quit':
      case 'exit':
        return 'quit';
      default:
        this.deps.write(`${CONSOLE_WORDS.unknownCommand(`/${word}`)}\n`);
        return 'continue';
    }
  }

  private switchTo(who: string): void {
    const people = this.deps.directory.data.people.filter((p) => p.accounts.console);
    const wanted = foldForMatch(who);
    const person =
      wanted === ''
        ? undefined
        : (people.find((p) => p.id === who || p.accounts.console === who) ??
          people.find((p) => foldForMatch(p.name).startsWith(wanted)));
    if (!person) {
      if (wanted !== '') this.deps.write(`${CONSOLE_WORDS.unknownPerson(who)}\n`);
      this.deps.write(`${CONSOLE_WORDS.people}\n`);
      for (const p of people) this.deps.write(`  ${p.id} (${p.name})\n`);
      return;
    }
    this.person = person;
    this.showIdentity();
  }

  /**
   * After a question a number is an answer ("1" for "Ja"); after a card (the summary, a case, a list) the numbers are
   * the card's buttons (edit an answer, send, take). The console reads what it printed, not the core's sessions.
   */
  private numbersPressButtons(): boolean {
    return this.deps.notifier.lastKind(this.address) !== 'question';
  }

  /** Cards this person can press: their own direct messages and the district channels shown in the console. */
  private visible(inDialog: boolean): (address: string) => boolean {
    const dm = this.address;
    return (address) => address === dm || (!inDialog && address.startsWith('console:channel:'));
  }

  private async pressNumber(n: number): Promise<void> {
    const inDialog = !this.numbersPressButtons();
    const shown = this.deps.notifier.latestActions(this.visible(inDialog));
    const action = Number.isInteger(n) && n > 0 ? shown?.actions[n - 1] : undefined;
    if (!shown || !action) {
      this.deps.write(`${CONSOLE_WORDS.noButton(n)}\n`);
      return;
    }
    await this.press(action, shown.language);
  }

  private async take(): Promise<void> {
    const shown = this.deps.notifier.latestActions((address) => this.visible(false)(address) && this.hasTake(address));
    const action = shown?.actions.find((a) => a.id === ACTION.caseTake);
    if (!shown || !action) {
      this.deps.write(`${CONSOLE_WORDS.noTake}\n`);
      return;
    }
    await this.press(action, shown.language);
  }

  private hasTake(address: string): boolean {
    const shown = this.deps.notifier.latestActions((a) => a === address);
    return shown?.actions.some((a) => a.id === ACTION.caseTake) ?? false;
  }

  private async press(action: CardAction, language: Language): Promise<void> {
    if (!action.input) {
      await this.turn({ action: { id: action.id, value: action.value } });
      return;
    }
    this.pending = { action, language };
    const input = action.input;
    this.deps.write(`${translate(language, input.label)}:\n`);
    input.choices?.forEach((choice, i) => this.deps.write(`   ${i + 1}) ${translate(language, choice.label)}\n`));
  }

  private async completeInput(pending: PendingInput, line: string): Promise<void> {
    const input = pending.action.input;
    let value = line;
    if (input?.choices && line !== '') {
      const folded = foldForMatch(line);
      const choice = /^\d+$/.test(line)
        ? input.choices[Number(line) - 1]
        : input.choices.find((c) => foldForMatch(translate(pending.language, c.label)).startsWith(folded));
      if (!choice) {
        this.deps.write(`${CONSOLE_WORDS.chooseNumber}\n`);
        return;
      }
      value = choice.value;
    }
    this.pending = null;
    if (value === '' && input?.required) {
      this.deps.write(`${CONSOLE_WORDS.inputCancelled}\n`);
      return;
    }
    await this.turn({
      action: { id: pending.action.id, value: pending.action.value, ...(value === '' ? {} : { input: value }) },
    });
  }

  private get address(): string {
    return consoleDm(this.account);
  }

  /** Hands the turn to the bot and prints what it caused; never lets an error end the chat. */
  private async turn(what: TurnContent): Promise<void> {
    const turn = turnFromLine(this.person, this.account, what);
    try {
      await this.deps.bot.handleTurn(turn);
      await this.deps.flush();
    } catch (error) {
      // Ids only: the text a member typed never goes to the log.
      this.deps.logger.error('console turn failed', {
        user: turn.user.id,
        action: turn.action?.id ?? null,
        error: (error as Error).name,
      });
      this.deps.write(`${t(this.deps.notifier.languageOf(this.address), 'error.internal')}\n`);
    }
  }
}

/** Who types first: a member of a district (the demo starts with a report), else the first person in the file. */
function defaultPerson(directory: Directory): Person {
  const withConsole = directory.data.people.filter((p) => p.accounts.console);
  const member = withConsole.find((p) => directory.districts().some((d) => d.members.includes(p.id)));
  const person = member ?? withConsole[0];
  if (!person) throw new Error('console: nobody in the directory has a console account (accounts: { console: ... })');
  return person;
}
