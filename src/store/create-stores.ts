import { resolveKeyring } from '../crypto/resolve-keyring';
import type { Stores } from '../ports/stores';
import { createEmbeddedStores } from './embedded/create-embedded-stores';
import { DATA_KEY_NAMESPACE } from './encrypted/data-keys';
import { withEncryption, type EncryptedStores } from './encrypted/with-encryption';

/** Which backend to open: MongoDB when a URI is configured, otherwise the embedded files under `dataDir`. */
export interface StoresConfig {
  /** MONGODB_URI; may carry credentials, never printed. */
  mongodbUri?: string;
  /** MONGODB_DB; otherwise the URI's database, otherwise `vaktpost`. */
  mongodbDb?: string;
  /** DATA_DIR for the embedded store; undefined keeps it in memory (tests). */
  dataDir?: string;
  /** VAKTPOST_MASTER_KEYS. */
  masterKeys?: string;
  /** VAKTPOST_KEY_FILE. */
  keyFile?: string;
  /** Told once when a key file was just created (the start-up log). */
  onNotice?: (notice: string) => void;
}

/** Opens the backend without encryption: for the encryption layer itself and tools that re-wrap keys. */
export async function openBackend(config: StoresConfig): Promise<Stores> {
  const mongo = config.mongodbUri !== undefined && config.mongodbUri !== '';
  if (mongo) {
    // The MongoDB driver is loaded only when it is used (about 20 MB the embedded store does without).
    const { createMongoStores } = await import('./mongo/create-mongo-stores');
    return createMongoStores({
      uri: config.mongodbUri as string,
      ...(config.mongodbDb === undefined || config.mongodbDb === '' ? {} : { dbName: config.mongodbDb }),
    });
  }
  return createEmbeddedStores(config.dataDir === undefined ? {} : { dataDir: config.dataDir });
}

/**
 * Opens the configured store with everything members write encrypted at rest (src/store/encrypted). MongoDB without
 * a configured key refuses before connecting; the embedded store creates its key file on first start.
 */
export async function createStores(config: StoresConfig): Promise<EncryptedStores> {
  const mongo = config.mongodbUri !== undefined && config.mongodbUri !== '';
  if (mongo && !config.masterKeys?.trim() && !config.keyFile?.trim()) {
    // Refuse before connecting: resolveKeyring gives the message.
    await resolveKeyring({ mongo: true, hasDataKeys: () => Promise.resolve(false) }, new Date());
  }
  const inner = await openBackend(config);
  try {
    const resolved = await resolveKeyring(
      {
        mongo,
        ...(config.masterKeys === undefined ? {} : { masterKeys: config.masterKeys }),
        ...(config.keyFile === undefined ? {} : { keyFile: config.keyFile }),
        ...(mongo || config.dataDir === undefined ? {} : { dataDir: config.dataDir }),
        hasDataKeys: async () => (await inner.keyValues.list(DATA_KEY_NAMESPACE)).length > 0,
      },
      new Date(),
    );
    const stores = await withEncryption(inner, resolved.keyring, resolved.source);
    if (resolved.notice) config.onNotice?.(resolved.notice);
    return stores;
  } catch (error) {
    await inner.close();
    throw error;
  }
}
