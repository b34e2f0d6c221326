import { join } from 'node:path';
import express, { Router, type NextFunction, type Request, type Response } from 'express';
import { z } from 'zod';
import { describeZodError, issueWording } from '../../src/domain/zod-issues';
import type { Directory } from '../../src/directory/directory';
import { isVaktpostError } from '../../src/domain/errors';
import { languageSchema, type Language } from '../../src/domain/report';
import { ACTION, decodeStepValue } from '../../src/engine/actions';
import { tx } from '../../src/engine/prompt';
import type { IncomingTurn, TurnHandler } from '../../src/engine/turn';
import { catalogs } from '../../src/i18n/catalogs';
import { t } from '../../src/i18n/translate';
import type { Logger } from '../../src/ports/logger';
import type { DemoCast } from './demo-cast';
import { isKnownAddress } from './demo-cast';
import { hostAllowed, sameOriginWrite } from './guard';
import { renderEntry } from './render';
import { toIncomingTurn, turnRequestSchema } from './parse';
import { WEB_ADDRESS, type WebNotifier } from './notifier';

/** What the routes need from the adapter. */
export interface WebRouteDeps {
  bot: TurnHandler;
  notifier: WebNotifier;
  directory: Directory;
  cast: DemoCast | null;
  logger: Logger;
  /** Host names besides 127.0.0.1 / localhost the page may be opened under. */
  allowedHosts: readonly string[];
  publicDir: string;
}

const PAGE_HEADERS = {
  'Content-Security-Policy':
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-store',
};

const messagesQuery = z.object({
  address: z.string().regex(WEB_ADDRESS, 'must be a web address such as web:dm:member or web:channel:norrby'),
  lang: languageSchema.optional(),
  since: z.coerce.number().int().nonnegative().optional(),
});

/** The demo page, its files, and the small JSON API it uses. */
export function webRoutes(deps: WebRouteDeps): Router {
  const router = Router();
  const guardHost = (req: Request, res: Response, next: NextFunction): void => {
    if (hostAllowed(req, deps.allowedHosts)) return next();
    res.status(403).type('text/plain').send(t('en', 'web.error.forbidden'));
  };
  const file = (name: string, type: string) => (_req: Request, res: Response) => {
    res.set(PAGE_HEADERS).type(type).sendFile(join(deps.publicDir, name));
  };

  router.get('/', guardHost, file('index.html', 'html'));
  router.get('/web/app.js', guardHost, file('app.js', 'js'));
  router.get('/web/style.css', guardHost, file('style.css', 'css'));
  router.get('/favicon.ico', guardHost, (_req, res) => {
    res.status(204).end();
  });

  router.get('/web/demo', guardHost, (req, res) => {
    const lang = languageOf(req.query.lang);
    const strings = Object.fromEntries(
      Object.keys(catalogs[lang])
        .filter((key) => key.startsWith('web.'))
        .map((key) => [key, t(lang, key)]),
    );
    // The page sends these ids back untouched, like every other button's.
    const actions = { startReport: ACTION.startReport, language: ACTION.language };
    res.set('Cache-Control', 'no-store').json({ lang, strings, cast: deps.cast, actions });
  });

  router.get('/web/messages', guardHost, async (req, res) => {
    const query = messagesQuery.safeParse(req.query, { error: issueWording });
    if (!query.success || !isKnownAddress(deps.directory, query.data.address)) {
      const problem = query.success ? 'no such person or district in the directory' : describeZodError(query.error);
      res.status(400).json({ error: t('en', 'web.error.bad_request', { problem }) });
      return;
    }
    const { address, lang, since } = query.data;
    const inbox = await deps.notifier.read(address);
    res.set('Cache-Control', 'no-store');
    if (since === inbox.version) {
      res.json({ version: inbox.version, unchanged: true });
      return;
    }
    // A channel has many readers: it is shown in the reader's language. A conversation keeps the bot's choice.
    const readerLanguage = address.startsWith('web:channel:') ? lang : undefined;
    const messages = inbox.entries.map((entry) =>
      renderEntry(entry, readerLanguage ?? ('message' in entry ? entry.message.language : 'sv')),
    );
    res.json({ version: inbox.version, messages });
  });

  const recent = new RecentIds(1000);
  router.post('/web/turn', guardHost, express.json({ limit: '128kb' }), async (req, res) => {
    if (!sameOriginWrite(req)) {
      res.status(403).json({ error: t('en', 'web.error.forbidden') });
      return;
    }
    const body = turnRequestSchema.safeParse(req.body, { error: issueWording });
    const turn = body.success ? toIncomingTurn(body.data, deps.directory) : null;
    if (!body.success || !turn || 'problem' in turn) {
      const problem = !body.success ? describeZodError(body.error) : turn && 'problem' in turn ? turn.problem : '';
      res.status(400).json({ error: t(body.success ? body.data.lang : 'en', 'web.error.bad_request', { problem }) });
      return;
    }
    const lang = body.data.lang;
    try {
      // The person's own line, once per event id (a double submit shows once, as the bot answers once).
      const echo = body.data.echo ?? body.data.text;
      if (turn.isDirect && echo && recent.add(turn.eventId)) await deps.notifier.echo(turn.address, echo);
      await deps.bot.handleTurn(turn);
      res.json({ ok: true });
    } catch (error) {
      await answerFailure(deps, turn, lang, error);
      res.status(500).json({ error: t(lang, 'error.internal') });
    }
  });

  return router;
}

/**
 * The adapter's one error boundary: logs ids only (never what was written) and answers the person politely in the
 * language of the page. If even that answer cannot be stored, that is logged too.
 */
async function answerFailure(deps: WebRouteDeps, turn: IncomingTurn, lang: Language, error: unknown): Promise<void> {
  const stepId = turn.action ? decodeStepValue(turn.action.value)?.stepId : undefined;
  deps.logger.error('web turn failed', {
    event: turn.eventId,
    action: turn.action?.id,
    step: stepId,
    code: isVaktpostError(error) ? error.code : 'internal',
    error: error instanceof Error ? error.name : typeof error,
  });
  try {
    await deps.notifier.send(turn.address, { language: lang, prompt: { kind: 'message', text: tx('error.internal') } });
  } catch (failure) {
    deps.logger.error('web error answer could not be stored', {
      event: turn.eventId,
      error: failure instanceof Error ? failure.name : typeof failure,
    });
  }
}

function languageOf(value: unknown): Language {
  return value === 'en' ? 'en' : 'sv';
}

/** The last n event ids seen, to show a person's own line once even when the page sends it twice. */
class RecentIds {
  private readonly ids = new Set<string>();
  constructor(private readonly size: number) {}

  /** True when the id is new. */
  add(id: string): boolean {
    if (this.ids.has(id)) return false;
    this.ids.add(id);
    if (this.ids.size > this.size) this.ids.delete(this.ids.values().next().value as string);
    return true;
  }
}
