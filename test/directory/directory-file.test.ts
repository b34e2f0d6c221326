/**
 * A directory an admin can keep: people named by e-mail get their Slack accounts from users.lookupByEmail (over
 * real HTTP against the fake Slack API), with a report of who was not found; an edited file takes effect without a
 * restart, and a broken edit is refused with the reason while the directory in force stays.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createMemoryLogger } from '../../src/ports/logger';
import { FakeSlackApi } from '../adapters/slack/fake-slack-api';
import { startTestApp, type TestApp } from '../support/app-harness';

const directoryYaml = (extraPeople = '', contacts = '[kim]'): string => `organisation: Testpartiet
people:
  - id: kim
    name: Kim Kontakt
    email: Kim@Example.org
  - id: noor
    name: Noor Nykontakt
    email: noor@example.org
  - id: cecilia
    name: Cecilia Central
    accounts: { slack: UCEC }
${extraPeople}
districts:
  - id: norrby
    name: Norrby
    contacts: ${contacts}
centralContact: cecilia
`;

async function until(check: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 200; i += 1) {
    if (check()) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe('the directory file', () => {
  let dir: string;
  let file: string;
  let fake: FakeSlackApi;
  let app: TestApp;
  let logger: ReturnType<typeof createMemoryLogger>;
  const messages = (): string[] => logger.lines.map((l) => l.message);

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'vaktpost-directory-'));
    file = join(dir, 'directory.yml');
    await writeFile(file, directoryYaml());
    fake = await FakeSlackApi.start();
    fake.users.set('U100', { name: 'kim', email: 'kim@example.org' });
    logger = createMemoryLogger();
  });
  afterEach(async () => {
    await app?.close();
    await fake.close();
    await rm(dir, { recursive: true, force: true });
  });

  const start = async (): Promise<void> => {
    app = await startTestApp({
      logger,
      directoryPollMs: 50,
      env: {
        DIRECTORY_FILE: file,
        SLACK_BOT_TOKEN: 'xoxb-test',
        SLACK_SIGNING_SECRET: 'secret',
        SLACK_API_URL: fake.url,
      },
    });
  };

  it('finds Slack accounts by e-mail at start-up and names who was not found', async () => {
    await start();
    const directory = app.vaktpost.directory;
    expect(directory.personOf('slack:U100')?.id).toBe('kim');
    expect(directory.isContactOf('slack:U100', 'norrby')).toBe(true);
    expect(
      fake
        .callsOf('users.lookupByEmail')
        .map((c) => c.args.email)
        .sort(),
    ).toEqual(['kim@example.org', 'noor@example.org']);
    expect(logger.lines).toContainEqual(
      expect.objectContaining({
        level: 'warn',
        message: 'directory: e-mail addresses not found; these people are not recognised there until fixed',
        fields: expect.objectContaining({ platform: 'slack', people: 'noor' }),
      }),
    );
    // The report names people by their directory id, never by address.
    expect(JSON.stringify(logger.lines)).not.toContain('noor@example.org');
  });

  it('takes an edited file into use without a restart, and looks up the new addresses', async () => {
    await start();
    fake.users.set('U200', { name: 'noor', email: 'noor@example.org' });
    await writeFile(file, directoryYaml('', '[kim, noor]'));
    await until(() => messages().includes('directory reloaded'), 'the reload');
    expect(app.vaktpost.directory.isContactOf('slack:U200', 'norrby')).toBe(true);
    expect(app.vaktpost.directory.personOf('slack:U100')?.id).toBe('kim');
  });

  it('refuses a broken edit with the reason and keeps the directory in force', async () => {
    await start();
    await writeFile(file, directoryYaml('', '[kim, nobody]'));
    await until(
      () => messages().includes('directory change refused; the previous directory stays in force'),
      'refusal',
    );
    const refusal = logger.lines.find((l) => l.message.startsWith('directory change refused'));
    expect(String(refusal?.fields?.reason)).toMatch(/districts\.0\.contacts\.1: no person with id "nobody"/);
    expect(app.vaktpost.directory.isContactOf('slack:U100', 'norrby')).toBe(true);
    expect(app.vaktpost.directory.district('norrby')?.contacts).toEqual(['kim']);

    await writeFile(file, 'people: [unclosed');
    await until(
      () => logger.lines.filter((l) => l.message.startsWith('directory change refused')).length >= 2,
      'second refusal',
    );
    expect(app.vaktpost.directory.personOf('slack:U100')?.id).toBe('kim');
  });
});
