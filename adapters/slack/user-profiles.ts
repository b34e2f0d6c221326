import type { webApi } from '@slack/bolt';
import type { Clock } from '../../src/ports/clock';
import type { Logger } from '../../src/ports/logger';

/** A Slack member as the core needs them. */
export interface SlackProfile {
  displayName: string;
  /** Slack locale such as `sv-SE` or `en-US`; undefined when Slack did not say (the core then uses Swedish). */
  locale?: string;
}

const TTL_MS = 60 * 60 * 1000;

/**
 * Names and locales from users.info (with include_locale), cached per user for an hour: a member answering ten
 * questions costs one call, and a change of language in Slack is picked up within the hour.
 */
export class SlackUserProfiles {
  private readonly cache = new Map<string, { profile: SlackProfile; until: number }>();

  constructor(
    private readonly client: webApi.WebClient,
    private readonly clock: Clock,
    private readonly logger: Logger,
  ) {}

  /** The member's profile; on any failure the name Slack sent with the request and no locale, never an error. */
  async get(userId: string, fallbackName?: string): Promise<SlackProfile> {
    const now = this.clock.now().getTime();
    const cached = this.cache.get(userId);
    if (cached && cached.until > now) return cached.profile;
    try {
      const result = await this.client.users.info({ user: userId, include_locale: true });
      const user = result.user;
      const displayName =
        user?.profile?.display_name ||
        user?.profile?.real_name ||
        user?.real_name ||
        user?.name ||
        fallbackName ||
        userId;
      const profile: SlackProfile = user?.locale ? { displayName, locale: user.locale } : { displayName };
      this.cache.set(userId, { profile, until: now + TTL_MS });
      return profile;
    } catch (error) {
      // Not cached: the next turn asks again once Slack answers.
      this.logger.warn('slack users.info failed', {
        error: (error as { code?: string }).code ?? 'unknown',
      });
      return { displayName: fallbackName || userId };
    }
  }
}
