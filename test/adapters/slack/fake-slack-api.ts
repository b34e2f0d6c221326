import { TEAM } from './payloads';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parse as parseQuery } from 'node:querystring';

/** One Web API call as the fake received it. */
export interface RecordedCall {
  method: string;
  args: Record<string, unknown>;
}

/** A failure to answer the next call of a method with. */
export type Fault = { status: 429; retryAfter: number } | { status: 500 | 502 | 503 } | { error: string };

/** One phase of an outage: every call until `untilMs` (epoch ms) fails with `fault`. */
export interface OutagePhase {
  untilMs: number;
  fault: Fault;
}

/** A message as it stands in a channel now (after any chat.update). */
export interface FakeMessage {
  channel: string;
  ts: string;
  text: string;
  blocks: unknown[];
  /** Message metadata as posted (`event_type`, `event_payload`), returned by conversations.history on request. */
  metadata?: { event_type: string; event_payload: Record<string, unknown> };
}

/** A fake user for users.info. */
export interface FakeUser {
  name: string;
  /** For users.lookupByEmail. */
  email?: string;
  realName?: string;
  displayName?: string;
  locale?: string;
}

const JSON_ARGS = new Set(['blocks', 'view', 'attachments', 'metadata', 'files']);

/** A file shared through files.completeUploadExternal, with the bytes that were uploaded for it. */
export interface FakeUpload {
  fileId: string;
  filename: string;
  /** The channels it was shared in (empty until completed). */
  channels: string[];
  title?: string;
  comment?: string;
  bytes: Buffer;
}

/**
 * A local Slack Web API over real HTTP: implements the methods the adapter uses, records every call, keeps each
 * posted message as it currently reads, and can be told to fail the next call of a method (429 with Retry-After,
 * 500, or a Slack error such as `channel_not_found`).
 */
export class FakeSlackApi {
  readonly calls: RecordedCall[] = [];
  readonly messages = new Map<string, FakeMessage>();
  readonly homeViews = new Map<string, unknown>();
  readonly users = new Map<string, FakeUser>();
  /** Members' files the bot may download (`url_private`), by path under /files-pri/. */
  readonly memberFiles = new Map<string, Buffer>();
  /** Files the bot uploaded, by file id. */
  readonly uploads = new Map<string, FakeUpload>();
  /** The token the bot presents when downloading a member's file. */
  botToken = 'xoxb-story';
  /** The workspace auth.test names: the one the test payloads come from. */
  teamId = TEAM;
  private readonly faults: Array<{ method: string; fault: Fault; when: (args: Record<string, unknown>) => boolean }> =
    [];
  private counter = 0;
  private outagePhases: OutagePhase[] = [];
  /** Calls answered with a fault (one-off or outage). */
  failedCalls = 0;

  private constructor(
    private readonly server: Server,
    /** Base URL for `slackApiUrl`, ending in `/api/`. */
    readonly url: string,
  ) {}

