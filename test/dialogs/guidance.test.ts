import { ACTION } from '../../src/engine/actions';
import { startTestApp, type TestApp } from '../support/app-harness';

/** Guidance as short cards: from the menu, as a short dialog, and offered after a report where it fits. */
let app: TestApp;
beforeEach(async () => {
  app = await startTestApp();
});
afterEach(async () => {
  await app.close();
});

describe('guidance', () => {
  it('is on the menu and in App Home, beside the report and the risk inventory', async () => {
    await app.say('mira', 'meny');
    const labels = app.notifier.actions(app.dm('mira'), ACTION.start).map((a) => a.label);
    expect(labels).toEqual(['Rapportera en händelse', 'Riskinventering inför ett möte', 'Råd och checklistor']);
    expect(app.notifier.lastTextOf(app.dm('mira'))).toContain('Är någon i fara just nu: ring 112.');
  });

  it('shows the chosen checklist with 112 first, and the other topics as buttons', async () => {
    await app.press('mira', ACTION.start, 'guidance');
    expect(app.notifier.lastTextOf(app.dm('mira'))).toContain('Vad vill du läsa om?');
    await app.say('mira', 'före mötet');
    const text = app.notifier.textOf(app.dm('mira'));
    expect(text).toMatch(/Före mötet eller aktiviteten\n.*ring 112/);
    expect(text).toContain('Sök tillstånd hos polisen');
    const others = app.notifier.actions(app.dm('mira'), 'guide:show').map((a) => a.value);
    expect(others).toEqual(['meeting_during', 'meeting_after', 'hate_storm', 'digital']);
    await app.press('mira', 'guide:show', 'hate_storm');
    const storm = app.notifier.lastTextOf(app.dm('mira'));
    for (const advice of [
      'Kommentera inte hot',
      'Ta skärmbilder först',
      'Blockera och anmäl',
      'Någon du litar på kan gå in på ditt konto och blockera åt dig',
      'det är du som äger kontot som bestämmer',
    ]) {
      expect(storm).toContain(advice);
    }
    expect(storm.indexOf('ring 112')).toBeLessThan(storm.indexOf('Kommentera inte'));
  });

  it('offers the hate storm and digital advice after a report of something on social media', async () => {
    await app.bind('norrby');
    for (const answer of [
      'hej',
      'nej',
      '1',
      'hot',
      'Hatstorm efter debatten.',
      'sociala medier',
      'igår',
      '1',
      'skicka',
    ]) {
      await app.say('mira', answer);
    }
    const offered = app.notifier.actions(app.dm('mira'), 'guide:show').map((a) => a.label);
    expect(offered).toEqual(['När det stormar i sociala medier', 'Skydda dig digitalt']);
    await app.press('mira', 'guide:show', 'digital');
    expect(app.notifier.lastTextOf(app.dm('mira'))).toContain('tvåfaktorsinloggning');
    expect(app.notifier.lastTextOf(app.dm('mira'))).toContain('geotaggar');
  });
});
