/** The Slack adapter: main.ts creates it with `createSlackAdapter(config, deps)` and mounts it on the one server. */
export { createSlackAdapter, SLACK_EVENTS_PATH, type SlackAdapter, type SlackAdapterConfig } from './adapter';
export { renderPrompt, type RenderedPrompt } from './render';
export { escapeSlack } from './escape';
