/** The Microsoft Teams adapter: only main.ts imports this. */
export { createTeamsAdapter, TEAMS_MESSAGES_PATH } from './create-teams-adapter';
export type { TeamsAdapterConfig } from './config';
export { renderAdaptiveCard, type AdaptiveCard } from './render-adaptive-card';
export { REF_NAMESPACE, USER_NAMESPACE } from './conversation-refs';
export { MESSAGE_NAMESPACE } from './teams-notifier';
