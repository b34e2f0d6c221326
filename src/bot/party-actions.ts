import { roleOn, seesDetails } from '../cases/access';
import type { Actor } from '../cases/case-service';
import { isVaktpostError, VaktpostError } from '../domain/errors';
import type { Language } from '../domain/report';
import type { Prompt } from '../engine/prompt';
import { raw, tx } from '../engine/prompt';
import type { IncomingTurn } from '../engine/turn';
import { EXPORT_ACTION } from '../export/export-actions';
import { POLICE_ACTION } from '../police/police-actions';
import { PoliceNumbers } from '../police/police-number';
import { policeTextCard } from '../police/police-text';
import { parsePeriod } from '../statistics/statistics-service';
import type { TurnDeps } from './bot-deps';
import { message, reply } from './reply';

/** Action prefixes handled here: the tools for the owner and the party (issue 14). */
export const PARTY_ACTION_PREFIXES = ['police:', 'export:'] as const;

/** True when the press belongs to {@link PartyActions}. */
export function isPartyAction(actionId: string): boolean {
  return PARTY_ACTION_PREFIXES.some((prefix) => actionId.startsWith(prefix));
}

/** The police-report helper's buttons: the ready text, and the police case number added afterwards. */
export class PartyActions {
  private readonly policeNumbers: PoliceNumbers;

  constructor(private readonly deps: TurnDeps) {
    this.policeNumbers = new PoliceNumbers(
      deps.stores.cases,
      deps.directory,
      async (userId) => (await deps.stores.profiles.get(userId))?.language ?? 'sv',
    );
  }

  async handle(turn: IncomingTurn, language: Language): Promise<void> {
    const action = turn.action;
    if (!action) return;
    const actor: Actor = {
      userId: turn.user.id,
      displayName: this.deps.directory.personOf(turn.user.id)?.name ?? turn.user.displayName,
    };
    try {
      const prompts = await this.run(action.id, action.value, action.input ?? action.values?.[0], actor, language);
      await reply(this.deps.notifier, turn.address, language, prompts);
    } catch (error) {
      if (!isVaktpostError(error)) throw error;
      this.deps.logger.info('party action refused', { action: action.id, code: error.code, platform: turn.platform });
      await reply(this.deps.notifier, turn.address, language, [message(`error.${error.code}`)]);
    }
  }

  /** `statistik [kvartal|år]`: the summary card for a security contact, sent to `address`. */
  async statistics(turn: IncomingTurn, language: Language, argument: string, address: string): Promise<void> {
    const statistics = this.deps.statistics;
    if (!statistics || !this.deps.directory.isAnyContact(turn.user.id)) {
      return reply(this.deps.notifier, address, language, [message('stats.not_contact')]);
    }
    const period = parsePeriod(argument);
    if (!period) return reply(this.deps.notifier, address, language, [message('stats.usage')]);
    const card = await statistics.summaryCard(turn.user.id, period, this.deps.clock.now(), language);
    await reply(this.deps.notifier, address, language, [{ kind: 'card', card }]);
  }

  private async run(
    id: string,
    value: string,
    input: string | undefined,
    actor: Actor,
    language: Language,
  ): Promise<Prompt[]> {
    switch (id) {
      case POLICE_ACTION.text: {
        const { case: c, role } = await this.deps.cases.view(value, actor.userId);
        // The member and the exposed person get it for their own case; contacts only where they see the details.
        if (!seesDetails(role) && role !== 'reporter' && role !== 'exposed') {
          throw new VaktpostError('case.not_found', 'case not found');
        }
        return [{ kind: 'card', card: policeTextCard(c, this.deps.directory, language) }];
      }
      case POLICE_ACTION.number: {
        const c = await this.policeNumbers.record(value, actor, input ?? '', this.deps.clock.now());
        const role = roleOn(this.deps.directory, actor.userId, c);
        return [
          message('police.number_saved', { police: raw(c.report.police.caseNumber ?? ''), number: c.number }),
          { kind: 'card', card: this.deps.cases.cardFor(c, role, actor.userId) },
        ];
      }
      case EXPORT_ACTION.incident: {
        if (!this.deps.incidents) throw new VaktpostError('export.not_allowed', 'export not configured');
        const links = await this.deps.incidents.linksFor(value, actor.userId, this.deps.clock.now());
        const { case: c } = await this.deps.cases.view(value, actor.userId);
        return [
          {
            kind: 'card',
            card: {
              title: tx('export.links.title', { number: c.number }),
              tone: 'normal',
              lines: [
                tx('export.links.html', { url: raw(links.html) }),
                tx('export.links.pdf', { url: raw(links.pdf) }),
                tx('export.links.note', { minutes: links.minutes }),
              ],
            },
          },
        ];
      }
      default:
        return [message('bot.unknown_action')];
    }
  }
}
