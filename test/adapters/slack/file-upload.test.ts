import { webApi } from '@slack/bolt';
import { SlackJsonCalls } from '../../../adapters/slack/json-calls';
import { slackAgent } from '../../../adapters/slack/web-api-fetch';
import { SlackNotifier } from '../../../adapters/slack/notifier';
import { tx, type OutgoingMessage } from '../../../src/engine/prompt';
import { EvidenceVault } from '../../../src/evidence/evidence-vault';
import type { Stores } from '../../../src/ports/stores';
import { createEmbeddedStores } from '../../../src/store/embedded/create-embedded-stores';
import { FakeSlackApi } from './fake-slack-api';

/**
 * The owner's copy of a file goes out in three steps (upload url, upload, complete with the DM). After a crash in
 * between, the dispatcher asks before sending again: the file id recorded before the upload tells whether Slack
 * shared it (files.info), so the owner never gets the file twice, nor never.
 */
let fake: FakeSlackApi;
let stores: Stores;
let notifier: SlackNotifier;
let vault: EvidenceVault;
beforeEach(async () => {
  fake = await FakeSlackApi.start();
  stores = await createEmbeddedStores({});
  vault = new EvidenceVault(stores.blobs, 1024 * 1024);
  const client = new webApi.WebClient('xoxb-test', { slackApiUrl: fake.url, retryConfig: { retries: 0 } });
  const calls = new SlackJsonCalls({ apiUrl: fake.url, botToken: 'xoxb-test', agent: slackAgent(5_000) });
  notifier = new SlackNotifier(client, calls, stores.keyValues, vault);
});
afterEach(async () => {
  await fake.close();
  await stores.close();
});

async function fileMessage(bytes: Buffer): Promise<OutgoingMessage> {
  const kept = await vault.keep(bytes);
  return {
    language: 'sv',
    prompt: {
      kind: 'file',
      caseId: 'c1',
      file: { id: 'slack:F1', name: 'brev.pdf', mimeType: 'application/pdf', ...kept },
      text: tx('evidence.owner.file', { number: 'VP-2026-0001', name: 'brev.pdf', sha256: kept.sha256 }),
    },
  };
}

describe('sharing an evidence file in the owner’s DM', () => {
  it('uploads the same bytes to the DM with the SHA-256 in the comment, and reconciles it as delivered', async () => {
    const bytes = Buffer.from('%PDF-1.7 ett hotbrev');
    const message = await fileMessage(bytes);
    const since = new Date();
    await notifier.send('slack:dm:U0KIM', message, { notificationId: 'c1:evidence-x:slack:dm:U0KIM' });
    const [upload] = fake.uploadsIn('D0KIM');
    expect(upload?.bytes.equals(bytes)).toBe(true);
    expect(upload?.comment).toContain(message.prompt.kind === 'file' ? message.prompt.file.sha256 : '?');
    expect(fake.callsOf('files.getUploadURLExternal')[0]?.args).toMatchObject({
      filename: 'brev.pdf',
      length: String(bytes.length),
    });
    expect(await notifier.reconcile('slack:dm:U0KIM', message, 'c1:evidence-x:slack:dm:U0KIM', since)).toBe(
      'delivered',
    );
  });

  it('reconciles as not delivered when the upload stopped before Slack shared it, and then sends it once', async () => {
    const message = await fileMessage(Buffer.from('skärmbild'));
    const since = new Date();
    fake.failNext('files.completeUploadExternal', { status: 500 });
    await expect(notifier.send('slack:dm:U0KIM', message, { notificationId: 'n1' })).rejects.toThrow();
    expect(await notifier.reconcile('slack:dm:U0KIM', message, 'n1', since)).toBe('not_delivered');
    // Nothing recorded at all (the process died before the first step): not delivered either.
    expect(await notifier.reconcile('slack:dm:U0KIM', message, 'n-never', since)).toBe('not_delivered');
    await notifier.send('slack:dm:U0KIM', message, { notificationId: 'n1' });
    expect(fake.uploadsIn('D0KIM')).toHaveLength(1);
    expect(await notifier.reconcile('slack:dm:U0KIM', message, 'n1', since)).toBe('delivered');
  });

  it('gives up, without retrying, when the copy is gone (the case was erased)', async () => {
    const message = await fileMessage(Buffer.from('borta'));
    if (message.prompt.kind === 'file') await vault.remove([message.prompt.file]);
    await expect(notifier.send('slack:dm:U0KIM', message)).rejects.toMatchObject({ failure: { kind: 'blocked' } });
    expect(fake.callsOf('files.getUploadURLExternal')).toHaveLength(0);
  });
});
