import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { createVaktpost, type Vaktpost } from '../../../main';
import type { Stores } from '../../../src/ports/stores';
import { createEmbeddedStores } from '../../../src/store/embedded/create-embedded-stores';

/**
 * The web demo in a real browser (Debian's chromium driven by playwright-core), with the keyboard where a person
 * would use it: the member reports, the alert reaches the district's channel with only the minimum, contact Kim takes
 * the case, contact Alex is told it is already taken, and the member is told who helps them. Screenshots of each
 * step go to test-artifacts/screenshots/.
 */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ROOT = join(__dirname, '..', '..', '..');
const SHOTS = join(ROOT, 'test-artifacts', 'screenshots');
const SECRET = 'HEMLIG-DETALJ-4711';
const STEP_MS = 60_000;

function yesterday(): string {
  const d = new Date(Date.now() - 24 * 3600 * 1000);
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

describe('the web demo in a real browser', () => {
  let vaktpost: Vaktpost;
  let stores: Stores;
  let context: BrowserContext;
  let page: Page;
  let userDataDir: string;

  const member = (): Locator => page.locator('#member-log');
  const channel = (): Locator => page.locator('#channel-log');
  const dm = (): Locator => page.locator('#dm-log');
  /** The question the member is on now (older ones are marked stale). */
  const question = (text: string): Locator =>
    member().locator('article.kind-question:not(.stale)').filter({ hasText: text }).last();

  /** Presses a control the way a keyboard user does: focus it, then Enter (or Space for a checkbox or radio). */
  async function press(target: Locator, key: 'Enter' | 'Space' = 'Enter'): Promise<void> {
    await target.focus();
    await page.keyboard.press(key);
  }

  async function focusIsIn(selector: string, text: string): Promise<void> {
    await page.waitForFunction(
      ([sel, needle]) => {
        const active = document.activeElement;
        const box = active?.closest(sel as string) ?? (active?.matches(sel as string) ? active : null);
        return !!box && (box.textContent ?? '').includes(needle as string);
      },
      [selector, text],
    );
  }

  async function shot(name: string): Promise<void> {
    // The viewport, not the full page: a full-page capture resets the logs' own scroll positions to the top.
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: join(SHOTS, name) });
  }

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) {
      throw new Error(
        `The browser test needs Chromium at ${CHROMIUM}, and it is missing. Install Debian's package with ` +
          '"apt-get update && apt-get install -y chromium" (the README\'s test command does this where apt-get is ' +
          'available), or point CHROMIUM_PATH at a Chromium or Chrome binary.',
      );
    }
    mkdirSync(SHOTS, { recursive: true });
    mkdirSync(join(ROOT, 'test-artifacts', 'web-steps'), { recursive: true });
    stores = await createEmbeddedStores({});
    vaktpost = await createVaktpost({
      env: { PORT: '0', HOST: '127.0.0.1', DIRECTORY_FILE: join(ROOT, 'directory.example.yml'), LOG_LEVEL: 'silent' },
      stores,
      schedule: false,
      dispatchIntervalMs: 200,
    });
    userDataDir = mkdtempSync(join(tmpdir(), 'vaktpost-chromium-'));
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM,
      headless: true,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
      viewport: { width: 1280, height: 1000 },
      locale: 'sv-SE',
    });
    context.setDefaultTimeout(15_000);
    page = context.pages()[0] ?? (await context.newPage());
    await page.goto(`${vaktpost.url}/`);
    await page.locator('body[data-ready="true"]').waitFor();
  }, STEP_MS);

  afterEach(async () => {
    // What the page looked like at the end of each step, to see at a glance why a step failed.
    const name = (expect.getState().currentTestName ?? 'step').replace(/[^a-z0-9]+/gi, '-').slice(-60);
    await page?.screenshot({ path: join(ROOT, 'test-artifacts', 'web-steps', `${name}.png`) });
  });

  afterAll(async () => {
    await context?.close();
    await vaktpost?.close();
    await stores?.close();
    if (userDataDir) rmSync(userDataDir, { recursive: true, force: true });
  });

  it('marks the demo as such and labels both logs for screen readers', async () => {
    await expect(page.locator('header.banner').innerText()).resolves.toMatch(
      /DEMO[\s\S]*utan inloggning[\s\S]*127\.0\.0\.1/,
    );
    for (const log of [member(), channel(), dm()]) {
      await expect(log.getAttribute('aria-live')).resolves.toBe('polite');
    }
    await expect(page.locator('#actor-contact-kim').isChecked()).resolves.toBe(true);
  });

  it(
    'lets the member report with the keyboard and send the essentials at once',
    async () => {
      await press(page.locator('#start-report'));
      const emergency = question('Är någon i fara just nu');
      await emergency.waitFor();
      // Focus moves to the new question; Tab reaches its answers in order.
      await focusIsIn('article', 'Är någon i fara just nu');
      await page.keyboard.press('Tab');
      await page.keyboard.press('Tab');
      await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('Nej');
      await page.keyboard.press('Enter');

      const self = question('Gäller rapporten dig själv');
      await self.waitFor();
      await focusIsIn('article', 'Gäller rapporten dig själv');
      await press(self.getByRole('button', { name: 'Mig själv', exact: true }));

      const categories = question('Vad hände?');
      await categories.waitFor();
      await press(categories.getByRole('checkbox', { name: 'Hot', exact: true }), 'Space');
      await press(categories.getByRole('button', { name: 'OK', exact: true }));

      await question('Beskriv vad som hände').waitFor();
      // A text question sends focus to the text box.
      await page.waitForFunction(() => document.activeElement?.id === 'member-text');
      await page.keyboard.type(`Någon skrev att hen vet var jag bor. ${SECRET}`);
      await page.keyboard.press('Enter');

      const channels = question('Hur skedde det?');
      await channels.waitFor();
      await press(channels.getByRole('checkbox', { name: 'Sociala medier', exact: true }), 'Space');
      await press(channels.getByRole('button', { name: 'OK', exact: true }));

      const when = question('När hände det?');
      await when.waitFor();
      await when.getByLabel('Datum').fill(yesterday());
      await press(when.getByRole('button', { name: 'OK', exact: true }));

      const more = question('Vill du skicka rapporten nu');
      await more.waitFor();
      await press(more.getByRole('button', { name: 'Skicka nu', exact: true }));

      const summary = member().locator('article.kind-card').filter({ hasText: 'Din rapport' }).last();
      await summary.waitFor();
      await expect(summary.innerText()).resolves.toContain(SECRET);
      await press(summary.getByRole('button', { name: 'Skicka rapporten', exact: true }));

      await member()
        .getByText(/Din rapport är mottagen som ärende/)
        .waitFor();
      await shot('01-member-report.png');
    },
    STEP_MS,
  );

  let caseId = '';

  it(
    'shows the alert in the district channel with only the minimum',
    async () => {
      const alert = channel().locator('article.kind-card').filter({ hasText: 'Nytt ärende' });
      await alert.waitFor();
      await alert.getByRole('button', { name: 'Ta ärendet', exact: true }).waitFor();
      const text = await channel().innerText();
      expect(text).toContain('Norrby');
      expect(text).toContain('Hot');
      expect(text).not.toContain(SECRET);
      expect(text).not.toContain('Mira');
      // Remember the case id from the alert's button, as Alex's page would have it before the alert is updated.
      caseId = await page.evaluate(async () => {
        const answer = await (await fetch('/web/messages?address=web:channel:norrby')).json();
        const take = answer.messages.flatMap((m: { buttons: Array<{ id: string; value: string }> }) => m.buttons);
        return take.find((b: { id: string }) => b.id === 'case:take')?.value ?? '';
      });
      expect(caseId).not.toBe('');
      await shot('02-alert.png');
    },
    STEP_MS,
  );

  it(
    'lets contact Kim take the case: the channel says so and Kim gets the whole case privately',
    async () => {
      await press(channel().getByRole('button', { name: 'Ta ärendet', exact: true }));
      await channel()
        .getByText(/Tas om hand av Kim Kontakt \(demo\)/)
        .waitFor();
      await expect(channel().getByRole('button', { name: 'Ta ärendet' }).count()).resolves.toBe(0);
      const view = dm().locator('article.kind-card').filter({ hasText: 'Uppföljning' }).last();
      await view.waitFor();
      await expect(view.innerText()).resolves.toContain(SECRET);
      // Focus follows the take to the case view, whose first checklist button is a Tab away.
      await focusIsIn('article', SECRET);
      await shot('03-taken.png');
    },
    STEP_MS,
  );

  it(
    'tells contact Alex, who pressed the old alert a moment later, that Kim already took it',
    async () => {
      await press(page.locator('#actor-contact-alex'), 'Space');
      await page.locator('#dm-heading').filter({ hasText: 'Alex' }).waitFor();
      const status = await page.evaluate(async (value) => {
        const response = await fetch('/web/turn', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({
            eventId: crypto.randomUUID(),
            as: 'contact-alex',
            lang: 'sv',
            channel: 'norrby',
            action: { id: 'case:take', value },
          }),
        });
        return response.status;
      }, caseId);
      expect(status).toBe(200);
      await dm()
        .getByText(/Ärendet togs redan av Kim Kontakt \(demo\)/)
        .waitFor();
      await press(page.locator('#actor-contact-kim'), 'Space');
      await page.locator('#dm-heading').filter({ hasText: 'Kim' }).waitFor();
    },
    STEP_MS,
  );

  it(
    'lets Kim tick a checklist item with a note through the keyboard',
    async () => {
      const view = dm().locator('article.kind-card').filter({ hasText: 'Uppföljning' }).last();
      await view.waitFor();
      const tick = view.locator('section').filter({ hasText: 'Uppföljning' }).getByRole('button').first();
      const label = (await tick.innerText()).trim();
      await press(tick);
      await page.waitForFunction(() => document.activeElement?.closest('form.inline-form') !== null);
      await page.keyboard.type('Ringde upp, allt lugnt för stunden.');
      await page.keyboard.press('Enter');
      await dm()
        .getByText(/Punkten är avbockad/)
        .waitFor();
      expect(label.length).toBeGreaterThan(0);
    },
    STEP_MS,
  );

  it(
    'tells the member who is helping them',
    async () => {
      await member()
        .getByText(/Kim Kontakt \(demo\) har tagit ditt ärende/)
        .waitFor();
      await shot('04-member-told.png');
      for (const name of ['01-member-report.png', '02-alert.png', '03-taken.png', '04-member-told.png']) {
        expect(statSync(join(SHOTS, name)).size).toBeGreaterThan(10_000);
      }
    },
    STEP_MS,
  );

  it(
    'switches to English: the page, the channel and the conversations follow',
    async () => {
      await press(page.getByRole('button', { name: 'English', exact: true }));
      await page.locator('#member-heading').filter({ hasText: 'The member' }).waitFor();
      await channel()
        .getByText(/Taken by Kim Kontakt \(demo\)/)
        .waitFor();
      await member().getByText('I will write in English from now on.').waitFor();
      await expect(page.locator('html').getAttribute('lang')).resolves.toBe('en');
      await shot('06-english.png');
    },
    STEP_MS,
  );

  it(
    'stacks the two panes on a phone-sized window',
    async () => {
      await page.setViewportSize({ width: 390, height: 844 });
      const left = await page.locator('#member-pane').boundingBox();
      const right = await page.locator('#contact-pane').boundingBox();
      expect(left && right && right.y >= left.y + left.height - 1).toBe(true);
      expect(left && left.width <= 390).toBe(true);
      await shot('05-phone.png');
    },
    STEP_MS,
  );
});
