import { z } from 'zod';
import type { IncomingTurn } from '../../src/engine/turn';

/**
 * The `data` we put on every Action.Execute (and its Action.Submit fallback). The core's action id and value travel
 * untouched; the `*Id` fields name the card inputs whose values Teams merges into the same object on a press, so the
 * parser knows which of them belong to this button (a card may hold several forms, and input ids must be unique).
 */
export const actionDataSchema = z
  .object({
    actionId: z.string().min(1).max(200),
    value: z.string().max(4000),
    /** A text field or picker beside a card action (a note, a reason, a successor): its value becomes `action.input`. */
    inputId: z.string().optional(),
    /** A question's picker (one or several choices): its comma-separated value becomes `action.values`. */
    valuesId: z.string().optional(),
    /**
     * A question's date field and optional time field: together they become the one entry of `action.values`
     * (`YYYY-MM-DD` or `YYYY-MM-DDTHH:MM`), the way every adapter hands the core a picked answer.
     */
    dateId: z.string().optional(),
    timeId: z.string().optional(),
  })
  .loose();

export type ActionData = z.infer<typeof actionDataSchema>;

/** The data for a button; `extra` names its inputs. */
export function actionData(
  actionId: string,
  value: string,
  extra: Pick<ActionData, 'inputId' | 'valuesId' | 'dateId' | 'timeId'> = {},
): ActionData {
  return { actionId, value, ...extra };
}

/**
 * Reads a press back into the neutral action; null when the data is not ours (an old or foreign card). The verb wins
 * over `actionId` because it is what Teams routes on; both are set to the same id by the renderer.
 */
export function actionFromData(verb: string | undefined, raw: unknown): IncomingTurn['action'] | null {
  const parsed = actionDataSchema.safeParse(raw);
  if (!parsed.success) return null;
  const data = parsed.data;
  const field = (id: string | undefined): string | undefined => {
    if (id === undefined) return undefined;
    const value = (data as Record<string, unknown>)[id];
    return typeof value === 'string' ? value : undefined;
  };
  const action: NonNullable<IncomingTurn['action']> = { id: verb || data.actionId, value: data.value };
  const text = field(data.inputId);
  if (text !== undefined && text.trim() !== '') action.input = text;
  if (data.valuesId !== undefined) {
    action.values = (field(data.valuesId) ?? '')
      .split(',')
      .map((v) => v.trim())
      .filter((v) => v !== '');
  }
  if (data.dateId !== undefined) {
    const date = field(data.dateId)?.trim();
    const time = field(data.timeId)?.trim();
    action.values = date ? [time ? `${date}T${time.slice(0, 5)}` : date] : [];
  }
  return action;
}