  static async start(): Promise<FakeSlackApi> {
    let fake: FakeSlackApi | null = null;
    const server = createServer((req, res) => void fake?.handle(req, res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    fake = new FakeSlackApi(server, `http://127.0.0.1:${port}/api/`);
    return fake;
  }

  /** Makes the next call of `method` (whose arguments pass `when`, if given) fail as described. */
  failNext(method: string, fault: Fault, when: (args: Record<string, unknown>) => boolean = () => true): void {
    this.faults.push({ method, fault, when });
  }

  /** Fails every call, of any method, while the phases last (each until its end, in order), like Slack down. */
  outage(phases: OutagePhase[]): void {
    this.outagePhases = phases;
  }

  /** The calls of one method, in order. */
  callsOf(method: string): RecordedCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  /** Members' files files.info describes, by file id. */
  readonly memberFileInfo = new Map<string, { name: string; url: string }>();

  /**
   * A member's file as Slack keeps it; returns the `url_private_download` the bot fetches with its token. With an id,
   * files.info describes it too (for events that carry only `file_access: check_file_info`).
   */
  addMemberFile(name: string, bytes: Buffer, id?: string): string {
    this.memberFiles.set(name, bytes);
    const url = `${this.url.replace(/\/api\/$/, '')}/files-pri/${encodeURIComponent(name)}`;
    if (id) this.memberFileInfo.set(id, { name, url });
    return url;
  }

  /** The files the bot shared in a channel (or DM channel). */
  uploadsIn(channel: string): FakeUpload[] {
    return [...this.uploads.values()].filter((u) => u.channels.includes(channel));
  }

  /** Every message posted to a channel (or DM channel), as it reads now. */
  messagesIn(channel: string): FakeMessage[] {
    return [...this.messages.values()].filter((m) => m.channel === channel);
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = req.url ?? '';
    if (path.startsWith('/files-pri/')) return this.download(req, res, decodeURIComponent(path.slice(11)));
    if (path.startsWith('/upload/')) return this.receiveUpload(req, res, path.slice(8));
    const method = path.replace(/^\/api\//, '').split('?')[0] ?? '';
    const args = parseArgs((await readBody(req)).toString('utf8'), req.headers['content-type'] ?? '');
    this.calls.push({ method, args });
    const down = this.outagePhases.find((p) => Date.now() < p.untilMs)?.fault;
    const at = down ? -1 : this.faults.findIndex((f) => f.method === method && f.when(args));
    const fault = down ?? (at >= 0 ? this.faults.splice(at, 1)[0]?.fault : undefined);
    if (fault) {
      this.failedCalls += 1;
      if ('status' in fault && fault.status === 429) {
        res.writeHead(429, { 'Retry-After': String(fault.retryAfter), 'Content-Type': 'application/json' });
        res.end(JSON.stringify({ ok: false, error: 'ratelimited' }));
        return;
      }
      if ('status' in fault) {
        res.writeHead(fault.status, { 'Content-Type': 'text/plain' });
        res.end('upstream failure');
        return;
      }
      return send(res, { ok: false, error: fault.error });
    }
    send(res, this.answer(method, args));
  }

  /** `url_private`: only with the bot's token, as in Slack (a wrong one gets the login page, here a 403). */
  private download(req: IncomingMessage, res: ServerResponse, name: string): void {
    this.calls.push({ method: 'files-pri', args: { name } });
    const bytes = this.memberFiles.get(name);
    if (req.headers.authorization !== `Bearer ${this.botToken}` || !bytes) {
      res.writeHead(403, { 'Content-Type': 'text/plain' });
      res.end('forbidden');
      return;
    }
    res.writeHead(200, { 'Content-Type': 'application/octet-stream', 'Content-Length': String(bytes.length) });
    res.end(bytes);
  }

  /** The upload url files.getUploadURLExternal handed out: takes the raw bytes. */
  private async receiveUpload(req: IncomingMessage, res: ServerResponse, fileId: string): Promise<void> {
    const bytes = await readBody(req);
    this.calls.push({ method: 'upload', args: { fileId, length: bytes.length } });
    const upload = this.uploads.get(fileId);
    if (!upload) {
      res.writeHead(404, { 'Content-Type': 'text/plain' });
      res.end('no such upload');
      return;
    }
    upload.bytes = bytes;
    res.writeHead(200, { 'Content-Type': 'text/plain' });
    res.end(`OK - ${bytes.length}`);
  }

  private answer(method: string, args: Record<string, unknown>): Record<string, unknown> {
    this.counter += 1;
    switch (method) {
      case 'files.getUploadURLExternal': {
        const fileId = `F${String(this.counter).padStart(8, '0')}`;
        this.uploads.set(fileId, { fileId, filename: String(args.filename), channels: [], bytes: Buffer.alloc(0) });
        return { ok: true, file_id: fileId, upload_url: `${this.url.replace(/\/api\/$/, '')}/upload/${fileId}` };
      }
      case 'files.completeUploadExternal': {
        const files = asArray(args.files) as Array<{ id: string; title?: string }>;
        const channel = String(args.channel_id ?? '');
        for (const f of files) {
          const upload = this.uploads.get(f.id);
          if (!upload || upload.bytes.length === 0) return { ok: false, error: 'file_not_found' };
          upload.channels.push(channel);
          if (f.title) upload.title = f.title;
          if (args.initial_comment) upload.comment = String(args.initial_comment);
        }
        return { ok: true, files: files.map((f) => ({ id: f.id })) };
      }
      case 'files.info': {
        const member = this.memberFileInfo.get(String(args.file));
        if (member) {
          return {
            ok: true,
            file: { id: args.file, name: member.name, mimetype: 'image/png', url_private_download: member.url },
          };
        }
        const upload = this.uploads.get(String(args.file));
        if (!upload) return { ok: false, error: 'file_not_found' };
        const ims = upload.channels.filter((c) => c.startsWith('D'));
        const channels = upload.channels.filter((c) => !c.startsWith('D'));
        return { ok: true, file: { id: upload.fileId, name: upload.filename, ims, channels } };
      }
      case 'auth.test':
        return { ok: true, user_id: 'UBOT', bot_id: 'BBOT', team_id: this.teamId, user: 'vaktpost' };
      case 'chat.postMessage': {
        const requested = String(args.channel);
        // Posting to a user id lands in the app's DM with them, as in Slack.
        const channel = requested.startsWith('U') ? `D${requested.slice(1)}` : requested;
        // Real time in the ts, as Slack's: conversations.history's `oldest` compares with it.
        const ts = `${Math.floor(Date.now() / 1000)}.${String(this.counter).padStart(6, '0')}`;
        const metadata = args.metadata as FakeMessage['metadata'];
        this.messages.set(`${channel}|${ts}`, {
          channel,
          ts,
          text: String(args.text ?? ''),
          blocks: asArray(args.blocks),
          ...(metadata ? { metadata } : {}),
        });
        return { ok: true, channel, ts, message: { text: args.text } };
      }
      case 'chat.update': {
        const key = `${String(args.channel)}|${String(args.ts)}`;
        const existing = this.messages.get(key);
        if (!existing) return { ok: false, error: 'message_not_found' };
        this.messages.set(key, { ...existing, text: String(args.text ?? ''), blocks: asArray(args.blocks) });
        return { ok: true, channel: existing.channel, ts: existing.ts };
      }
      case 'conversations.open': {
        const user = String(args.users ?? '');
        return { ok: true, channel: { id: user.startsWith('U') ? `D${user.slice(1)}` : user } };
      }
      case 'conversations.history': {
        // Newest first, like Slack; metadata only when asked for with include_all_metadata.
        const oldest = Number(args.oldest ?? 0);
        const withMetadata = String(args.include_all_metadata) === 'true';
        const messages = this.messagesIn(String(args.channel))
          .filter((m) => Number(m.ts) >= oldest)
          .reverse()
          .map((m) => ({
            type: 'message',
            ts: m.ts,
            text: m.text,
            ...(withMetadata && m.metadata ? { metadata: m.metadata } : {}),
          }));
        return { ok: true, messages, has_more: false };
      }
      case 'views.open':
        return { ok: true, view: { id: `V${this.counter}` } };
      case 'views.publish':
        this.homeViews.set(String(args.user_id), args.view);
        return { ok: true, view: { id: `V${this.counter}` } };
      case 'users.lookupByEmail': {
        const email = String(args.email).toLowerCase();
        const match = [...this.users].find(([, u]) => u.email?.toLowerCase() === email);
        if (!match) return { ok: false, error: 'users_not_found' };
        return { ok: true, user: { id: match[0], name: match[1].name, profile: { email: match[1].email } } };
      }
      case 'users.info': {
        const id = String(args.user);
        const user = this.users.get(id);
        if (!user) return { ok: false, error: 'user_not_found' };
        return {
          ok: true,
          user: {
            id,
            name: user.name,
            real_name: user.realName ?? user.name,
            ...(user.locale ? { locale: user.locale } : {}),
            profile: { display_name: user.displayName ?? '', real_name: user.realName ?? user.name },
          },
        };
      }
      default:
        return { ok: false, error: 'unknown_method' };
    }
  }
}

function send(res: ServerResponse, body: Record<string, unknown>): void {
  res.writeHead(200, { 'Content-Type': 'application/json' });
  res.end(JSON.stringify(body));
}

function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const piece of req) chunks.push(piece as Buffer);
  return Buffer.concat(chunks);
}

/** The Web API client sends form fields with JSON-encoded blocks and views; JSON bodies are accepted too. */
function parseArgs(body: string, contentType: string): Record<string, unknown> {
  if (contentType.includes('application/json')) return body ? (JSON.parse(body) as Record<string, unknown>) : {};
  const args: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(parseQuery(body))) {
    const text = Array.isArray(value) ? value.join(',') : (value ?? '');
    args[key] = JSON_ARGS.has(key) ? JSON.parse(text) : text;
  }
  return args;
}
