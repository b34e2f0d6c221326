import { adapterDepsFor } from '../../support/adapter-deps';
import { request, type Server } from 'node:http';
import { join } from 'node:path';
import express from 'express';
import { createWebAdapter, WEB_INBOX_NAMESPACE, type WebAdapter } from '../../../adapters/web';
import { renderEntry } from '../../../adapters/web/render';
import { WebNotifier } from '../../../adapters/web/notifier';
import type { Directory } from '../../../src/directory/directory';
import { loadDirectory } from '../../../src/directory/load-directory';
import { ACTION, decodeStepValue, encodeAnswer } from '../../../src/engine/actions';
import { raw, tx, type OutgoingMessage } from '../../../src/engine/prompt';
import type { IncomingTurn } from '../../../src/engine/turn';
import { t } from '../../../src/i18n/translate';
import { createMemoryLogger } from '../../../src/ports/logger';
import { DeliveryError } from '../../../src/ports/notifier';
import type { Stores } from '../../../src/ports/stores';
import { createEmbeddedStores } from '../../../src/store/embedded/create-embedded-stores';

const ROOT = join(__dirname, '..', '..', '..');
const clock = { now: () => new Date('2026-03-10T09:30:00.000Z') };
const alert = (line: string): OutgoingMessage => ({
  language: 'sv',
  prompt: { kind: 'card', card: { title: raw('Nytt ärende VP-1'), tone: 'normal', lines: [raw(line)] } },
  updateKey: 'alert:c1',
});

interface Answer {
  status: number;
  body: string;
  headers: Record<string, string | string[] | undefined>;
}

/** A raw HTTP request, so the test controls Host and Origin exactly as a browser (or an attacker) would send them. */
function call(
  port: number,
  method: string,
  path: string,
  headers: Record<string, string>,
  body?: unknown,
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const req = request({ host: '127.0.0.1', port, method, path, headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text, headers: res.headers }));
    });
    req.on('error', reject);
    if (payload) req.write(payload);
    req.end();
  });
}

