import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Notification } from '../../src/domain/notification';
import { createOutboxNotifier } from '../../src/delivery/outbox-notifier';
import { newTurnScope } from '../../src/delivery/turn-scope';
import type { OutgoingMessage } from '../../src/engine/prompt';
import type { OutboxStore } from '../../src/ports/outbox-store';

const ROOT = join(__dirname, '..', '..');

/** Only `enqueue` is used by the notifier: the rest of the port is not reached here. */
function recordingOutbox(): { outbox: OutboxStore; queued: Notification[] } {
  const queued: Notification[] = [];
  const outbox = {
    enqueue: async (items: Notification[]) => {
      queued.push(...items);
    },
  } as Partial<OutboxStore> as OutboxStore;
  return { outbox, queued };
}

const say = (text: string): OutgoingMessage => ({
  language: 'sv',
  prompt: { kind: 'message', text: { raw: text } },
});

function notifier() {
  const { outbox, queued } = recordingOutbox();
  const messages = createOutboxNotifier({
    outbox,
    platforms: { handles: () => true },
    now: () => new Date('2026-03-01T10:00:00Z'),
    onQueued: () => undefined,
  });
  return { messages, queued };
}

describe('the turn scope, passed down instead of kept in AsyncLocalStorage', () => {
  it('numbers a turn’s messages from its id, and a second run of the turn queues the same ids', async () => {
    const { messages, queued } = notifier();
    const startedAt = new Date('2026-03-01T09:59:00Z');
    const first = messages.forTurn(newTurnScope('slack:Ev1', startedAt));
    await first.sendAll('slack:dm:U1', [say('a'), say('b')]);
    await first.send('slack:dm:U1', say('c'));
    const again = messages.forTurn(newTurnScope('slack:Ev1', startedAt));
    await again.sendAll('slack:dm:U1', [say('a'), say('b')]);
    expect(queued.map((n) => n.id)).toEqual([
      'reply:slack:Ev1:0',
      'reply:slack:Ev1:1',
      'reply:slack:Ev1:2',
      'reply:slack:Ev1:0',
      'reply:slack:Ev1:1',
    ]);
    // Forgotten with the turn once it is done; ordered by when the turn began, not when it was queued.
    expect(queued.every((n) => n.turn === 'slack:Ev1' && n.createdAt === startedAt.toISOString())).toBe(true);
  });

  it('keeps two turns processed at the same time apart, and the apology of a failed turn apart from its replies', async () => {
    const { messages, queued } = notifier();
    const at = new Date('2026-03-01T09:59:00Z');
    const one = messages.forTurn(newTurnScope('slack:Ev1', at));
    const two = messages.forTurn(newTurnScope('slack:Ev2', at));
    const failed = messages.forTurn(newTurnScope('slack:Ev1:failed', at, 'slack:Ev1'));
    await Promise.all([one.send('slack:dm:U1', say('a')), two.send('slack:dm:U2', say('b'))]);
    await Promise.all([two.send('slack:dm:U2', say('c')), one.send('slack:dm:U1', say('d'))]);
    await failed.send('slack:dm:U1', say('sorry'));
    expect(queued.map((n) => [n.id, n.turn])).toEqual([
      ['reply:slack:Ev1:0', 'slack:Ev1'],
      ['reply:slack:Ev2:0', 'slack:Ev2'],
      ['reply:slack:Ev2:1', 'slack:Ev2'],
      ['reply:slack:Ev1:1', 'slack:Ev1'],
      ['reply:slack:Ev1:failed:0', 'slack:Ev1'],
    ]);
  });

  it('gives a message of no turn (an adapter’s own word at ack time) an id of its own, as before', async () => {
    const { messages, queued } = notifier();
    await messages.send('slack:dm:U1', say('a'));
    await messages.send('slack:dm:U1', say('a'));
    const [a, b] = queued;
    expect(a?.id).toMatch(/^reply:[0-9a-f-]{36}$/);
    expect(b?.id).not.toBe(a?.id);
    expect(a?.turn).toBeUndefined();
    expect(a?.createdAt).toBe('2026-03-01T10:00:00.000Z');
  });

  it('no code of Vaktpost uses node:async_hooks (AsyncLocalStorage makes every promise pay on Node 20)', () => {
    const files = (dir: string): string[] =>
      readdirSync(join(ROOT, dir)).flatMap((name) => {
        const path = join(dir, name);
        if (statSync(join(ROOT, path)).isDirectory()) return files(path);
        return path.endsWith('.ts') ? [path] : [];
      });
    const all = [...files('src'), ...files('adapters'), ...files('dialogs'), 'main.ts'];
    expect(all.length).toBeGreaterThan(50);
    const using = all.filter((file) => /['"](node:)?async_hooks['"]/.test(readFileSync(join(ROOT, file), 'utf8')));
    expect(using).toEqual([]);
  });
});
