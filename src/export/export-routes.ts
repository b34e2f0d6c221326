import { Router, type Request, type Response } from 'express';
import { isVaktpostError } from '../domain/errors';
import { t } from '../i18n/translate';
import type { Clock } from '../ports/clock';
import type { Logger } from '../ports/logger';
import type { ExportKind, ExportLinkPayload, ExportLinks } from './export-links';
import type { ExportFile } from './incident-export';

/** Makes the file a verified link names (access is checked again inside). */
export type ExportHandler = (payload: ExportLinkPayload, now: Date) => Promise<ExportFile>;

/** What the export route needs; main.ts builds it. */
export interface ExportRouteDeps {
  links: ExportLinks;
  handlers: Partial<Record<ExportKind, ExportHandler>>;
  clock: Clock;
  logger: Logger;
}

const HEADERS = {
  // The page is self-contained: inline style only, no scripts, nothing fetched from anywhere.
  'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-store',
  'X-Robots-Tag': 'noindex',
};

/** `GET /exports/<token>`: the one route behind every short-lived export link. */
export function exportRoutes(deps: ExportRouteDeps): Router {
  const router = Router();
  router.get('/exports/:token', async (req: Request, res: Response) => {
    res.set(HEADERS);
    const now = deps.clock.now();
    try {
      const payload = deps.links.verify(String(req.params.token ?? ''), now);
      const handler = deps.handlers[payload.k];
      if (!handler) throw new Error(`no export handler for ${payload.k}`);
      const file = await handler(payload, now);
      const disposition = file.contentType.startsWith('text/html') ? 'inline' : 'attachment';
      res
        .status(200)
        .type(file.contentType)
        .set('Content-Disposition', `${disposition}; filename="${file.fileName}"`)
        .send(file.body);
      deps.logger.info('export opened', { kind: payload.k });
    } catch (error) {
      if (!isVaktpostError(error)) {
        deps.logger.error('export failed', { error: error instanceof Error ? error.name : 'unknown' });
        res
          .status(500)
          .type('text/plain; charset=utf-8')
          .send(`${t('sv', 'error.internal')}\n${t('en', 'error.internal')}`);
        return;
      }
      deps.logger.info('export refused', { code: error.code });
      // Expired, forged, or no longer allowed: the same plain answer in both languages, never what the case holds.
      const gone = error.code === 'export.link_invalid' || error.code === 'evidence.unavailable';
      const status = gone ? 410 : 403;
      const key =
        error.code === 'evidence.unavailable'
          ? 'evidence.link.gone'
          : gone
            ? 'error.export.link_invalid'
            : 'error.export.not_allowed';
      res
        .status(status)
        .type('text/plain; charset=utf-8')
        .send(`${t('sv', key)}\n\n${t('en', key)}`);
    }
  });
  return router;
}
