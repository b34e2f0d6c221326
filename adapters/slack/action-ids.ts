/**
 * Slack wants every action_id unique within a block, while the core wants its own ids back untouched. Buttons
 * therefore carry `<core id>#<suffix>`, and the suffix is stripped before the core sees the press. A suffix
 * `m<n>.<key>` marks a button that first asks for input in a modal; `key` names the stored modal description.
 */
const SEPARATOR = '#';

/** Elements whose changes Slack reports (checkbox ticks, picked dates) but that are read only when OK is pressed. */
export const INPUT_ACTION = 'vp:input';

/** The suffix of the OK button beside checkboxes and date pickers: its press reads the message's inputs. */
export const OK_SUFFIX = 'ok';

/** The action_id of a button: the core's id with a suffix unique within the message. */
export function slackActionId(coreId: string, index: number | string, modalKey?: string): string {
  return modalKey === undefined ? `${coreId}${SEPARATOR}${index}` : `${coreId}${SEPARATOR}m${index}.${modalKey}`;
}

/** Reads an action_id back: the core's id, the suffix, and the modal key when the button asks for input first. */
export function parseSlackActionId(actionId: string): { id: string; suffix: string; modalKey?: string } {
  const at = actionId.indexOf(SEPARATOR);
  if (at < 0) return { id: actionId, suffix: '' };
  const id = actionId.slice(0, at);
  const suffix = actionId.slice(at + 1);
  const modal = /^m\d+\.([0-9a-f]+)$/.exec(suffix);
  return modal?.[1] ? { id, suffix, modalKey: modal[1] } : { id, suffix };
}
