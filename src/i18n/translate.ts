import type { Language } from '../domain/report';
import type { Text, TextParam } from '../engine/prompt';
import { catalogs } from './catalogs';
import { formatTime } from './format-time';

/** The language for a platform locale such as `sv-SE` or `en-US`; Swedish when unknown. */
export function languageFromLocale(locale: string | undefined | null): Language {
  if (locale && /^en\b/i.test(locale.trim())) return 'en';
  return 'sv';
}

/** Translates a key with `{name}` parameters; raw text is returned as given. A missing key is a bug and throws. */
export function translate(language: Language, text: Text): string {
  if ('raw' in text) return text.raw;
  if ('time' in text) return formatTime(language, text.time, text.style);
  if ('join' in text) return text.join.map((part) => translate(language, part)).join(text.separator ?? ', ');
  const params = text.params ?? {};
  const template = pluralOf(language, text.key, params.count) ?? catalogs[language][text.key];
  if (template === undefined) throw new Error(`i18n: missing key "${text.key}" for language "${language}"`);
  // Most lines have no parameter: no scan with a regular expression and a callback for them.
  if (!template.includes('{')) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    if (typeof value === 'number') return NUMBERS[language].format(value);
    return typeof value === 'object' ? translate(language, value) : String(value);
  });
}

const LOCALES: Record<Language, string> = { sv: 'sv-SE', en: 'en-GB' };
const PLURALS: Record<Language, Intl.PluralRules> = {
  sv: new Intl.PluralRules(LOCALES.sv),
  en: new Intl.PluralRules(LOCALES.en),
};
// "4 000" in Swedish, "4,000" in English.
const NUMBERS: Record<Language, Intl.NumberFormat> = {
  sv: new Intl.NumberFormat(LOCALES.sv),
  en: new Intl.NumberFormat(LOCALES.en),
};

/**
 * Real plurals: a key may have a singular form `<key>#one` ("1 fil" / "3 filer"), chosen by the language's plural
 * rules for the parameter `count`.
 */
function pluralOf(language: Language, key: string, count: TextParam | undefined): string | undefined {
  if (typeof count !== 'number') return undefined;
  return PLURALS[language].select(count) === 'one' ? catalogs[language][`${key}#one`] : undefined;
}

/** Shorthand: translate a key directly. */
export function t(language: Language, key: string, params?: Record<string, TextParam>): string {
  return translate(language, params === undefined ? { key } : { key, params });
}

/** True when the key exists (used where a key is optional, e.g. per-step help). */
export function hasKey(language: Language, key: string): boolean {
  return catalogs[language][key] !== undefined;
}
