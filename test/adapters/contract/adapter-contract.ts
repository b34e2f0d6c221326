import { encodeAnswer } from '../../../src/engine/actions';
import type { OutgoingMessage } from '../../../src/engine/prompt';
import { raw } from '../../../src/engine/prompt';
import type { IncomingTurn } from '../../../src/engine/turn';
import { DeliveryError } from '../../../src/ports/notifier';

/**
 * One adapter on its fake platform, as the contract drives it. Each driver speaks its platform: Slack over the
 * fake Web API, Teams over the fake Bot Connector, the web demo through its inbox, the console through its printer.
 */
export interface ContractDriver {
  readonly platform: string;
  /** The member's direct conversation, where the contract sends. */
  readonly dm: string;
  /** An address of this platform the fake refuses (gone channel, no conversation, malformed). */
  readonly refused: string;
  /** The member writes in the direct conversation; resolves with the turn the core was handed. */
  writeText(text: string): Promise<IncomingTurn>;
  /** Sends through the adapter's notifier. */
  send(address: string, message: OutgoingMessage): Promise<void>;
  /** The messages in the direct conversation as the platform shows them now (an edited one counts once). */
  shownNow(): Promise<string[]>;
  /**
   * The choices of the latest question the member can reach, by label, each with the value the core gets back
   * when it is chosen (by button, picker, or typed number).
   */
  reachableChoices(): Promise<Map<string, string>>;
  /** True when the platform shows `written` as plain text, never as markup, mention or link. */
  showsAsWritten(written: string): Promise<boolean>;
  close(): Promise<void>;
}

const question: OutgoingMessage = {
  language: 'sv',
  prompt: {
    kind: 'question',
    stepId: 'pick',
    text: raw('Vilken?'),
    input: {
      type: 'single',
      choices: [
        { value: 'a', label: raw('Alfa') },
        { value: 'b', label: raw('Beta') },
        { value: 'c', label: raw('Gamma') },
      ],
    },
    controls: ['back', 'cancel'],
  },
};

const card = (line: string): OutgoingMessage => ({
  language: 'sv',
  updateKey: 'alert:contract',
  prompt: { kind: 'card', card: { title: raw('Ärende'), tone: 'normal', lines: [raw(line)] } },
});

/** What a member might write that a careless renderer would turn into a mention, a link or formatting. */
export const HOSTILE = 'Hej <!channel> <@U999> *fet* [länk](https://evil.example) <b>x</b> & mer';

/** The adapter contract: the same promises, checked against every adapter's fake platform. */
export function adapterContract(name: string, start: () => Promise<ContractDriver>): void {
  describe(`${name} adapter contract`, () => {
    let driver: ContractDriver;
    beforeEach(async () => {
      driver = await start();
    });
    afterEach(async () => {
      await driver.close();
    });

    it('turns a message in into the neutral turn, text as written, from the direct conversation', async () => {
      const turn = await driver.writeText('Någon skrev: "vi vet var du bor" & mer');
      expect(turn).toMatchObject({
        platform: driver.platform,
        address: driver.dm,
        isDirect: true,
        text: 'Någon skrev: "vi vet var du bor" & mer',
      });
      expect(turn.user.id.startsWith(`${driver.platform}:`)).toBe(true);
      expect(turn.eventId).not.toBe('');
    });

    it('renders a question with every choice reachable, each giving the core its value back', async () => {
      await driver.send(driver.dm, question);
      const choices = await driver.reachableChoices();
      expect([...choices.keys()]).toEqual(['Alfa', 'Beta', 'Gamma']);
      expect([...choices.values()]).toEqual(['a', 'b', 'c']);
    });

    it('delivers a notification, updates it in place, and refuses an address the platform does not know', async () => {
      await driver.send(driver.dm, card('Ny'));
      expect((await driver.shownNow()).join('\n')).toContain('Ny');
      await driver.send(driver.dm, card('Tas om hand av Kim'));
      const now = await driver.shownNow();
      expect(now).toHaveLength(1);
      expect(now[0]).toContain('Tas om hand av Kim');
      expect(now[0]).not.toContain('Ny\n');
      const refused = await driver.send(driver.refused, card('x')).then(
        () => null,
        (error: unknown) => error,
      );
      expect(refused).toBeInstanceOf(DeliveryError);
    });

    it("shows the user's text as written: no mention, link or markup comes of it", async () => {
      await driver.send(driver.dm, { language: 'sv', prompt: { kind: 'message', text: raw(HOSTILE) } });
      expect(await driver.showsAsWritten(HOSTILE)).toBe(true);
    });
  });
}

/** The value a question's button carries for a choice (what Slack, Teams and the web hand back). */
export const answerValue = (value: string): string => encodeAnswer('pick', value);
