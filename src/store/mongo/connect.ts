import { MongoClient, type Db } from 'mongodb';
import { VaktpostError } from '../../domain/errors';

/** Where the MongoDB store connects. */
export interface MongoStoresConfig {
  /** Connection string; may carry credentials, which are never printed. */
  uri: string;
  /** Database name; otherwise the one in the URI's path, otherwise `vaktpost`. */
  dbName?: string;
}

/** An open connection and what to tell the operator about it. */
export interface MongoConnection {
  client: MongoClient;
  db: Db;
  description: string;
  /** False on FerretDB, which refuses `expireAfterSeconds` ("not implemented yet"): expiry is by pruning there. */
  ttlIndexes: boolean;
}

/** The database named in the path of a connection string (`mongodb://host/<db>?…`), or null. */
export function databaseNameFromUri(uri: string): string | null {
  const match = /^mongodb(?:\+srv)?:\/\/[^/?]*\/([^?]*)/.exec(uri);
  const name = match?.[1] === undefined ? '' : decodeURIComponent(match[1]);
  return name === '' ? null : name;
}

/** The connection string without user name and password, for messages. */
export function redactUri(uri: string): string {
  return uri.replace(/^(mongodb(?:\+srv)?:\/\/)[^@/]*@/, '$1***@');
}

function connectionError(uri: string, error: unknown): VaktpostError {
  const password = /^mongodb(?:\+srv)?:\/\/[^:@/]*:([^@/]*)@/.exec(uri)?.[1];
  let reason = error instanceof Error ? error.message : String(error);
  if (password !== undefined && password !== '') {
    for (const secret of [password, decodeURIComponent(password)]) reason = reason.split(secret).join('***');
  }
  return new VaktpostError('store.unavailable', `Cannot connect to MongoDB at ${redactUri(uri)}: ${reason}`);
}

async function open(uri: string, maxPoolSize?: number): Promise<MongoClient> {
  // ignoreUndefined: an optional field left undefined must stay absent, not come back as null and fail validation.
  // A start-up against an unreachable server fails within 10 s unless the URI asks for another timeout.
  const timeout = /[?&]serverSelectionTimeoutMS=/i.test(uri) ? {} : { serverSelectionTimeoutMS: 10_000 };
  const client = new MongoClient(uri, {
    ignoreUndefined: true,
    appName: 'vaktpost',
    ...timeout,
    ...(maxPoolSize === undefined ? {} : { maxPoolSize }),
  });
  try {
    await client.connect();
  } catch (error) {
    await client.close();
    throw connectionError(uri, error);
  }
  return client;
}

/**
 * Connects and picks the database. FerretDB v1 runs a conditional update as a read and a separate write (FerretDB
 * issue 3040), so two requests in flight at once can both pass the condition; on FerretDB v1 we therefore send one
 * request at a time over a single connection, which restores the compare-and-set within this process.
 */
export async function connectMongo(config: MongoStoresConfig): Promise<MongoConnection> {
  const dbName = config.dbName ?? databaseNameFromUri(config.uri) ?? 'vaktpost';
  let client = await open(config.uri);
  const info = await client.db(dbName).admin().command({ buildInfo: 1 });
  const ferretdb = typeof info.ferretdbVersion === 'string' ? info.ferretdbVersion : null;
  if (ferretdb !== null && /^v?1\./.test(ferretdb)) {
    await client.close();
    client = await open(config.uri, 1);
    return {
      client,
      db: client.db(dbName),
      description: `MongoDB (database ${dbName}, FerretDB ${ferretdb}, one connection)`,
      ttlIndexes: false,
    };
  }
  return {
    client,
    db: client.db(dbName),
    description: `MongoDB (database ${dbName}${ferretdb === null ? '' : `, FerretDB ${ferretdb}`})`,
    ttlIndexes: ferretdb === null,
  };
}

/**
 * Runs `work` against the database and closes the connection: for tests and maintenance scripts (dropping a test
 * database, planting a damaged document), so that nothing outside this folder imports the driver.
 */
export async function withMongoDatabase<T>(config: MongoStoresConfig, work: (db: Db) => Promise<T>): Promise<T> {
  const { client, db } = await connectMongo(config);
  try {
    return await work(db);
  } finally {
    await client.close();
  }
}

/**
 * True when a write was refused by a unique index: MongoDB's E11000, or the SQLite constraint message FerretDB v1
 * returns (with code 1) when a replacement collides on a unique field.
 */
export function isDuplicateKeyError(error: unknown): boolean {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  return code === 11000 || (typeof message === 'string' && message.includes('UNIQUE constraint failed'));
}

/**
 * Runs an upsert again when a concurrent upsert of the same `_id` won the insert (MongoDB may answer E11000 then);
 * the second run finds the document and updates it.
 */
export async function upsertWithRetry<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (!isDuplicateKeyError(error)) throw error;
    return write();
  }
}
