import type { Language } from '../domain/report';
import { engineSv } from './sv/engine';
import { engineEn } from './en/engine';
import { casesSv } from './sv/cases';
import { casesEn } from './en/cases';
import { labelsSv } from './sv/labels';
import { labelsEn } from './en/labels';
import { botSv } from './sv/bot';
import { botEn } from './en/bot';
import { reportSv } from './sv/report';
import { reportEn } from './en/report';
import { slackSv } from './sv/slack';
import { slackEn } from './en/slack';
import { teamsSv } from './sv/teams';
import { teamsEn } from './en/teams';
import { webSv } from './sv/web';
import { webEn } from './en/web';
import { remindersSv } from './sv/reminders';
import { remindersEn } from './en/reminders';
import { policeSv } from './sv/police';
import { policeEn } from './en/police';
import { exportSv } from './sv/export';
import { exportEn } from './en/export';
import { statisticsSv } from './sv/statistics';
import { statisticsEn } from './en/statistics';
import { repeatSv } from './sv/repeat';
import { repeatEn } from './en/repeat';
import { registrySv } from './sv/registry';
import { inventorySv } from './sv/inventory';
import { inventoryEn } from './en/inventory';
import { guidanceSv } from './sv/guidance';
import { guidanceEn } from './en/guidance';
import { registryEn } from './en/registry';
import { evidenceSv } from './sv/evidence';
import { evidenceEn } from './en/evidence';

/** A flat map from key to wording, with `{name}` placeholders. */
export type Catalog = Record<string, string>;

/** Every catalog by language; a test checks both hold exactly the same keys. */
export const catalogs: Record<Language, Catalog> = {
  sv: {
    ...engineSv,
    ...casesSv,
    ...labelsSv,
    ...botSv,
    ...reportSv,
    ...slackSv,
    ...teamsSv,
    ...webSv,
    ...remindersSv,
    ...policeSv,
    ...exportSv,
    ...statisticsSv,
    ...repeatSv,
    ...registrySv,
    ...inventorySv,
    ...guidanceSv,
    ...evidenceSv,
  },
  en: {
    ...engineEn,
    ...casesEn,
    ...labelsEn,
    ...botEn,
    ...reportEn,
    ...slackEn,
    ...teamsEn,
    ...webEn,
    ...remindersEn,
    ...policeEn,
    ...exportEn,
    ...statisticsEn,
    ...repeatEn,
    ...registryEn,
    ...inventoryEn,
    ...guidanceEn,
    ...evidenceEn,
  },
};
