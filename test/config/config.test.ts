/** Every setting is checked before anything opens or listens, with a message naming the variable and the fix. */
import { mkdtempSync, existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createVaktpost } from '../../main';
import { loadConfig } from '../../src/config/config';
import { isVaktpostError } from '../../src/domain/errors';
import { createMemoryLogger } from '../../src/ports/logger';

function refusal(env: Record<string, string>): string {
  try {
    loadConfig(env);
  } catch (error) {
    if (isVaktpostError(error, 'config.invalid')) return error.message;
    throw error;
  }
  throw new Error('accepted');
}

describe('configuration', () => {
  it('a bad REMINDER_CRON stops start-up before the store opens or the server listens', async () => {
    const parent = mkdtempSync(join(tmpdir(), 'vaktpost-config-'));
    const dataDir = join(parent, 'data');
    const logger = createMemoryLogger();
    try {
      await expect(
        createVaktpost({ env: { PORT: '0', DATA_DIR: dataDir, REMINDER_CRON: 'every morning' }, logger }),
      ).rejects.toThrow(/REMINDER_CRON: is not a cron expression.*"0 8 \* \* \*" is 08:00 every day/);
      expect(existsSync(dataDir)).toBe(false);
      expect(logger.lines.map((l) => l.message)).not.toContain('listening');
    } finally {
      rmSync(parent, { recursive: true, force: true });
    }
  });

  it('expires unfinished sessions after 72 hours by default; SESSION_EXPIRY_HOURS must be whole hours, 1 to 2160', () => {
    expect(loadConfig({}).SESSION_EXPIRY_HOURS).toBe(72);
    expect(loadConfig({ SESSION_EXPIRY_HOURS: '24' }).SESSION_EXPIRY_HOURS).toBe(24);
    expect(refusal({ SESSION_EXPIRY_HOURS: 'three days' })).toMatch(/SESSION_EXPIRY_HOURS/);
    expect(refusal({ SESSION_EXPIRY_HOURS: '1.5' })).toMatch(/SESSION_EXPIRY_HOURS.*whole number of hours/);
    expect(refusal({ SESSION_EXPIRY_HOURS: '0' })).toMatch(/at least 1 hour/);
    expect(refusal({ SESSION_EXPIRY_HOURS: '5000' })).toMatch(/at most 2160 hours/);
  });

  it('accepts the default and a valid REMINDER_CRON', () => {
    expect(loadConfig({}).REMINDER_CRON).toBe('0 8 * * *');
    expect(loadConfig({ REMINDER_CRON: '30 7 * * 1-5' }).REMINDER_CRON).toBe('30 7 * * 1-5');
    expect(refusal({ REMINDER_CRON: '61 8 * * *' })).toMatch(/REMINDER_CRON/);
  });

  it('checks for escalations every five minutes by default; a bad ESCALATION_CRON is refused, saying the form', () => {
    expect(loadConfig({}).ESCALATION_CRON).toBe('*/5 * * * *');
    expect(loadConfig({ ESCALATION_CRON: '*/2 * * * *' }).ESCALATION_CRON).toBe('*/2 * * * *');
    expect(refusal({ ESCALATION_CRON: 'often' })).toMatch(
      /ESCALATION_CRON: is not a cron expression.*every five minutes/,
    );
  });

  it('refuses Microsoft ids that are not GUIDs, saying where the right one is', () => {
    const teams = { MicrosoftAppPassword: 'secret', MicrosoftAppTenantId: '99999999-8888-7777-6666-555555555555' };
    expect(refusal({ ...teams, MicrosoftAppId: 'abc' })).toMatch(
      /MicrosoftAppId: must be a GUID like 00000000-0000-0000-0000-000000000000 \(the Azure Bot's "Microsoft App ID"/,
    );
    expect(
      refusal({ ...teams, MicrosoftAppId: '11111111-2222-3333-4444-555555555555', MicrosoftAppTenantId: 'contoso' }),
    ).toMatch(/MicrosoftAppTenantId: must be a GUID.*Directory \(tenant\) ID/);
    expect(loadConfig({ ...teams, MicrosoftAppId: '11111111-2222-3333-4444-555555555555' }).MicrosoftAppId).toBe(
      '11111111-2222-3333-4444-555555555555',
    );
  });
});
