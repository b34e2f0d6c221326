/**
 * µs per parse of the schemas on the per-request path, as the stores and adapters call them: a stored bot reply, a
 * session and an inbox entry as the stores read them back (`parseStored`), a Slack DM's event envelope, a Teams card
 * press. Not part of `npm run bench`; run it with `npx tsx bench/zod-parse.ts` when changing a hot schema or zod.
 */
import { z } from 'zod';
import { parseStored } from '../src/store/documents';
import { notificationSchema, pendingNotification } from '../src/domain/notification';
import { sessionSchema } from '../src/engine/session';
import { inboxEntrySchema, inboxRecordSchema } from '../src/ports/inbox';
import { notificationToDocument, sessionToDocument } from '../src/store/documents';
import { inboxEntryToDocument } from '../src/store/inbox-documents';
import { parseSlackPayload } from '../adapters/slack/parse';
import { actionFromData } from '../adapters/teams/action-data';

const now = new Date('2026-12-01T10:00:00.000Z').toISOString();
const notification = notificationToDocument({
  ...pendingNotification({
    id: 'turn-1:reply:0:slack:dm:U123',
    address: 'slack:dm:U123',
    caseId: null,
    seq: 0,
    createdAt: now,
    stream: 'slack:dm:U123',
    supersedeKey: 'q:report',
    message: { language: 'sv', prompt: { kind: 'message', text: { key: 'x', params: {} } } } as never,
  }),
  turn: 'slack:event:Ev123',
});
const session = sessionToDocument({
  key: 'slack:U123|report',
  userId: 'slack:U123',
  displayName: 'Anna Example',
  address: 'slack:dm:U123',
  dialogId: 'report',
  dialogVersion: 3,
  language: 'sv',
  stepId: 'what',
  answers: { who: 'me', categories: ['threat', 'hate'], when: '2026-11-30 10:00', where: 'online' },
  trail: ['who', 'categories', 'when', 'where'],
  returnToSummary: false,
  paused: false,
  context: { districtKnown: 'true' },
  startedAt: now,
  updatedAt: now,
  revision: 4,
  sealed: 'v1:abcdefabcdefabcdefabcdef',
  lastTurn: 'slack:event:Ev122',
  lastReplies: { address: 'slack:dm:U123', language: 'sv', prompts: [{ kind: 'message' } as never], firstIndex: 0 },
});
const inbox = inboxEntryToDocument({
  id: 'slack:event:Ev123',
  member: 'slack:U123',
  turn: {
    eventId: 'event:Ev123',
    platform: 'slack',
    address: 'slack:dm:U123',
    isDirect: true,
    user: { id: 'slack:U123', displayName: '', locale: 'sv' },
    text: '',
  },
  receivedAt: now,
  seq: 3,
  status: 'pending',
  outcome: null,
  doneAt: null,
  claimedBy: null,
  claimedUntil: null,
  sealed: 'v1:abcdefabcdefabcdefabcdefabcdef',
});
const slack = {
  token: 'x',
  team_id: 'T1',
  api_app_id: 'A1',
  type: 'event_callback',
  event_id: 'Ev123',
  event_time: 1700000000,
  authorizations: [{ enterprise_id: null, team_id: 'T1', user_id: 'UBOT', is_bot: true }],
  is_ext_shared_channel: false,
  event_context: '4-abc',
  event: {
    type: 'message',
    channel: 'D123',
    channel_type: 'im',
    user: 'U123',
    text: 'hej, jag vill rapportera',
    ts: '1700000000.000100',
    event_ts: '1700000000.000100',
    client_msg_id: 'abc-def',
    blocks: [
      {
        type: 'rich_text',
        block_id: 'b1',
        elements: [{ type: 'rich_text_section', elements: [{ type: 'text', text: 'hej, jag vill rapportera' }] }],
      },
    ],
    team: 'T1',
  },
};
const teamsData = { actionId: 'report:answer', value: 'threat', inputId: 'note', note: 'hej' };

function time(name: string, fn: () => unknown) {
  for (let i = 0; i < 20000; i++) fn();
  const runs: number[] = [];
  for (let r = 0; r < 5; r++) {
    const n = 50000;
    const t = process.hrtime.bigint();
    for (let i = 0; i < n; i++) fn();
    runs.push(Number(process.hrtime.bigint() - t) / n / 1000);
  }
  runs.sort((a, b) => a - b);
  console.log(`${name.padEnd(34)} ${runs[2]!.toFixed(2)} µs (min ${runs[0]!.toFixed(2)})`);
}
const check = (v: unknown) => {
  if (v === undefined) throw new Error('x');
  return v;
};
const { major, minor, patch } = z.core.version;
console.log(`zod ${major}.${minor}.${patch}`);
time('parseStored notification', () => check(parseStored(notificationSchema, 'outbox', notification)));
time('parseStored session', () => check(parseStored(sessionSchema, 'sessions', session)));
time('parseStored inbox entry', () => check(parseStored(inboxEntrySchema, 'inbox', inbox)));
time('parseStored inbox record (union)', () => check(parseStored(inboxRecordSchema, 'inbox', inbox)));
time('Slack parseSlackPayload (message)', () => {
  if (parseSlackPayload(slack, 'UBOT').kind !== 'turn') throw new Error('ignored');
});
time('Teams actionFromData', () => check(actionFromData('report:answer', teamsData)));
