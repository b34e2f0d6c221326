import type { ConnectorCall } from './fake-connector';

/** A JSON object inside a card. */
export type CardNode = Record<string, unknown>;

/** Every object in a card (or any JSON value), depth first. */
export function cardNodes(value: unknown): CardNode[] {
  if (Array.isArray(value)) return value.flatMap(cardNodes);
  if (typeof value !== 'object' || value === null) return [];
  return [value as CardNode, ...Object.values(value).flatMap(cardNodes)];
}

/** What a person sees of a sent or updated card: its texts and facts, one per line. */
export function textOf(call: ConnectorCall | undefined): string {
  return cardNodes(call?.body.attachments)
    .flatMap((n) =>
      n.type === 'TextRun' || n.type === 'TextBlock'
        ? [String(n.text)]
        : n.title && n.value
          ? [`${n.title}: ${n.value}`]
          : [],
    )
    .join('\n');
}

/** The card's Action.Execute buttons. */
export function buttons(call: ConnectorCall | undefined): CardNode[] {
  return cardNodes(call?.body.attachments).filter((n) => n.type === 'Action.Execute');
}
