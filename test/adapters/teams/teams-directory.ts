import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { TEST_DIRECTORY_FILE } from '../../support/app-harness';

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
