/** The Slack adapter: main.ts creates it with `createSlackAdapter(config, deps)` and mounts it on the one server. */
export {
  createSlackAdapter,
  SLACK_EVENTS_PATH,
  type SlackAdapter,
  type SlackAdapterConfig,
} from './create-slack-adapter';
export { renderPrompt, type RenderedPrompt } from './render-block-kit';
export { escapeSlack } from './escape';
