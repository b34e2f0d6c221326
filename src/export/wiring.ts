import type { Router } from 'express';
import type { Env } from '../config/config';
import type { Directory } from '../directory/directory';
import type { Clock } from '../ports/clock';
import type { Logger } from '../ports/logger';
import type { Stores } from '../ports/stores';
import { EvidenceDownloads } from '../evidence/evidence-download';
import type { EvidenceKeeper } from '../ports/evidence';
import { ExportLinks } from './export-links';
import { exportRoutes, type ExportHandler } from './export-routes';
import { IncidentExports } from './incident-export';
import { Statistics } from '../statistics/statistics-service';

/** The exports of the one server: the signed links, the Bilaga 4 report, and the route that opens them. */
export interface ExportKit {
  links: ExportLinks;
  incidents: IncidentExports;
  statistics: Statistics;
  router: Router;
  /** Links to evidence files; null without a vault. */
  evidence: EvidenceDownloads | null;
}

export interface ExportWiringDeps {
  config: Pick<Env, 'EXPORT_LINK_SECRET' | 'EXPORT_LINK_MINUTES' | 'PUBLIC_URL' | 'EVIDENCE_LINK_HOURS'>;
  /** Vaktpost's copies of evidence files, behind their own links (Teams owners open them there). */
  vault?: EvidenceKeeper;
  stores: Pick<Stores, 'cases' | 'profiles'>;
  directory: Directory;
  clock: Clock;
  logger: Logger;
  /** The server's own URL once it listens; used when PUBLIC_URL is not set. */
  serverUrl: () => string;
}

/** Builds the exports; main.ts mounts `router` on the one HTTP server. */
export function createExports(deps: ExportWiringDeps): ExportKit {
  const links = new ExportLinks({
    ...(deps.config.EXPORT_LINK_SECRET ? { secret: deps.config.EXPORT_LINK_SECRET } : {}),
    ttlMs: deps.config.EXPORT_LINK_MINUTES * 60_000,
    baseUrl: () => deps.config.PUBLIC_URL ?? deps.serverUrl(),
  });
  const languageOf = async (userId: string) => (await deps.stores.profiles.get(userId))?.language ?? 'sv';
  const incidents = new IncidentExports({ cases: deps.stores.cases, directory: deps.directory, links, languageOf });
  const statistics = new Statistics({ cases: deps.stores.cases, directory: deps.directory, links });
  const stats: ExportHandler = async (payload, now) =>
    statistics.open(payload.k, payload.u, payload.s, now, await languageOf(payload.u));
  const incident: ExportHandler = (payload, now) => incidents.open(payload.k, payload.u, payload.s, now);
  const evidence = deps.vault
    ? new EvidenceDownloads({
        cases: deps.stores.cases,
        directory: deps.directory,
        links,
        vault: deps.vault,
        ttlMs: deps.config.EVIDENCE_LINK_HOURS * 3_600_000,
      })
    : null;
  const file: ExportHandler | undefined = evidence ? (payload) => evidence.open(payload.u, payload.s) : undefined;
  const router = exportRoutes({
    links,
    handlers: {
      'incident.html': incident,
      'incident.pdf': incident,
      'stats.csv': stats,
      'stats.html': stats,
      ...(file ? { 'evidence.file': file } : {}),
    },
    clock: deps.clock,
    logger: deps.logger,
  });
  return { links, incidents, statistics, router, evidence };
}
