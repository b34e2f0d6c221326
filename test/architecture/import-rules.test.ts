import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { z } from 'zod';
import { dialogPlugins } from '../../main';

const ROOT = join(__dirname, '..', '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir)).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(join(ROOT, path)).isDirectory()) return sourceFiles(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

function importsOf(file: string): string[] {
  const text = readFileSync(join(ROOT, file), 'utf8');
  const found: string[] = [];
  for (const match of text.matchAll(/(?:from\s+|import\s*\(\s*|require\s*\(\s*|import\s+)['"]([^'"]+)['"]/g)) {
    found.push(match[1] as string);
  }
  return found;
}

/** Source text without comments, so a JSDoc example such as `slack:U123` is not taken for code naming a platform. */
function codeOf(file: string): string {
  return readFileSync(join(ROOT, file), 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
}

/** Every string literal in the code of a file. */
function literalsOf(file: string): string[] {
  return [...codeOf(file).matchAll(/(['"`])((?:\\.|(?!\1)[^\\])*)\1/g)].map((m) => m[2] as string);
}

/** The ids of the dialogs main.ts registers, read from their plugins (so a new dialog is checked without edits). */
const DIALOG_IDS = dialogPlugins([]).map((p) => p.dialog.id);
const PLATFORM_NAMES = ['slack', 'teams', 'web', 'console'];

/**
 * Literals that spell a dialog id without meaning the dialog: the case's `report` field (in a type and in the log
 * redaction list) and the English word a member types to go on ("report").
 */
const NOT_A_DIALOG: Record<string, string[]> = {
  'src/cases/case-cards.ts': ['report'],
  'src/logging/pino-logger.ts': ['report'],
  'src/i18n/en/commands.ts': ['report'],
};

/** A literal that names `name` as a value: the name itself, or an address or key built on it (`slack:…`, `report|…`). */
const names = (literal: string, name: string): boolean =>
  literal === name || literal.startsWith(`${name}:`) || literal.startsWith(`${name}|`);

const PLATFORM_SDKS = [/^@slack\//, /^@microsoft\//, /^botbuilder/, /^botframework/, /^playwright/];

describe('import rules of ARCHITECTURE.md', () => {
  const srcFiles = sourceFiles('src');

  it('finds the source files it checks', () => {
    expect(srcFiles.length).toBeGreaterThan(20);
  });

  it('nothing in src/ imports adapters/ or dialogs/ (only main.ts wires them)', () => {
    const offenders = srcFiles.flatMap((file) =>
      importsOf(file)
        .filter((spec) => spec.startsWith('.') && /(^|\/)(adapters|dialogs)(\/|$)/.test(join(file, '..', spec)))
        .map((spec) => `${file} imports ${spec}`),
    );
    expect(offenders).toEqual([]);
  });

  it('nothing in src/ names a dialog id: the bot and the services reach dialogs through the registry', () => {
    expect(DIALOG_IDS).toEqual(['report', 'district', 'risk-inventory', 'guidance']);
    const offenders = srcFiles.flatMap((file) =>
      literalsOf(file)
        .filter((literal) => DIALOG_IDS.some((id) => names(literal, id)))
        .filter((literal) => !(NOT_A_DIALOG[file.split('\\').join('/')] ?? []).includes(literal))
        .map((literal) => `${file} names "${literal}"`),
    );
    expect(offenders).toEqual([]);
  });

  it('nothing in src/ names a platform: platforms are data (directory records, address prefixes from adapters)', () => {
    const offenders = srcFiles.flatMap((file) =>
      literalsOf(file)
        .filter((literal) => PLATFORM_NAMES.some((platform) => names(literal, platform)))
        .map((literal) => `${file} names "${literal}"`),
    );
    expect(offenders).toEqual([]);
  });

  it('the literal check finds what it looks for', () => {
    // Guards the two tests above against a scanner that never matches anything.
    const inCode = literalsOf('main.ts');
    expect(inCode).toEqual(expect.arrayContaining(['--console']));
    expect(names('slack:dm:U1', 'slack')).toBe(true);
    expect(names('slack.home.title', 'slack')).toBe(false);
  });

  it('nothing in src/ imports a platform SDK', () => {
    const offenders = srcFiles.flatMap((file) =>
      importsOf(file)
        .filter((spec) => PLATFORM_SDKS.some((re) => re.test(spec)))
        .map((spec) => `${file} imports ${spec}`),
    );
    expect(offenders).toEqual([]);
  });

  it('only the Teams adapter imports the Bot Framework SDK and teams-ai (docs/decisions/0001-teams-stack.md)', () => {
    const teamsSdk = [/^botbuilder/, /^botframework/, /^@microsoft\/teams/, /^@microsoft\/agents/];
    const everywhere = [
      ...srcFiles,
      ...sourceFiles('adapters'),
      ...sourceFiles('dialogs'),
      ...sourceFiles('scripts'),
      'main.ts',
    ];
    const importing = everywhere.filter((file) => importsOf(file).some((spec) => teamsSdk.some((re) => re.test(spec))));
    expect(importing.length).toBeGreaterThan(0);
    expect(importing.filter((file) => !file.startsWith(join('adapters', 'teams') + '/'))).toEqual([]);
  });

  it('only the MongoDB store imports mongodb', () => {
    const everywhere = [...srcFiles, ...sourceFiles('adapters'), ...sourceFiles('dialogs'), 'main.ts'];
    const offenders = everywhere
      .filter((file) => importsOf(file).some((spec) => spec === 'mongodb' || spec.startsWith('mongodb/')))
      .filter((file) => !relative('src/store/mongo', file).match(/^[^.]/));
    expect(offenders).toEqual([]);
  });

  it('only the scheduler wiring imports node-cron', () => {
    const everywhere = [...srcFiles, ...sourceFiles('adapters'), ...sourceFiles('dialogs'), 'main.ts'];
    const offenders = everywhere.filter(
      (file) => importsOf(file).includes('node-cron') && file !== join('src', 'reminders', 'schedule.ts'),
    );
    expect(offenders).toEqual([]);
  });

  it('our code imports zod as `zod` (zod 4), never zod 3 (`zod/v3`, the copy the Microsoft SDKs nest)', () => {
    const everywhere = [
      ...srcFiles,
      ...['adapters', 'dialogs', 'scripts', 'bench', 'test'].flatMap(sourceFiles),
      'main.ts',
    ];
    const offenders = everywhere.flatMap((file) =>
      importsOf(file)
        .filter((spec) => /(^|\/)zod(\/|$)/.test(spec) && spec !== 'zod')
        .map((spec) => `${file} imports ${spec}`),
    );
    expect(offenders).toEqual([]);
    expect(z.core.version.major).toBe(4);
  });

  it('the engine and the dialogs do no I/O and read no clock', () => {
    const pure = [...sourceFiles('src/engine'), ...sourceFiles('dialogs')];
    const offenders = pure.filter((file) => {
      const text = readFileSync(join(ROOT, file), 'utf8');
      return (
        /\bnew Date\(\)|Date\.now\(|Math\.random\(/.test(text) ||
        importsOf(file).some((spec) => spec.startsWith('node:') || spec === 'fs' || spec === 'http')
      );
    });
    expect(offenders).toEqual([]);
  });
});
