import type { CardField } from '../../src/engine/prompt';
import type { Language } from '../../src/domain/report';
import { translate } from '../../src/i18n/translate';

/** One element of an Adaptive Card body; the schema is large, so we type only what we read back in tests. */
export type AcElement = { type: string } & Record<string, unknown>;

/** How a piece of text should stand out. */
export interface TextStyle {
  weight?: 'Bolder';
  color?: 'Attention' | 'Good' | 'Accent';
  size?: 'Medium' | 'Large';
  isSubtle?: boolean;
  italic?: boolean;
}

/**
 * Text as RichTextBlock/TextRun elements. A TextRun is never parsed as Markdown (unlike TextBlock), so what a member
 * wrote appears exactly as written and cannot become a link or formatting. Teams escapes are handled differently by
 * its desktop and mobile clients, so avoiding Markdown is sturdier than escaping it. One block per line, because
 * line breaks inside a run are not honoured by every client.
 */
export function textElements(text: string, style: TextStyle = {}): AcElement[] {
  const lines = text.split(/\r?\n/).filter((line) => line.trim() !== '');
  return lines.map((line, index) => ({
    type: 'RichTextBlock',
    ...(index > 0 ? { spacing: 'None' } : {}),
    inlines: [{ type: 'TextRun', text: line, ...style }],
  }));
}

/**
 * Backslash-escapes what CommonMark (the subset Adaptive Cards use in FactSet) would turn into emphasis, links, code,
 * headings, quotes or lists. FactSet has no plain-text variant, so here escaping is the only way.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\*_[\]()`~<>!|]/g, (c) => `\\${c}`)
    .split(/\r?\n/)
    .map((line) => line.replace(/^(\s*)([#+-])/, '$1\\$2').replace(/^(\s*\d+)\./, '$1\\.'))
    .join('\n\n');
}

/** Label and value pairs as a FactSet, every text escaped. */
export function factSet(language: Language, fields: CardField[]): AcElement {
  return {
    type: 'FactSet',
    facts: fields.map((field) => ({
      title: escapeMarkdown(translate(language, field.label)),
      value: escapeMarkdown(translate(language, field.value)),
    })),
  };
}
