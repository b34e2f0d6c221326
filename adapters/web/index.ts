/** The local web demo adapter (issue 7): main.ts calls createWebAdapter({ directory }, adapterDeps). */
export { createWebAdapter, type WebAdapter, type WebAdapterConfig } from './adapter';
export { WEB_INBOX_NAMESPACE, WebNotifier } from './notifier';
