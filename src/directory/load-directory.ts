import { readFile } from 'node:fs/promises';
import { parse as parseYaml } from 'yaml';
import { VaktpostError } from '../domain/errors';
import { describeZodError, issueWording } from '../domain/zod-issues';
import { Directory } from './directory';
import { directorySchema, type DirectoryData } from './schema';

/** Validates directory data, including that every person id it refers to exists. */
export function parseDirectory(input: unknown, source: string): Directory {
  const parsed = directorySchema.safeParse(input, { error: issueWording });
  if (!parsed.success) {
    throw new VaktpostError(
      'directory.invalid',
      `The directory file ${source} is not valid:\n${describeZodError(parsed.error)}`,
    );
  }
  const problems = crossReferenceProblems(parsed.data);
  if (problems.length > 0) {
    throw new VaktpostError('directory.invalid', `The directory file ${source} is not valid:\n${problems.join('\n')}`);
  }
  return new Directory(parsed.data);
}

/** Reads and validates the directory file (YAML or JSON). */
export async function loadDirectory(path: string): Promise<Directory> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new VaktpostError(
      'directory.invalid',
      `Cannot read the directory file ${path} (${(error as NodeJS.ErrnoException).code ?? 'error'}). Set DIRECTORY_FILE to a YAML or JSON file; see directory.example.yml.`,
    );
  }
  let data: unknown;
  try {
    data = parseYaml(text);
  } catch (error) {
    throw new VaktpostError(
      'directory.invalid',
      `The directory file ${path} is not valid YAML/JSON: ${(error as Error).message}`,
    );
  }
  return parseDirectory(data, path);
}

function crossReferenceProblems(data: DirectoryData): string[] {
  const problems: string[] = [];
  const people = new Set<string>();
  data.people.forEach((person, i) => {
    if (people.has(person.id)) problems.push(`  - people.${i}.id: "${person.id}" is used twice`);
    people.add(person.id);
  });
  const check = (id: string, where: string): void => {
    if (!people.has(id)) problems.push(`  - ${where}: no person with id "${id}" in people`);
  };
  check(data.centralContact, 'centralContact');
  data.administrators.forEach((id, i) => check(id, `administrators.${i}`));
  const municipalities = new Set(data.municipalities.map((m) => m.id));
  const districts = new Set<string>();
  data.districts.forEach((district, i) => {
    if (districts.has(district.id)) problems.push(`  - districts.${i}.id: "${district.id}" is used twice`);
    districts.add(district.id);
    district.contacts.forEach((id, j) => check(id, `districts.${i}.contacts.${j}`));
    district.members.forEach((id, j) => check(id, `districts.${i}.members.${j}`));
    if (district.municipality && !municipalities.has(district.municipality)) {
      problems.push(`  - districts.${i}.municipality: no municipality with id "${district.municipality}"`);
    }
  });
  data.municipalities.forEach((m, i) =>
    m.securityOfficers.forEach((id, j) => check(id, `municipalities.${i}.securityOfficers.${j}`)),
  );
  const accounts = new Map<string, string>();
  data.people.forEach((person, i) => {
    for (const [platform, account] of Object.entries(person.accounts)) {
      const key = `${platform}:${account}`;
      const owner = accounts.get(key);
      if (owner) problems.push(`  - people.${i}.accounts.${platform}: "${account}" belongs to "${owner}" already`);
      accounts.set(key, person.id);
    }
  });
  return problems;
}
