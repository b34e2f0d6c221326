/** The Microsoft Teams adapter: only main.ts imports this. */
export { createTeamsAdapter, TEAMS_MESSAGES_PATH } from './adapter';
export type { TeamsAdapterConfig } from './config';
export { renderAdaptiveCard, type AdaptiveCard } from './render';
export { REF_NAMESPACE, USER_NAMESPACE } from './conversation-refs';
export { MESSAGE_NAMESPACE } from './notifier';
