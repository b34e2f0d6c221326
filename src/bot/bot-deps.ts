import type { CaseService } from '../cases/case-service';
import type { Directory } from '../directory/directory';
import type { Engine } from '../engine/advance';
import type { DialogRegistry } from '../engine/registry';
import type { IncidentExports } from '../export/incident-export';
import type { Statistics } from '../statistics/statistics-service';
import type { PrivacyTools } from './privacy-actions';
import type { Clock } from '../ports/clock';
import type { DialogService } from '../ports/dialog-service';
import type { Logger } from '../ports/logger';
import type { Stores } from '../ports/stores';
import type { ProfileService } from '../profiles/profile-service';
import type { TurnNotifier } from '../delivery/turn-scope';

/** What the bot service needs; main.ts builds it. */
export interface BotDeps {
  /** The engine over every registered dialog. */
  engine: Engine;
  /** The dialog plugins the bot routes by. */
  registry: DialogRegistry;
  /** The services dialogs name (`DialogPlugin.service`), by name. */
  services: Readonly<Record<string, DialogService>>;
  stores: Stores;
  profiles: ProfileService;
  directory: Directory;
  cases: CaseService;
  clock: Clock;
  logger: Logger;
  /** The Bilaga 4 export behind short-lived links; without it the export button answers that it is off. */
  incidents?: IncidentExports;
  /** Statistics for the security contacts; without it the command answers that it is off. */
  statistics?: Statistics;
  /** Retention and the access log, for the central contact's `radera` and `läsare` commands. */
  privacy?: PrivacyTools;
}

/**
 * What the bot's code for one turn works with: the bot's deps, bound to the turn. Built afresh for every turn the inbox
 * hands over, so nothing of one turn's scope can leak into another's.
 */
export interface TurnDeps extends BotDeps {
  /** The turn's own outbox: every reply goes through it, under ids derived from the turn (nothing twice on replay). */
  notifier: TurnNotifier;
  /** The case service marking each change with the turn (`CaseService.forTurn`). */
  cases: CaseService;
}
