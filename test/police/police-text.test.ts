import { resolve } from 'node:path';
import { loadDirectory } from '../../src/directory/load-directory';
import { policeTextCard } from '../../src/police/police-text';
import { makeCase, makeReport } from '../support/fixtures';
import { render } from '../support/transcript';

const DIRECTORY = resolve(__dirname, '../fixtures/directory.test.yml');

describe('the police text in English', () => {
  it('says the same things in English, with the time in Stockholm time in words', async () => {
    const directory = await loadDirectory(DIRECTORY);
    const c = makeCase({
      districtId: 'norrby',
      report: makeReport({
        language: 'en',
        hateCrimeMotive: 'dont_know',
        when: { at: '2026-07-08T19:15:00.000Z', ongoing: true },
        target: { name: 'Test Member', role: 'member of the municipal council' },
      }),
    });
    const text = render('en', { kind: 'card', card: policeTextCard(c, directory, 'en') }).join('\n');
    expect(text).toContain('call 112 first');
    expect(text).toContain('When: Wednesday, 8 July 2026 at 21:15.');
    expect(text).toContain('It is still going on.');
    expect(text).toContain(
      'I am an elected official holding political office as member of the municipal council in Norrby kommun.',
    );
    expect(text).toContain('The event may be linked to the political office.');
    expect(text).toContain('I ask that the report be access-protected (åtkomstskyddad).');
    expect(text).toContain('There may be a hate-crime motive');
    expect(text).toContain('I ask for continuous feedback from the investigator in charge');
  });
});
