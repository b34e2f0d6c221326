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
