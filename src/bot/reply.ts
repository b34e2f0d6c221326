import type { Language } from '../domain/report';
import type { Prompt, TextParam } from '../engine/prompt';
import { tx } from '../engine/prompt';
import type { Notifier } from '../ports/notifier';

/** Sends prompts to one address in one language, in order. */
export async function reply(notifier: Notifier, address: string, language: Language, prompts: Prompt[]): Promise<void> {
  if (notifier.sendAll)
    return notifier.sendAll(
      address,
      prompts.map((prompt) => ({ language, prompt })),
    );
  for (const prompt of prompts) await notifier.send(address, { language, prompt });
}

/** A plain message prompt. */
export function message(key: string, params?: Record<string, TextParam>): Prompt {
  return { kind: 'message', text: tx(key, params) };
}