describe('the web demo adapter', () => {
  let directory: Directory;
  let stores: Stores;
  let adapter: WebAdapter;
  let server: Server;
  let port: number;
  const turns: IncomingTurn[] = [];
  const logger = createMemoryLogger();
  let failNext = false;

  const same = (): Record<string, string> => ({
    Host: `127.0.0.1:${port}`,
    Origin: `http://127.0.0.1:${port}`,
    'Content-Type': 'application/json',
  });
  const turn = (body: Record<string, unknown>, headers = same()): Promise<Answer> =>
    call(port, 'POST', '/web/turn', headers, { eventId: `e-${Math.random().toString(16).slice(2, 14)}`, ...body });
  const messages = async (address: string, lang = 'sv'): Promise<{ version: number; messages: unknown[] }> => {
    const answer = await call(port, 'GET', `/web/messages?address=${encodeURIComponent(address)}&lang=${lang}`, {
      Host: `127.0.0.1:${port}`,
    });
    return JSON.parse(answer.body) as { version: number; messages: unknown[] };
  };

  beforeAll(async () => {
    directory = await loadDirectory(join(ROOT, 'directory.example.yml'));
    stores = await createEmbeddedStores({});
    adapter = createWebAdapter(
      { directory },
      adapterDepsFor(
        stores,
        {
          async handleTurn(incoming) {
            turns.push(incoming);
            if (failNext) {
              failNext = false;
              throw new Error('boom');
            }
          },
        },
        { logger, clock, adapter: () => adapter },
      ),
    );
    const app = express();
    adapter.mount(app);
    await adapter.start();
    server = await new Promise<Server>((resolve) => {
      const s = app.listen(0, '127.0.0.1', () => resolve(s));
    });
    const address = server.address();
    port = typeof address === 'object' && address ? address.port : 0;
  });

  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await stores.close();
  });

  describe('start()', () => {
    it('binds the demo channel of every district with contacts, so its alerts reach the channel view', async () => {
      const bindings = await stores.bindings.ofDistrict('norrby');
      expect(bindings.map((b) => b.address)).toEqual(['web:channel:norrby']);
      expect(bindings[0]).toMatchObject({
        districtId: 'norrby',
        address: 'web:channel:norrby',
        boundBy: 'web-demo',
      });
    });

    it('leaves a district without contacts unbound: its alerts still go to the central contact', async () => {
      expect(await stores.bindings.ofDistrict('sjodal')).toEqual([]);
    });
  });

  describe('the notifier', () => {
    it('handles web addresses only and refuses a malformed one', async () => {
      expect(adapter.notifier.handles('web:dm:member')).toBe(true);
      expect(adapter.notifier.handles('slack:channel:C1')).toBe(false);
      await expect(adapter.notifier.send('web:elsewhere', alert('x'))).rejects.toBeInstanceOf(DeliveryError);
    });

    it('replaces the earlier message with the same update key in place, and keeps the list over a restart', async () => {
      const address = 'web:channel:sjodal';
      await adapter.notifier.send(address, alert('Ingen har tagit det'));
      await adapter.notifier.send(address, { language: 'sv', prompt: { kind: 'message', text: tx('web.empty') } });
      await adapter.notifier.send(address, alert('Tas om hand av Kim'));
      const reloaded = await new WebNotifier(stores.keyValues, clock, logger).read(address);
      expect(reloaded.entries.map((e) => ('message' in e ? e.message.prompt.kind : 'echo'))).toEqual([
        'card',
        'message',
      ]);
      expect(reloaded.entries[0]).toMatchObject({ id: 1, rev: 1 });
      expect(renderEntry(reloaded.entries[0]!, 'sv').lines).toEqual(['Tas om hand av Kim']);
      expect(await stores.keyValues.get(WEB_INBOX_NAMESPACE, address)).not.toBeNull();
    });
  });

  describe('rendering', () => {
    it('turns a question into words and buttons that carry the action id and value untouched', () => {
      const message = renderEntry(
        {
          id: 1,
          rev: 0,
          at: '',
          message: {
            language: 'en',
            prompt: {
              kind: 'question',
              stepId: 'categories',
              text: tx('report.categories.question'),
              input: { type: 'multi', choices: [{ value: 'threat', label: tx('report.category.threat') }] },
              controls: ['back', 'cancel'],
              progress: { current: 2, total: 7, part: { key: 'engine.part.questions' } },
            },
          },
        },
        'en',
      );
      expect(message.lines).toEqual([t('en', 'report.categories.question')]);
      expect(message.question).toMatchObject({
        input: 'multi',
        options: [{ value: 'threat', label: t('en', 'report.category.threat') }],
        ok: { id: ACTION.answer, value: encodeAnswer('categories', '') },
        progress: t('en', 'engine.progress', { current: 2, total: 7, part: { key: 'engine.part.questions' } }),
      });
      expect(message.question?.controls.map((c) => [c.label, decodeStepValue(c.value)?.control])).toEqual([
        [t('en', 'control.back'), 'back'],
        [t('en', 'control.cancel'), 'cancel'],
      ]);
    });
  });

  describe('HTTP', () => {
    it('serves the page with a strict content security policy', async () => {
      const page = await call(port, 'GET', '/', { Host: `localhost:${port}` });
      expect(page.status).toBe(200);
      expect(page.body).toContain('/web/app.js');
      expect(String(page.headers['content-security-policy'])).toContain("script-src 'self'");
    });

    it('refuses a request that names another host (DNS rebinding)', async () => {
      const page = await call(port, 'GET', '/', { Host: `attacker.example:${port}` });
      expect(page.status).toBe(403);
      const write = await turn(
        { as: 'member', text: 'hej' },
        { ...same(), Host: `attacker.example:${port}`, Origin: `http://attacker.example:${port}` },
      );
      expect(write.status).toBe(403);
    });

    it('refuses a write from another origin, without an origin, or not as JSON (CSRF)', async () => {
      const before = turns.length;
      expect((await turn({ as: 'member', text: 'hej' }, { ...same(), Origin: 'http://evil.example' })).status).toBe(
        403,
      );
      const { Origin: _origin, ...noOrigin } = same();
      expect((await turn({ as: 'member', text: 'hej' }, noOrigin)).status).toBe(403);
      expect((await turn({ as: 'member', text: 'hej' }, { ...same(), 'Content-Type': 'text/plain' })).status).toBe(403);
      expect(turns.length).toBe(before);
    });

    it('hands the member a direct turn with the person from the directory', async () => {
      const answer = await turn({ eventId: 'aaaaaaaa-0001', as: 'member', lang: 'en', text: 'report' });
      expect(answer.status).toBe(200);
      expect(turns.at(-1)).toEqual({
        eventId: 'aaaaaaaa-0001',
        platform: 'web',
        address: 'web:dm:member',
        isDirect: true,
        user: { id: 'web:member', displayName: 'Mira Medlem (demo)', locale: 'en-GB' },
        text: 'report',
      });
    });

    it('marks a press in the channel view as not direct, with the channel address', async () => {
      const action = { id: ACTION.caseTake, value: 'c123' };
      await turn({ as: 'contact-kim', channel: 'norrby', action });
      expect(turns.at(-1)).toMatchObject({
        address: 'web:dm:contact-kim',
        isDirect: false,
        channelAddress: 'web:channel:norrby',
        user: { id: 'web:contact-kim', displayName: 'Kim Kontakt (demo)' },
        action,
      });
    });

    it('shows the person their own line once, even when the page sends the same event twice', async () => {
      const body = { eventId: 'aaaaaaaa-0002', as: 'contact-alex', text: 'ärenden' };
      await turn(body);
      await turn(body);
      const list = await messages('web:dm:contact-alex');
      expect(list.messages).toEqual([expect.objectContaining({ kind: 'echo', lines: ['ärenden'] })]);
    });

    it('explains what is wrong with a request it cannot use', async () => {
      const unknown = await turn({ as: 'mallory', text: 'hej' });
      expect(unknown.status).toBe(400);
      expect(unknown.body).toContain('web account of the directory');
      const empty = await turn({ as: 'member' });
      expect(empty.status).toBe(400);
      expect(empty.body).toContain('send text, an action or files');
      const address = await call(port, 'GET', '/web/messages?address=web:dm:nobody', { Host: `127.0.0.1:${port}` });
      expect(address.status).toBe(400);
    });

    it('answers politely when the core fails, and logs ids but never what was written', async () => {
      failNext = true;
      // The turn was stored, so the request succeeds; the core's error boundary answers in the conversation.
      const answer = await turn({ as: 'member', text: 'min hemliga beskrivning' });
      expect(answer.status).toBe(200);
      const list = (await messages('web:dm:member')).messages as Array<{ lines: string[] }>;
      expect(list.at(-1)?.lines[0]).toContain('Något gick fel hos mig');
      expect(JSON.stringify(logger.lines)).not.toContain('hemliga');
      const failure = logger.lines.find((l) => l.message === 'turn failed');
      expect(typeof failure?.fields?.event).toBe('string');
      // Who it was is not logged either: the event id is enough to find the turn.
      expect(JSON.stringify(logger.lines)).not.toContain('web:member');
    });

    it('says "unchanged" to a poll that has seen the latest version', async () => {
      const first = await messages('web:dm:member');
      const again = await call(port, 'GET', `/web/messages?address=web:dm:member&since=${first.version}`, {
        Host: `127.0.0.1:${port}`,
      });
      expect(JSON.parse(again.body)).toEqual({ version: first.version, unchanged: true });
    });

    it('gives the page its words and its cast from the directory', async () => {
      const demo = JSON.parse((await call(port, 'GET', '/web/demo?lang=en', { Host: `127.0.0.1:${port}` })).body);
      expect(demo.strings['web.demo_badge']).toBe('DEMO');
      expect(demo.cast.member).toMatchObject({ account: 'member', address: 'web:dm:member' });
      expect(demo.cast.district).toMatchObject({ id: 'norrby', address: 'web:channel:norrby' });
      expect(demo.cast.actors.map((a: { account: string }) => a.account)).toEqual([
        'contact-kim',
        'contact-alex',
        'central',
        'municipality',
      ]);
    });
  });
});
