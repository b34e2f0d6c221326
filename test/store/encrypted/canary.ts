import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
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
  await app.press('kim', ACTION.caseNote, c.id, `${CANARY} note`);
  const tick = app.notifier.actions(app.dm('kim'), ACTION.caseTick)[0];
  await app.press('kim', ACTION.caseTick, tick?.value ?? '', `${CANARY} checklist`);
  await app.press('kim', ACTION.caseClose, c.id, `${CANARY} close reason`);
  return { id: c.id, texts };
}

/** What the owner reads: the decrypted case has the canary in every answered free-text field. */
export async function expectOwnerReadsEverything(app: TestApp, id: string, texts: string[]): Promise<void> {
  const c = await app.stores.cases.get(id);
  const report = JSON.stringify(c?.report);
  for (const step of texts) expect(report).toContain(`${CANARY} ${step}`);
  expect(c?.closeReason).toBe(`${CANARY} close reason`);
  expect(c?.timeline.some((e) => e.detail === `${CANARY} note`)).toBe(true);
  expect(c?.checklist.some((i) => i.note === `${CANARY} checklist`)).toBe(true);
  await app.press('kim', ACTION.caseView, id);
  const view = app.notifier.lastTextOf(app.dm('kim'));
  expect(view).toContain(`${CANARY} description`);
  expect(view).toContain(`${CANARY} witnesses`);
}
