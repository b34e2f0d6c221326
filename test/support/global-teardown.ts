import { FERRETDB_HANDLE, type RunningFerretDb } from './ferretdb';

/** Stops the FerretDB that global set-up started (nothing to do when MONGODB_URI was used). */
export default async function globalTeardown(): Promise<void> {
  const handles = globalThis as Record<symbol, RunningFerretDb | undefined>;
  const server = handles[FERRETDB_HANDLE];
  handles[FERRETDB_HANDLE] = undefined;
  await server?.stop();
}
