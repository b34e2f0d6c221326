import { adapterDepsFor } from '../../support/adapter-deps';
/** A certificate instead of a client secret: checked at start-up, so a wrong file stops the start, not the first send. */
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTeamsAdapter } from '../../../adapters/teams';
import type { TeamsAdapterConfig } from '../../../adapters/teams/config';
import { systemClock } from '../../../src/ports/clock';
import { createMemoryLogger } from '../../../src/ports/logger';
import { createEmbeddedStores } from '../../../src/store/embedded/create-embedded-stores';

const APP_ID = '11111111-2222-3333-4444-555555555555';
const TENANT = '99999999-8888-7777-6666-555555555555';
const THUMBPRINT = 'A1B2C3D4E5F60718293A4B5C6D7E8F9012345678';

describe('Teams with a certificate', () => {
  const dir = mkdtempSync(join(tmpdir(), 'vaktpost-cert-'));
  const keyFile = join(dir, 'key.pem');
  writeFileSync(
    keyFile,
    generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }),
  );
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  async function start(overrides: Partial<TeamsAdapterConfig>) {
    const stores = await createEmbeddedStores({});
    return createTeamsAdapter(
      { appId: APP_ID, appType: 'SingleTenant', tenantId: TENANT, devNoAuth: false, ...overrides },
      adapterDepsFor(
        stores,
        { handleTurn: async () => undefined },
        { logger: createMemoryLogger(), clock: systemClock },
      ),
    );
  }

  it('starts with a thumbprint and a PEM key file and no client secret', async () => {
    const adapter = await start({
      certificateThumbprint: THUMBPRINT,
      certificateKeyFile: keyFile,
      fetchToken: async () => 'token',
    });
    expect(await adapter.checkReady?.()).toEqual({ ok: true });
  });

  it('refuses what would fail only at the first send, naming the setting', async () => {
    await expect(start({ certificateThumbprint: THUMBPRINT })).rejects.toThrow(
      /MicrosoftAppCertificateThumbprint and MicrosoftAppCertificateKeyFile go together/,
    );
    await expect(
      start({ certificateThumbprint: THUMBPRINT, certificateKeyFile: join(dir, 'missing.pem') }),
    ).rejects.toThrow(/cannot read MicrosoftAppCertificateKeyFile .*missing\.pem \(ENOENT\)/);
    const notPem = join(dir, 'cert.txt');
    writeFileSync(notPem, 'not a key');
    await expect(start({ certificateThumbprint: THUMBPRINT, certificateKeyFile: notPem })).rejects.toThrow(
      /holds no PEM private key/,
    );
    await expect(start({ certificateThumbprint: 'abc', certificateKeyFile: keyFile })).rejects.toThrow(/40 hex digits/);
    await expect(
      start({ certificateThumbprint: THUMBPRINT, certificateKeyFile: keyFile, appPassword: 'x' }),
    ).rejects.toThrow(/either MicrosoftAppPassword or a certificate/);
    await expect(start({})).rejects.toThrow(/MicrosoftAppPassword \(or a certificate/);
  });
});
