/**
 * What an operator reads when a setting or the directory file is wrong: the field and what to fix, in the words
 * Vaktpost has always used. zod words its own messages differently from one major version to the next; these are
 * ours (src/domain/zod-issues.ts), so a zod upgrade changes none of them.
 */
import { loadConfig } from '../../src/config/config';
import { parseDirectory } from '../../src/directory/load-directory';
import { isVaktpostError } from '../../src/domain/errors';

function refusal(load: () => unknown, code: 'config.invalid' | 'directory.invalid'): string {
  try {
    load();
  } catch (error) {
    if (isVaktpostError(error, code)) return error.message;
    throw error;
  }
  throw new Error('accepted');
}

const config = (env: Record<string, string>) => refusal(() => loadConfig(env), 'config.invalid');

const person = { id: 'kim', name: 'Kim Kontakt', accounts: { slack: 'U1' } };
const directory = (changes: Record<string, unknown>) =>
  refusal(
    () =>
      parseDirectory(
        { organisation: 'Testpartiet', people: [person], districts: [{ id: 'norrby', name: 'Norrby' }], ...changes },
        'directory.yml',
      ),
    'directory.invalid',
  );

describe('what a wrong setting or directory file is answered with', () => {
  it('names the environment variable and what it must be', () => {
    expect(config({ PORT: 'eighty' })).toContain('  - PORT: Expected number, received nan');
    expect(config({ LOG_LEVEL: 'loud' })).toContain(
      "  - LOG_LEVEL: Invalid enum value. Expected 'debug' | 'info' | 'warn' | 'error' | 'silent', received 'loud'",
    );
    expect(config({ HOST: '' })).toContain('  - HOST: String must contain at least 1 character(s)');
    // A schema's own words win over the general ones.
    expect(config({ PORT: '70000' })).toContain('  - PORT: must be a TCP port (0–65535)');
    expect(config({ PORT: '1.5' })).toContain('  - PORT: Expected integer, received float');
  });

  it('names the place in the directory file and what is wrong there', () => {
    expect(directory({ people: [{ id: 'kim' }] })).toContain('  - people.0.name: Required');
    expect(directory({ people: [{ ...person, nmae: 'Kim' }] })).toContain(
      "  - people.0: Unrecognized key(s) in object: 'nmae'",
    );
    expect(directory({ people: [{ ...person, email: 'kim at example.org' }] })).toContain(
      '  - people.0.email: Invalid email',
    );
    expect(directory({ districts: [] })).toContain('  - districts: Array must contain at least 1 element(s)');
    expect(directory({ districts: [{ id: 'norrby', name: 'Norrby', language: 'de' }] })).toContain(
      "  - districts.0.language: Invalid enum value. Expected 'sv' | 'en', received 'de'",
    );
    expect(directory({ organisation: 7 })).toContain('  - organisation: Expected string, received number');
    // A wrong key of a per-platform map is reported at the key, with the key's own rule.
    expect(directory({ people: [{ ...person, accounts: { Slack: 'U1' } }] })).toContain(
      '  - people.0.accounts.Slack: use the platform name in lower case',
    );
  });
});
