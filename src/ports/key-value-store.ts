/**
 * Small records adapters must keep: channel bindings (Teams), conversation references, the platform message id of
 * each alert (to update it for everyone). Values are JSON-safe.
 */
export interface KeyValueStore {
  get<T>(namespace: string, key: string): Promise<T | null>;
  /** Creates or replaces. */
  put<T>(namespace: string, key: string, value: T): Promise<void>;
  delete(namespace: string, key: string): Promise<void>;
  /** All entries of a namespace. */
  list<T>(namespace: string): Promise<Array<{ key: string; value: T }>>;
}
