import type { Language } from '../../src/domain/report';
import type { Text } from '../../src/engine/prompt';
import { translate } from '../../src/i18n/translate';
import { escapeSlack } from './escape';
import type { ModalSpec } from './modal';

/** What one rendering needs: the language, a counter for unique action_ids, and the modals its buttons open. */
export interface RenderContext {
  language: Language;
  /** The next number for an action_id suffix, unique within the message. */
  next(): number;
  /** Modal descriptions by key, to be stored before the message is posted. */
  modals: Map<string, ModalSpec>;
}

/** A fresh context for one message or view. */
export function renderContext(language: Language): RenderContext {
  let counter = 0;
  return { language, next: () => counter++, modals: new Map() };
}

/** Translates and escapes: every string reaches Slack escaped, whoever wrote it. */
export function esc(ctx: RenderContext, text: Text): string {
  return escapeSlack(translate(ctx.language, text));
}

/**
 * True when the text holds anything a person wrote: raw text, or a string parameter (a name, a note, a reason).
 * Such text is posted as `plain_text`, so `*bold*`, `_it_`, `` `code` ``, links and mentions in it stay characters.
 */
export function carriesUserText(text: Text): boolean {
  if ('raw' in text) return true;
  if ('join' in text) return text.join.some(carriesUserText);
  if ('time' in text) return false;
  return Object.values(text.params ?? {}).some(
    (p) => typeof p === 'string' || (typeof p === 'object' && carriesUserText(p)),
  );
}
