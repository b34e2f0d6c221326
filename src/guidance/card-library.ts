import type { Language } from '../domain/report';
import type { Card, Prompt } from '../engine/prompt';
import { tx } from '../engine/prompt';
import type { IncomingTurn } from '../engine/turn';
import type { DialogService } from '../ports/dialog-service';

/**
 * A service that shows cards by name on a button press (`<prefix>show`, value = the card's name), for guidance
 * dialogs and the offers after a report. The cards themselves are the dialog's; main.ts hands them over.
 */
export class CardLibrary implements DialogService {
  readonly actionPrefixes: readonly string[];

  constructor(
    prefix: string,
    private readonly cardOf: (name: string) => Card | undefined,
  ) {
    this.actionPrefixes = [prefix];
  }

  /** A guidance dialog's submit needs nothing stored: its cards come with the dialog's afterSubmit. */
  handle(): Promise<{ prompts: Prompt[] }> {
    return Promise.resolve({ prompts: [] });
  }

  act(turn: IncomingTurn, _language: Language): Promise<Prompt[]> {
    const card = this.cardOf(turn.action?.value ?? '');
    return Promise.resolve(card ? [{ kind: 'card', card }] : [{ kind: 'message', text: tx('bot.unknown_action') }]);
  }
}
