import { createPinoLogger } from '../../src/logging/pino-logger';

function capture(level: 'debug' | 'info', format: 'json' | 'pretty') {
  const lines: string[] = [];
  const logger = createPinoLogger({ level, format, destination: { write: (l) => lines.push(l) } });
  return { logger, lines };
}

describe('the pino logger behind the Logger port', () => {
  it('writes one JSON line per entry with the level as a word, and redacts fields that may hold what someone wrote', () => {
    const { logger, lines } = capture('info', 'json');
    logger.info('case taken', { caseId: 'case-1', text: 'Han vet var jag bor', displayName: 'Mira Medlem' });
    const entry = JSON.parse(lines[0] ?? '{}') as Record<string, unknown>;
    expect(entry).toMatchObject({ level: 'info', message: 'case taken', caseId: 'case-1' });
    expect(entry.text).toBe('[redacted]');
    expect(entry.displayName).toBe('[redacted]');
    expect(lines.join('')).not.toContain('Han vet');
    expect(typeof entry.time).toBe('string');
  });

  it('leaves debug out unless LOG_LEVEL=debug', () => {
    const quiet = capture('info', 'json');
    quiet.logger.debug('relay moved', { moved: 2 });
    expect(quiet.lines).toEqual([]);
    const loud = capture('debug', 'json');
    loud.logger.debug('relay moved', { moved: 2 });
    expect(JSON.parse(loud.lines[0] ?? '{}')).toMatchObject({ level: 'debug', moved: 2 });
  });

  it('prints readable lines for a terminal', () => {
    const { logger, lines } = capture('info', 'pretty');
    logger.warn('slack: retrying', { attempt: 2, note: 'secret words' });
    expect(lines[0]).toMatch(/^\d\d:\d\d:\d\d WARN {2}slack: retrying {2}attempt=2 note=\[redacted\]\n$/);
  });
});
