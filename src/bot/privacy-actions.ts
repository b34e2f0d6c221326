import { time, tx } from '../engine/prompt';
import type { IncomingTurn } from '../engine/turn';
import type { Language } from '../domain/report';
import type { AccessLog } from '../privacy/access-log';
import type { Retention } from '../privacy/retention';
import type { TurnDeps } from './bot-deps';
import { message, reply } from './reply';

/** What the privacy commands need beside the bot's deps (main.ts builds them). */
export interface PrivacyTools {
  retention: Retention;
  access: AccessLog;
}

/**
 * The central contact's privacy commands in a direct conversation: `läsare <ärendenummer>` lists who read a case,
 * `radera <användar-id>` erases a person's data on request (recorded in the audit log). Anyone else is told no.
 */
export class PrivacyActions {
  constructor(
    private readonly deps: TurnDeps,
    private readonly tools: PrivacyTools | undefined,
  ) {}

  async readers(turn: IncomingTurn, language: Language, argument: string): Promise<void> {
    if (!this.allowed(turn)) return this.say(turn, language, 'bot.privacy.not_central');
    if (!argument) return this.say(turn, language, 'bot.privacy.readers_usage');
    const c = await this.deps.stores.cases.getByNumber(argument.toUpperCase());
    if (!c || !this.tools) return this.say(turn, language, 'bot.privacy.no_case', { number: argument });
    const views = await this.tools.access.forCase(c.id);
    if (views.length === 0) return this.say(turn, language, 'bot.privacy.no_readers', { number: c.number });
    const lines = views.map((v) =>
      tx('bot.privacy.reader_line', {
        name: this.deps.directory.personOf(v.userId)?.name ?? v.userId,
        role: tx(`bot.privacy.role.${v.role}`),
        at: time(v.at),
        parts: v.fields.includes('incident') ? tx('bot.privacy.parts.all') : tx('bot.privacy.parts.status'),
      }),
    );
    await reply(this.deps.notifier, turn.address, language, [
      { kind: 'card', card: { title: tx('bot.privacy.readers_title', { number: c.number }), tone: 'normal', lines } },
    ]);
  }

  async erase(turn: IncomingTurn, language: Language, argument: string): Promise<void> {
    if (!this.allowed(turn) || !this.tools) return this.say(turn, language, 'bot.privacy.not_central');
    if (!argument) return this.say(turn, language, 'bot.privacy.erase_usage');
    const entry = await this.tools.retention.erasePerson(argument, turn.user.id, this.deps.clock.now());
    await this.say(turn, language, 'bot.privacy.erased', {
      person: argument,
      count: entry.cases.length,
      numbers: entry.cases.join(', ') || '-',
      sessions: entry.sessions,
    });
  }

  private allowed(turn: IncomingTurn): boolean {
    return turn.isDirect && this.deps.directory.isCentral(turn.user.id);
  }

  private say(turn: IncomingTurn, language: Language, key: string, params?: Record<string, string | number>) {
    return reply(this.deps.notifier, turn.address, language, [message(key, params)]);
  }
}
