import type { Language } from '../domain/report';
import type { IncomingTurn } from '../engine/turn';
import type { ChannelBinding } from '../ports/channel-binding-store';
import type { TurnDeps } from './bot-deps';
import { message, reply } from './reply';

/**
 * `bind <district>` in a channel: the channel receives the district's alerts from now on. The district is named by
 * its id as written (`norra-skane`) or its name (`Norra Skåne`). Only the district's own security contacts may bind:
 * the channel receives every alert of the district, so choosing it is their call. The central contact (who sees
 * all cases anyway) binds a channel by being listed as the district's contact or through the directory file.
 */
export async function bindChannel(
  deps: TurnDeps,
  turn: IncomingTurn,
  language: Language,
  argument: string,
): Promise<void> {
  const target = turn.channelAddress ?? turn.address;
  const district = deps.directory.findDistrict(argument);
  if (!district) {
    return reply(deps.notifier, target, language, [message('bot.bind.unknown_district', { district: argument })]);
  }
  if (!deps.directory.isContactOf(turn.user.id, district.id)) {
    return reply(deps.notifier, target, language, [message('bot.bind.not_contact', { district: district.name })]);
  }
  const binding: ChannelBinding = {
    districtId: district.id,
    address: target,
    boundBy: turn.user.id,
    boundAt: deps.clock.now().toISOString(),
  };
  await deps.stores.bindings.bind(binding);
  deps.logger.info('channel bound', { district: district.id, platform: turn.platform });
  await reply(deps.notifier, target, language, [message('bot.bind.done', { district: district.name })]);
}
