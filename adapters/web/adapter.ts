import { join } from 'node:path';
import type { Express } from 'express';
import { channelAddressOf } from '../../src/domain/address';
import type { Directory } from '../../src/directory/directory';
import type { AdapterDeps, PlatformAdapter } from '../../src/ports/platform-adapter';
import { demoCast } from './demo-cast';
import { webRoutes } from './routes';
import { WebNotifier } from './notifier';

/** What main.ts gives the web demo besides the shared adapter deps. */
export interface WebAdapterConfig {
  /** Who is who: the demo identities are the directory's `web` accounts. */
  directory: Directory;
  /** Host names besides 127.0.0.1 / localhost that the page may be opened under (e.g. when HOST is not loopback). */
  allowedHosts?: string[];
  /** Where index.html, app.js and style.css are; default `adapters/web/public`. */
  publicDir?: string;
}

/** The web demo adapter as main.ts sees it; `notifier` is the inbox the page reads. */
export interface WebAdapter extends PlatformAdapter {
  readonly notifier: WebNotifier;
}

/**
 * The local web demo: a page on `GET /` with the member's chat on the left and the district's channel and a
 * contact's private view on the right, over the same bot, services and store as Slack and Teams. It has no login,
 * so main.ts only turns it on when no platform is configured (or WEB_DEMO=1) and it answers only on 127.0.0.1.
 */
export function createWebAdapter(config: WebAdapterConfig, deps: AdapterDeps): WebAdapter {
  const notifier = new WebNotifier(deps.keyValues, deps.clock, deps.logger);
  const cast = demoCast(config.directory);
  return {
    platform: 'web',
    notifier,
    mount(app: Express) {
      app.use(
        webRoutes({
          bot: deps.bot,
          notifier,
          directory: config.directory,
          cast,
          logger: deps.logger,
          allowedHosts: config.allowedHosts ?? [],
          publicDir: config.publicDir ?? join(__dirname, 'public'),
        }),
      );
    },
    async start() {
      // Alerts reach a channel only through a binding; the demo binds its channel view of each district with
      // contacts. A district without contacts stays unbound, so its alerts still go to the central contact (rule 6).
      for (const district of config.directory.districts()) {
        if (district.contacts.length === 0) continue;
        const address = channelAddressOf('web', district.id);
        const bound = await deps.bindings.ofDistrict(district.id);
        if (bound.some((b) => b.address === address)) continue;
        await deps.bindings.bind({
          districtId: district.id,
          address,
          boundBy: 'web-demo',
          boundAt: deps.clock.now().toISOString(),
        });
      }
      deps.logger.info('web demo ready', {
        member: cast?.member.account ?? 'none',
        district: cast?.district.id ?? 'none',
      });
    },
    async stop() {
      // Nothing runs beside HTTP; the inbox is already stored.
    },
  };
}
