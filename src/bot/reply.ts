import type { Language } from '../domain/report';
import type { MessagePrompt, Prompt, TextParam } from '../engine/prompt';
import { join, tx } from '../engine/prompt';
import type { TurnNotifier } from '../delivery/turn-scope';

/**
 * Queues prompts to one address in one language, in order, as few messages as carry them (`asFewMessages`), in one
 * write. Only through a turn's own outbox: their ids derive from the turn, so a replay queues nothing twice.
 */
export async function reply(
  notifier: TurnNotifier,
  address: string,
  language: Language,
  prompts: Prompt[],
): Promise<void> {
  return notifier.sendAll(
    address,
    asFewMessages(prompts).map((prompt) => ({ language, prompt })),
  );
}

/**
 * One message per turn wherever one can carry it: plain messages before a question become the question's lead
 * (the acknowledgement and the next question arrive together), and plain messages of one tone in a row become one.
 * A card stays a message of its own (it has its own title and buttons). Deterministic, so a replayed turn queues
 * the same messages under the same ids.
 */
export function asFewMessages(prompts: Prompt[]): Prompt[] {
  const out: Prompt[] = [];
  let pending: MessagePrompt[] = [];
  const flush = (): void => {
    for (const group of sameToneRuns(pending)) out.push(group);
    pending = [];
  };
  for (const prompt of prompts) {
    if (prompt.kind === 'message') pending.push(prompt);
    else if (prompt.kind === 'question' && pending.length > 0) {
      out.push({ ...prompt, lead: [...pending, ...(prompt.lead ?? [])] });
      pending = [];
    } else {
      flush();
      out.push(prompt);
    }
  }
  flush();
  return out;
}

/** Consecutive messages of the same tone as one message, their texts a paragraph each. */
function sameToneRuns(messages: MessagePrompt[]): MessagePrompt[] {
  const runs: MessagePrompt[][] = [];
  for (const m of messages) {
    const last = runs.at(-1);
    if (last && (last[0]?.tone ?? 'normal') === (m.tone ?? 'normal')) last.push(m);
    else runs.push([m]);
  }
  return runs.map((run) =>
    run.length === 1
      ? (run[0] as MessagePrompt)
      : {
          ...(run[0] as MessagePrompt),
          text: join(
            run.map((m) => m.text),
            '\n\n',
          ),
        },
  );
}

/** A plain message prompt. */
export function message(key: string, params?: Record<string, TextParam>): Prompt {
  return { kind: 'message', text: tx(key, params) };
}
