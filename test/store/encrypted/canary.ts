import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { MEMBER_ACTION } from '../../../src/bot/member-follow-up';
import { ACTION } from '../../../src/engine/actions';
import type { TestApp } from '../../support/app-harness';
import { typeFullReport } from '../../support/full-report';

/** Typed into every free-text answer; found nowhere at rest, yet in what the owner reads. */
export const CANARY = 'KANARIEFAGEL7731';

/** Every file below `dir`. */
export async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map((e) => (e.isDirectory() ? filesUnder(join(dir, e.name)) : Promise.resolve([join(dir, e.name)]))),
  );
  return nested.flat();
}

/** Reports a case with the canary everywhere, lets Kim take it, note it and close it; returns the case id. */
export async function reportTakeNoteClose(app: TestApp): Promise<{ id: string; texts: string[] }> {
  await app.bind('norrby');
  const texts = await typeFullReport(app, 'mira', CANARY);
  const [c] = await app.stores.cases.list({ reporterUserId: app.userId('mira') });
  if (!c) throw new Error('no case was created');
  await app.press('kim', ACTION.caseTake, c.id);
  await addAfterSubmitting(app);
  await app.press('kim', ACTION.caseNote, c.id, `${CANARY} note`);
  const tick = app.notifier.actions(app.dm('kim'), ACTION.caseTick)[0];
  await app.press('kim', ACTION.caseTick, tick?.value ?? '', `${CANARY} checklist`);
  await app.press('kim', ACTION.caseClose, c.id, `${CANARY} close reason`);
  return { id: c.id, texts };
}

/** The key-value namespace that holds a member's words typed after submitting, until they answer the offer. */
export const MEMBER_ADDITION_NAMESPACE = 'member-addition';

/**
 * Mira writes to the bot after submitting: the words are offered as an addition to her open case (and held in the
 * `member-addition` key-value namespace meanwhile); she adds the first to the case and leaves the second offer
 * unanswered, so it stays in the namespace while the store is checked.
 */
async function addAfterSubmitting(app: TestApp): Promise<void> {
  await app.say('mira', `${CANARY} addition`);
  const add = app.notifier.actions(app.dm('mira'), MEMBER_ACTION.add).at(-1);
  if (!add) throw new Error('the words after submitting were not offered as an addition');
  await app.press('mira', MEMBER_ACTION.add, add.value);
  await app.say('mira', `${CANARY} pending addition`);
  const held = await app.stores.keyValues.list<{ text: string }>(MEMBER_ADDITION_NAMESPACE);
  expect(held.map((h) => h.value.text)).toEqual([`${CANARY} pending addition`]);
}

/** What the owner reads: the decrypted case has the canary in every answered free-text field. */
export async function expectOwnerReadsEverything(app: TestApp, id: string, texts: string[]): Promise<void> {
  const c = await app.stores.cases.get(id);
  const report = JSON.stringify(c?.report);
  for (const step of texts) expect(report).toContain(`${CANARY} ${step}`);
  // The way to reach the member carries the canary too, so the scan at rest covers it (issue 12).
  expect(c?.report.reachAt).toEqual({ via: 'email', value: `${CANARY}.reach@example.org` });
  expect(c?.closeReason).toBe(`${CANARY} close reason`);
  expect(c?.timeline.some((e) => e.detail === `${CANARY} note`)).toBe(true);
  expect(c?.timeline.some((e) => e.kind === 'member_added' && e.detail === `${CANARY} addition`)).toBe(true);
  expect(c?.checklist.some((i) => i.note === `${CANARY} checklist`)).toBe(true);
  await app.press('kim', ACTION.caseView, id);
  const view = app.notifier.lastTextOf(app.dm('kim'));
  expect(view).toContain(`${CANARY} description`);
  expect(view).toContain(`${CANARY} witnesses`);
}
