import { blobContract } from './blob-contract';
import { caseContract } from './case-contract';
import { coordinationContract } from './coordination-contract';
import type { MakeStores } from './harness';
import { inboxContract } from './inbox-contract';
import { recordContract } from './record-contract';
import { restartContract } from './restart-contract';

export type { MakeStores, StoreHarness } from './harness';

/**
 * The storage contract every backend passes (compare vercel/chat's adapter contracts): the same behaviour, races
 * included, whether cases live in NeDB files or in MongoDB.
 */
export function runStoreContract(name: string, makeStores: MakeStores): void {
  describe(`${name} store contract`, () => {
    describe('cases', () => caseContract(makeStores));
    describe('records', () => recordContract(makeStores));
    describe('inbox', () => inboxContract(makeStores));
    describe('coordination', () => coordinationContract(makeStores));
    describe('restart', () => restartContract(makeStores));
    describe('blobs', () => blobContract(makeStores));
  });
}
