/**
 * The Teams app package against Microsoft's own JSON schemas of its manifest version, as the Developer Portal and the
 * Teams admin center check it on upload. The schemas come from @microsoft/app-manifest (MIT, Microsoft's package
 * behind the Agents Toolkit's validation, which ships every published schema version), so none is copied into this
 * repository. And every command Teams offers in its menu, in either language, is a word Vaktpost understands.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { buildTeamsPackage } from '../../../scripts/package-teams';
import { isCommand, leadingCommand } from '../../../src/engine/command-words';
import { dialogPlugins } from '../../../main';
import { DialogRegistry } from '../../../src/engine/registry';

const APP_ID = '11111111-2222-3333-4444-555555555555';
const SCHEMAS = join(
  dirname(require.resolve('@microsoft/app-manifest/package.json')),
  'build',
  'json-schemas',
  'teams',
);

interface Manifest {
  $schema: string;
  manifestVersion: string;
  bots: Array<{ commandLists: Array<{ commands: Array<{ title: string; description: string }> }> }>;
  localizationInfo: { defaultLanguageTag: string; additionalLanguages: Array<{ languageTag: string; file: string }> };
}

function unpacked(): { manifest: Manifest; files: Map<string, string> } {
  const archive = buildTeamsPackage({ MicrosoftAppId: APP_ID });
  // Read the same files the package holds (the ZIP itself is checked in package.test.ts).
  const dir = join(__dirname, '..', '..', '..', 'manifest', 'teams');
  const manifestText = readFileSync(join(dir, 'manifest.json'), 'utf8').replaceAll(/\$\{\{[A-Z_]+\}\}/g, APP_ID);
  const manifest = JSON.parse(manifestText) as Manifest;
  const files = new Map<string, string>();
  for (const language of manifest.localizationInfo.additionalLanguages) {
    files.set(language.file, readFileSync(join(dir, language.file), 'utf8'));
    expect(archive.includes(Buffer.from(language.file))).toBe(true);
  }
  return { manifest, files };
}

function validator(file: string): ReturnType<Ajv['compile']> {
  // unicodeRegExp off: the localisation schema has a pattern (`\b]`) that is valid only without the u flag, as
  // Microsoft's own validator compiles it; strict off: the schemas use draft-04 keywords ajv's strict mode flags.
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(ajv);
  return ajv.compile(JSON.parse(readFileSync(file, 'utf8')));
}

const problems = (validate: ReturnType<Ajv['compile']>, data: unknown): string[] =>
  validate(data) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`);

describe('Teams manifest', () => {
  const { manifest, files } = unpacked();
  const version = manifest.manifestVersion;

  it('is on a current schema version, named by its $schema', () => {
    expect(Number(version.split('.')[1])).toBeGreaterThanOrEqual(25);
    expect(manifest.$schema).toBe(
      `https://developer.microsoft.com/json-schemas/teams/v${version}/MicrosoftTeams.schema.json`,
    );
  });

  it("validates against Microsoft's schema of its version", () => {
    const validate = validator(join(SCHEMAS, `v${version}`, 'MicrosoftTeams.schema.json'));
    expect(problems(validate, manifest)).toEqual([]);
    // The same validator refuses what Teams would refuse (so the check above can fail).
    expect(problems(validate, { ...manifest, botz: [] })).not.toEqual([]);
    expect(problems(validate, { ...manifest, id: 'not-a-guid' })).not.toEqual([]);
  });

  it("each localisation file validates against the localisation schema of the manifest's version", () => {
    const validate = validator(join(SCHEMAS, `v${version}`, 'MicrosoftTeams.Localization.schema.json'));
    expect(files.size).toBeGreaterThan(0);
    for (const [file, text] of files) {
      const data = JSON.parse(text) as Record<string, string>;
      expect({ file, problems: problems(validate, data) }).toEqual({ file, problems: [] });
      expect(data.$schema).toContain(`/v${version}/MicrosoftTeams.Localization.schema.json`);
    }
  });

  it('is Swedish for Swedish clients: names, descriptions and every command title and description', () => {
    const sv = JSON.parse(files.get('sv.json') ?? '{}') as Record<string, string>;
    expect(manifest.localizationInfo.additionalLanguages).toContainEqual({ languageTag: 'sv', file: 'sv.json' });
    expect(sv['name.full']).toMatch(/rapportera hot/);
    expect(sv['description.full']).toMatch(/ring 112/);
    manifest.bots[0]?.commandLists.forEach((list, l) =>
      list.commands.forEach((_command, c) => {
        expect(sv[`bots[0].commandLists[${l}].commands[${c}].title`]).toBeTruthy();
        expect(sv[`bots[0].commandLists[${l}].commands[${c}].description`]).toBeTruthy();
      }),
    );
  });

  it('offers only commands Vaktpost understands, in English and in Swedish', () => {
    // The words that start a dialog are the dialogs' own (the registry); the rest are the command table's.
    const dialogs = new DialogRegistry(dialogPlugins([]));
    const sv = JSON.parse(files.get('sv.json') ?? '{}') as Record<string, string>;
    const titles = manifest.bots[0]?.commandLists.flatMap((list, l) =>
      list.commands.flatMap((command, c) => [command.title, sv[`bots[0].commandLists[${l}].commands[${c}].title`]]),
    );
    expect(titles?.length).toBeGreaterThanOrEqual(10);
    for (const title of titles ?? []) {
      const known =
        dialogs.startedBy(title ?? '') !== undefined ||
        isCommand(title ?? '', 'cases') ||
        isCommand(title ?? '', 'help') ||
        leadingCommand(`${title ?? ''} norrby`, 'bind') !== null;
      expect({ title, known }).toEqual({ title, known: true });
    }
  });
});
