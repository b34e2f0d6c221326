import type { types } from '@slack/bolt';
import type { Language } from '../../src/domain/report';
import type { MessagePrompt, Prompt } from '../../src/engine/prompt';
import { translate } from '../../src/i18n/translate';
import { context, LIMITS, plainSections, textSections } from './blocks';
import { escapeSlack, fit } from './escape';
import type { ModalSpec } from './modal';
import { renderCard } from './render-card';
import { carriesUserText, renderContext } from './render-context';
import { renderQuestion } from './render-question';

/** A prompt in Block Kit, with the notification text and the modals its buttons may open. */
export interface RenderedPrompt {
  /** The notification and screen-reader text: a card's title only, never report text. */
  text: string;
  blocks: types.KnownBlock[];
  /** Modal descriptions by key; the notifier stores them before posting so a press can open them at once. */
  modals: Map<string, ModalSpec>;
}

/**
 * Renders a neutral prompt for a message (50 blocks at most) or a view such as the Home tab (100). Wording comes
 * from the core's texts only; every string is escaped.
 */
export function renderPrompt(
  prompt: Prompt,
  language: Language,
  surface: 'message' | 'view' = 'message',
): RenderedPrompt {
  const ctx = renderContext(language);
  const maxBlocks = surface === 'message' ? LIMITS.messageBlocks : LIMITS.viewBlocks;
  switch (prompt.kind) {
    case 'file':
      // The notifier uploads the file itself; this is the comment shared with it.
      return renderPrompt({ kind: 'message', text: prompt.text }, language, surface);
    case 'message':
      return {
        text: fit(translate(language, prompt.text), LIMITS.sectionText),
        blocks: cap(messageBlocks(prompt, language), maxBlocks),
        modals: ctx.modals,
      };
    case 'question': {
      const lead = prompt.lead ?? [];
      return {
        // The notification shows what comes first: the lead, then the question.
        text: fit(
          [...lead.map((m) => m.text), prompt.text].map((t) => translate(language, t)).join('\n'),
          LIMITS.sectionText,
        ),
        blocks: cap([...lead.flatMap((m) => messageBlocks(m, language)), ...renderQuestion(prompt, ctx)], maxBlocks),
        modals: ctx.modals,
      };
    }
    case 'card':
      return {
        text: fit(translate(language, prompt.card.title), LIMITS.headerText),
        blocks: renderCard(prompt.card, ctx, maxBlocks),
        modals: ctx.modals,
      };
  }
}

/** A plain message's blocks (alone, or as the lead of a question). */
function messageBlocks(prompt: MessagePrompt, language: Language): types.KnownBlock[] {
  const text = escapeSlack(translate(language, prompt.text));
  // Urgent words (call 112) stand out: a siren and bold on every line, as mrkdwn bold cannot span lines.
  const shown =
    prompt.tone === 'urgent'
      ? `:rotating_light: ${text
          .split('\n')
          .map((line) => (line.trim() ? `*${line.trim()}*` : line))
          .join('\n')}`
      : text;
  // A message carrying a name or what someone wrote is shown exactly as written; urgent words are the core's.
  return prompt.tone !== 'urgent' && carriesUserText(prompt.text) ? plainSections(text) : textSections(shown);
}

function cap(blocks: types.KnownBlock[], max: number): types.KnownBlock[] {
  return blocks.length <= max ? blocks : [...blocks.slice(0, max - 1), context('…')];
}
