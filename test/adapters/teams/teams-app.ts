import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { TEST_DIRECTORY_FILE, type TestApp } from '../../support/app-harness';

/**
 * Writes the test directory into `dir` with Teams accounts (Entra object ids `aad-<id>`) added for these people of it
 * (their console ids: `kim`, `mira`…), and returns the file's path, for `DIRECTORY_FILE`.
 */
export async function directoryWithTeamsAccounts(dir: string, people: string[]): Promise<string> {
  let directory = await readFile(TEST_DIRECTORY_FILE, 'utf8');
  for (const id of people) {
    const before = `accounts: { console: ${id}, web: ${id} }`;
    if (!directory.includes(before)) throw new Error(`the test directory has no "${before}"`);
    directory = directory.replace(before, `accounts: { console: ${id}, web: ${id}, teams: aad-${id} }`);
  }
  const file = join(dir, 'directory.yml');
  await writeFile(file, directory);
  return file;
}

/** Posts an activity to the app's /api/messages as Teams would, then waits until the app has done its work. */
export async function postActivity(app: TestApp, activity: object): Promise<void> {
  const res = await fetch(`${app.vaktpost.url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(activity),
  });
  await res.text();
  await app.flush();
}
