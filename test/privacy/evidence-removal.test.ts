import { randomUUID } from 'node:crypto';
import { ACTION } from '../../src/engine/actions';
import { EvidenceVault } from '../../src/evidence/evidence-vault';
import type { Clock } from '../../src/ports/clock';
import { startTestApp, type TestApp } from '../support/app-harness';

/**
 * Vaktpost's copies of evidence files go when what names them goes: an unfinished report that expires, a person
 * erased, a case anonymised by retention. (The files' keys live only in the session or case, so a copy left behind
 * could not be read anyway; this deletes the bytes too.)
 */
const HOUR = 3_600_000;
const START = Date.parse('2026-03-02T09:00:00.000Z');
let now = START;
const clock: Clock = { now: () => new Date(now) };

let app: TestApp;
beforeEach(async () => {
  now = START;
  app = await startTestApp({ clock });
});
afterEach(() => app.close());

/** Mira sends a file (kept as an adapter keeps it at arrival). */
async function sendFile(): Promise<void> {
  const kept = await new EvidenceVault(app.stores.blobs, 1024 * 1024).keep(Buffer.from('en skärmbild'));
  await app.turn({
    eventId: randomUUID(),
    platform: 'console',
    address: app.dm('mira'),
    isDirect: true,
    user: { id: app.userId('mira'), displayName: 'Mira Medlem', locale: 'sv-SE' },
    attachments: [{ id: 'console:F1', name: 'skarmbild.png', mimeType: 'image/png', ...kept }],
  });
  expect(await app.stores.blobs.ids()).toHaveLength(1);
}

/** Mira begins a report and sends a file in it. */
async function beginWithFile(): Promise<void> {
  await app.press('mira', ACTION.startReport, '');
  await app.say('mira', 'nej');
  await sendFile();
}

describe('evidence copies are removed with what names them', () => {
  it('when an unfinished report expires', async () => {
    await beginWithFile();
    now = START + 73 * HOUR;
    const swept = await app.vaktpost.reminders.sweep(new Date(now), 'both');
    expect(swept.sessionsExpired).toBe(1);
    expect(await app.stores.blobs.ids()).toEqual([]);
  });

  it('when a file sent after the report is never added to the case', async () => {
    await app.say('mira', 'hej');
    for (const answer of ['nej', '1', 'hot', 'Någon hotade mig.', 'e-post', 'igår', '1', 'skicka']) {
      await app.say('mira', answer);
    }
    expect(await app.stores.cases.list({})).toHaveLength(1);
    // Vaktpost asks whether the file belongs to the case; Mira never answers.
    await sendFile();
    now = START + 73 * HOUR;
    await app.vaktpost.reminders.sweep(new Date(now), 'both');
    expect(await app.stores.blobs.ids()).toEqual([]);
  });

  it('when the member is erased before sending the report', async () => {
    await beginWithFile();
    await app.vaktpost.privacy.retention.erasePerson(app.userId('mira'), 'test', new Date(now));
    expect(await app.stores.blobs.ids()).toEqual([]);
  });
});
