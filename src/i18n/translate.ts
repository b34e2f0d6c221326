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
  const template = catalogs[language][text.key];
  if (template === undefined) throw new Error(`i18n: missing key "${text.key}" for language "${language}"`);
  const params = text.params ?? {};
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    return typeof value === 'object' ? translate(language, value) : String(value);
  });
}

/** Shorthand: translate a key directly. */
export function t(language: Language, key: string, params?: Record<string, TextParam>): string {
  return translate(language, params === undefined ? { key } : { key, params });
}

/** True when the key exists (used where a key is optional, e.g. per-step help). */
export function hasKey(language: Language, key: string): boolean {
  return catalogs[language][key] !== undefined;
}
