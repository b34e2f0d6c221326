import type { CaseService } from '../cases/case-service';
import type { Directory } from '../directory/directory';
import type { Engine } from '../engine/advance';
import type { DialogDef } from '../engine/dialog';
import type { Clock } from '../ports/clock';
import type { Logger } from '../ports/logger';
import type { Notifier } from '../ports/notifier';
import type { Stores } from '../ports/stores';
import type { ReportSubmission } from './district-step';

/** What the bot service needs; main.ts builds it. */
export interface BotDeps {
  engine: Engine;
  /** The report dialog (with the district question), as registered in the engine. */
  reportDialog: DialogDef<ReportSubmission>;
  stores: Stores;
  directory: Directory;
  cases: CaseService;
  notifier: Notifier;
  clock: Clock;
  logger: Logger;
}
