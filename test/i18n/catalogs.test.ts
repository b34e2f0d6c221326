import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { reportDialog } from '../../dialogs/report';
import { CATEGORIES, CHANNELS } from '../../src/domain/categories';
import { policeStatusSchema, type Report } from '../../src/domain/report';
import { catalogs, type Catalog } from '../../src/i18n/catalogs';
import { translate } from '../../src/i18n/translate';

const ROOT = join(__dirname, '..', '..');
const LANGUAGES = ['sv', 'en'] as const;

function placeholders(template: string): string {
  return [...template.matchAll(/\{(\w+)\}/g)]
    .map((m) => m[1])
    .sort()
    .join(',');
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

/**
 * Keys the code names literally: `tx('…')`, `t(lang, '…')`, `{ key: '…' }`, and the key properties of dialog steps
 * (`text`, `hint`, `help`, `summaryLabel`, `summaryTitle`). Keys built at run time are checked by the tests below
 * that translate what the dialogs actually produce.
 */
const KEY_PATTERNS = [
  /\btx\(\s*(['"`])([\w.-]+)\1/g,
  /\bt\(\s*[\w.]+\s*,\s*(['"`])([\w.-]+)\1/g,
  /\{\s*key:\s*(['"`])([\w.-]+)\1/g,
  /\b(?:text|hint|help|summaryLabel|summaryTitle):\s*(['"`])([a-z][\w-]*(?:\.[\w-]+)+)\1/g,
];

function literalKeys(): { file: string; key: string }[] {
  const files = [...sourceFiles(join(ROOT, 'dialogs')), ...sourceFiles(join(ROOT, 'src'))].filter(
    (file) => !file.includes(join('src', 'i18n', 'sv')) && !file.includes(join('src', 'i18n', 'en')),
  );
  return files.flatMap((file) => {
    const source = readFileSync(file, 'utf8');
    return KEY_PATTERNS.flatMap((pattern) =>
      [...source.matchAll(pattern)].map((m) => ({ file: relative(ROOT, file), key: m[2] as string })),
    );
  });
}

/** Every `{ key }` text inside a value (prompts, steps, cards). */
function textKeys(value: unknown, found = new Set<string>()): Set<string> {
  if (Array.isArray(value)) {
    for (const item of value) textKeys(item, found);
  } else if (typeof value === 'object' && value !== null) {
    const record = value as Record<string, unknown>;
    const isText = typeof record.key === 'string' && Object.keys(record).every((k) => k === 'key' || k === 'params');
    if (isText) found.add(record.key as string);
    else for (const item of Object.values(record)) textKeys(item, found);
  }
  return found;
}

/** Reports that between them reach every branch of the after-submit advice. */
function sampleReports(): Report[] {
  const base: Report = {
    urgent: false,
    language: 'sv',
    reporter: { onBehalf: false },
    target: {},
    categories: ['threat'],
    description: 'x',
    channels: ['sms'],
    ladderStep: 'text_message',
    when: { ongoing: false },
    where: {},
    perpetrator: {},
    evidence: [],
    police: {},
    support: {},
    informed: {},
    consentMunicipality: false,
  };
  return [
    base,
    { ...base, urgent: true, hateCrimeMotive: 'yes', consentMunicipality: true, categories: [...CATEGORIES] },
    { ...base, channels: [...CHANNELS] },
    ...policeStatusSchema.options.map((status) => ({ ...base, police: { status } })),
  ];
}

describe('the catalogs', () => {
  it('hold the same keys in Swedish and English', () => {
    const sv = Object.keys(catalogs.sv);
    const en = Object.keys(catalogs.en);
    expect(sv.filter((key) => catalogs.en[key] === undefined)).toEqual([]);
    expect(en.filter((key) => catalogs.sv[key] === undefined)).toEqual([]);
  });

  it('use the same {placeholders} in both languages', () => {
    const differing = Object.keys(catalogs.sv)
      .filter((key) => catalogs.en[key] !== undefined)
      .filter((key) => placeholders(catalogs.sv[key] as string) !== placeholders(catalogs.en[key] as string))
      .map(
        (key) =>
          `${key}: sv {${placeholders(catalogs.sv[key] as string)}} en {${placeholders(catalogs.en[key] as string)}}`,
      );
    expect(differing).toEqual([]);
  });

  it('have no empty wording', () => {
    for (const language of LANGUAGES) {
      const empty = Object.entries(catalogs[language]).filter(([, text]) => text.trim() === '');
      expect(empty).toEqual([]);
    }
  });

  it('define each key in one catalog file only (a later spread would silently win)', () => {
    for (const language of LANGUAGES) {
      const dir = join(ROOT, 'src', 'i18n', language);
      const owner = new Map<string, string>();
      const twice: string[] = [];
      for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts'))) {
        // eslint-disable-next-line @typescript-eslint/no-require-imports -- each catalog file is loaded by name here
        const exported = require(join(dir, file)) as Record<string, Catalog>;
        for (const catalog of Object.values(exported)) {
          for (const key of Object.keys(catalog)) {
            const first = owner.get(key);
            if (first !== undefined && first !== file) twice.push(`${key} in ${first} and ${file}`);
            owner.set(key, file);
          }
        }
      }
      expect(twice).toEqual([]);
    }
  });

  it('hold every key that dialogs/ and src/ name literally', () => {
    const found = literalKeys();
    // The scan must find the engine's own keys, or the patterns have stopped matching anything.
    expect(found.map((f) => f.key)).toEqual(expect.arrayContaining(['engine.stale', 'report.emergency.question']));
    const missing = found
      .filter(({ key }) => LANGUAGES.some((language) => catalogs[language][key] === undefined))
      .map(({ file, key }) => `${file}: ${key}`);
    expect([...new Set(missing)]).toEqual([]);
  });

  it('hold every key the report dialog shows, in both languages', () => {
    const keys = textKeys([reportDialog.intro, ...sampleReports().map((r) => reportDialog.afterSubmit(r))]);
    keys.add(reportDialog.summaryTitle);
    for (const step of reportDialog.steps) {
      for (const key of [step.text, step.hint, step.help, step.summaryLabel]) if (key) keys.add(key);
      textKeys(step.input, keys);
      textKeys(step.after?.('yes', {}) ?? [], keys);
    }
    expect(keys.size).toBeGreaterThan(100);
    for (const language of LANGUAGES) {
      expect([...keys].filter((key) => catalogs[language][key] === undefined)).toEqual([]);
      for (const key of keys) expect(() => translate(language, { key })).not.toThrow();
    }
  });
});
