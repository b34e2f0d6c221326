import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/**
 * `npm run console` with piped input, as a newcomer would try it: a member reports with words and numbers, then
 * switches to the district's security contact, takes the case from the channel alert, ticks an item and closes it.
 */
const ROOT = resolve(__dirname, '../../..');
const DESCRIPTION = 'Ett hotfullt brev låg i brevlådan med min adress.';

interface Run {
  stdout: string;
  stderr: string;
  code: number | null;
}

function runConsole(lines: string[], dataDir: string): Promise<Run> {
  return new Promise((done, fail) => {
    const child = spawn('npx', ['tsx', 'main.ts', '--console'], {
      cwd: ROOT,
      env: { ...process.env, DATA_DIR: dataDir, DIRECTORY_FILE: 'directory.example.yml', LOG_LEVEL: 'silent' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', fail);
    child.on('close', (code) => done({ stdout, stderr, code }));
    child.stdin.end(`${lines.join('\n')}\n`);
  });
}

/** The printed messages, each under its header: `#Norrby` for the channel, `@Name` for a person. */
function blocks(stdout: string): Array<{ to: string; text: string }> {
  const parts = stdout.split(/\n── (.+?) ──\n/);
  const result: Array<{ to: string; text: string }> = [];
  for (let i = 1; i < parts.length; i += 2) result.push({ to: parts[i] ?? '', text: parts[i + 1] ?? '' });
  return result;
}

describe('npm run console', () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'vaktpost-console-'));
  });
  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('runs a whole report and a take by a contact from piped input', async () => {
    const { stdout, stderr, code } = await runConsole(
      [
        'hej',
        'nej',
        'mig själv',
        'hot',
        DESCRIPTION,
        'e-post',
        'igår',
        '1',
        'skicka',
        '/som kim',
        '/ta',
        '1',
        'Ringde Mira, hon har sällskap i kväll',
        // After the tick, Kim's card numbers its buttons afresh; [8] is "Avsluta" (checked below).
        '/knapp 8',
        'Mira vill avsluta, polisen har ärendet',
      ],
      dataDir,
    );
    expect(stderr.replace(/^npm warn .*\n?/gm, '')).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain('Vaktpost i terminalen');
    expect(stdout).toContain('Vaktpost in the terminal');
    expect(stdout).toContain('Lagring / Storage: embedded');

    const printed = blocks(stdout);
    const toMira = printed.filter((b) => b.to === '@Mira Medlem (demo)').map((b) => b.text);
    const channel = printed.filter((b) => b.to.startsWith('#Norrby'));
    const toKim = printed.filter((b) => b.to === '@Kim Kontakt (demo)').map((b) => b.text);

    // The normal path: asked about danger, answered no, so no "call 112 now" and nothing urgent.
    expect(toMira.join('\n')).toContain('Är någon i fara just nu');
    expect(toMira.join('\n')).toMatch(/1\) Ja\s+2\) Nej\s+3\) Skicka nu, berätta mer sen/);
    expect(stdout).not.toContain('Ring 112 nu');
    expect(stdout).not.toContain('AKUT');
    const received = toMira.find((text) => text.includes('Din rapport är mottagen'));
    const number = /ärende (VP-\d{4}-\d{4})/.exec(received ?? '')?.[1];
    expect(number).toMatch(/^VP-\d{4}-0001$/);

    // The channel sees the alert with only the minimum, then "taken by" in its place.
    expect(channel.length).toBeGreaterThanOrEqual(2);
    const alert = channel[0]?.text ?? '';
    expect(alert).toContain(`Nytt ärende ${number}`);
    expect(alert).toContain('Distrikt: Norrby');
    expect(alert).toContain('Kategori: Hot');
    expect(alert).toContain('Brådska: Inte akut');
    expect(alert).toMatch(/Inkom: \d{1,2} [a-zåäö]+\.? \d{4} kl\. \d\d:\d\d/);
    expect(alert).toContain('[1] Ta ärendet');
    for (const block of channel) {
      expect(block.text).not.toContain(DESCRIPTION);
      expect(block.text).not.toContain('Mira');
      expect(block.text).not.toContain('E-post');
    }
    expect(channel[1]?.to).toBe('#Norrby ↻');
    expect(channel[1]?.text).toMatch(/Tas om hand av Kim Kontakt \(demo\) sedan \d\d:\d\d/);
    expect(channel[1]?.text).not.toContain('Ta ärendet');

    // Kim gets the whole case, ticks an item with a note and closes with a reason; Mira hears who helps her.
    expect(toKim[0]).toContain(`Ärende ${number}`);
    expect(toKim[0]).toContain(DESCRIPTION);
    expect(toKim.join('\n')).toContain('☑ Den utsatta är inte ensam');
    expect(toKim.join('\n')).toContain('Ringde Mira, hon har sällskap i kväll');
    // The card Kim pressed on: its still open items (company home or to healthcare among them), then [8] Avsluta.
    const ticked = toKim.find((text) => text.includes('☑ Den utsatta är inte ensam')) ?? '';
    expect(ticked).toContain('Någon följer med den utsatta hem eller till vården');
    expect(ticked).toContain('[8] Avsluta');
    expect(toKim.join('\n')).toContain(`${number} är avslutat.`);
    expect(toMira.join('\n')).toContain(`Kim Kontakt (demo) har tagit ditt ärende ${number}`);
    expect(channel.at(-1)?.text).toContain('Ärendet är avslutat.');
  }, 90_000);

  it('keeps the case in DATA_DIR for the next start, and says so when there is nothing to take', async () => {
    const { stdout, code } = await runConsole(
      ['ärenden', '/som kim', 'ärenden', '/ta', '/as nobody', '/quit', 'hej'],
      dataDir,
    );
    expect(code).toBe(0);
    expect(stdout).toContain('Dina ärenden');
    expect(stdout).toMatch(/VP-\d{4}-0001 · Avslutat · Kim Kontakt \(demo\)/);
    expect(stdout).toContain('Inga öppna ärenden just nu.');
    expect(stdout).toContain('Det finns inget ärende att ta här. / There is no case to take here.');
    expect(stdout).toContain('Ingen person "nobody" i katalogen.');
    // After /quit nothing more is read.
    expect(stdout).not.toContain('contact-kim> hej');
    expect(stdout).toContain('Hej då. / Goodbye.');
  }, 90_000);
});
