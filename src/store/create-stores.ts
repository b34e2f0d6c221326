import type { Stores } from '../ports/stores';
import { createEmbeddedStores } from './embedded/create-embedded-stores';
import { createMongoStores } from './mongo/create-mongo-stores';

/** Which backend to open: MongoDB when a URI is configured, otherwise the embedded files under `dataDir`. */
export interface StoresConfig {
  /** MONGODB_URI; may carry credentials, never printed. */
  mongodbUri?: string;
  /** MONGODB_DB; otherwise the URI's database, otherwise `vaktpost`. */
  mongodbDb?: string;
  /** DATA_DIR for the embedded store. */
  dataDir: string;
}

/** Opens the configured store; `description` says which one for the start-up line. */
export async function createStores(config: StoresConfig): Promise<Stores> {
  if (config.mongodbUri !== undefined && config.mongodbUri !== '') {
    return createMongoStores({
      uri: config.mongodbUri,
      ...(config.mongodbDb === undefined || config.mongodbDb === '' ? {} : { dbName: config.mongodbDb }),
    });
  }
  return createEmbeddedStores({ dataDir: config.dataDir });
}
