import { ACTION } from '../engine/actions';
import { checklistItemIdSchema, type Case } from '../domain/case';
import { isVaktpostError, VaktpostError } from '../domain/errors';
import type { Language } from '../domain/report';
import type { Prompt } from '../engine/prompt';
import { tx } from '../engine/prompt';
import type { IncomingTurn } from '../engine/turn';
import type { Actor } from '../cases/case-service';
import { caseListCard } from '../cases/case-cards';
import type { TurnDeps } from './bot-deps';
import { message, reply } from './reply';

/** Case buttons: take, view, tick, note, hand-over, share, close, reopen. */
export class CaseActions {
  constructor(private readonly deps: TurnDeps) {}

  async handle(turn: IncomingTurn, language: Language): Promise<void> {
    const action = turn.action;
    if (!action) return;
    const actor: Actor = {
      userId: turn.user.id,
      displayName: this.deps.directory.personOf(turn.user.id)?.name ?? turn.user.displayName,
    };
    try {
      const prompts = await this.run(action.id, action.value, action.input ?? action.values?.[0], actor);
      await reply(this.deps.notifier, turn.address, language, prompts);
    } catch (error) {
      if (!isVaktpostError(error)) throw error;
      this.deps.logger.info('case action refused', { action: action.id, code: error.code, platform: turn.platform });
      await reply(this.deps.notifier, turn.address, language, [message(`error.${error.code}`, paramsOf(error))]);
    }
  }

  /** Lists the open cases of the contact's districts, or the member's own cases. */
  async list(turn: IncomingTurn, language: Language): Promise<void> {
    const isContact = this.deps.directory.isAnyContact(turn.user.id);
    const cases = isContact
      ? await this.deps.cases.openCasesFor(turn.user.id)
      : await this.deps.cases.casesOfReporter(turn.user.id);
    const card = caseListCard(
      tx(isContact ? 'bot.cases.open_title' : 'bot.cases.mine_title'),
      cases,
      tx(isContact ? 'bot.cases.none_open' : 'bot.cases.none_mine'),
    );
    await reply(this.deps.notifier, turn.address, language, [{ kind: 'card', card }]);
  }

  private async run(id: string, value: string, input: string | undefined, actor: Actor): Promise<Prompt[]> {
    const now = this.deps.clock.now();
    const service = this.deps.cases;
    switch (id) {
      case ACTION.caseTake:
        // The owner's full case and the channel update go out as notifications; the presser gets a short word here.
        await service.take(value, actor, now);
        return [];
      case ACTION.caseView: {
        const { case: c, role } = await service.view(value, actor.userId);
        return [{ kind: 'card', card: await service.cardForViewer(c, role, actor.userId) }];
      }
      case ACTION.caseTick: {
        const { c: caseId, i } = parseJson(value);
        const item = checklistItemIdSchema.safeParse(i);
        if (!item.success) throw new VaktpostError('checklist.unknown_item', 'unknown item');
        return this.updated(
          await service.tick(caseId, actor, item.data, input?.trim() || null, now),
          actor,
          'bot.case.ticked',
        );
      }
      case ACTION.caseNote:
        return this.updated(await service.note(value, actor, input ?? '', now), actor, 'bot.case.noted');
      case ACTION.caseHandover:
        if (!input) throw new VaktpostError('case.handover_invalid', 'no successor chosen');
        return this.updated(await service.offerHandover(value, actor, input, now), actor, 'bot.case.handover_offered');
      case ACTION.caseAccept:
        await service.acceptHandover(value, actor, now);
        return [message('bot.case.handover_accepted')];
      case ACTION.caseDecline:
        await service.declineHandover(value, actor, now);
        return [message('bot.case.handover_declined')];
      case ACTION.caseShare:
        return this.updated(await service.share(value, actor, now), actor, 'bot.case.shared');
      case ACTION.caseClose:
        return this.updated(await service.close(value, actor, input ?? null, now), actor, 'bot.case.closed');
      case ACTION.caseReopen:
        return this.updated(await service.reopen(value, actor, now), actor, 'bot.case.reopened');
      default:
        return [message('bot.unknown_action')];
    }
  }

  private async updated(c: Case, actor: Actor, key: string): Promise<Prompt[]> {
    const role =
      c.owner?.userId === actor.userId ? 'owner' : this.deps.directory.isCentral(actor.userId) ? 'central' : 'contact';
    return [
      message(key, { number: c.number }),
      { kind: 'card', card: await this.deps.cases.cardForViewer(c, role, actor.userId) },
    ];
  }
}

function parseJson(value: string): { c: string; i: unknown } {
  try {
    const parsed = JSON.parse(value) as { c?: unknown; i?: unknown };
    if (typeof parsed.c === 'string') return { c: parsed.c, i: parsed.i };
  } catch {
    // fall through to the clear error below
  }
  throw new VaktpostError('input.invalid', 'malformed action value');
}

function paramsOf(error: VaktpostError): Record<string, string | number> {
  const params: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(error.details)) if (typeof v === 'string' || typeof v === 'number') params[k] = v;
  return params;
}
