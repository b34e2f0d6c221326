import { findOrInstallFerretDb, FERRETDB_HANDLE, startFerretDb, type RunningFerretDb } from './ferretdb';

/**
 * Gives the MongoDB store's tests a server: MONGODB_URI when set, otherwise a FerretDB started for this run. Runs in
 * Jest's parent process; the URI reaches the workers through the environment they inherit.
 */
export default async function globalSetup(): Promise<void> {
  const given = process.env.MONGODB_URI;
  if (given !== undefined && given !== '') {
    process.env.VAKTPOST_TEST_MONGODB_URI = given;
    return;
  }
  const server = await startFerretDb(findOrInstallFerretDb());
  (globalThis as Record<symbol, RunningFerretDb | undefined>)[FERRETDB_HANDLE] = server;
  process.env.VAKTPOST_TEST_MONGODB_URI = server.uri;
}
