import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

/** Runs the probe in a Node of its own (it needs V8's natives syntax) and returns what it printed. */
function probe(...args: string[]): Record<string, unknown> {
  const result = spawnSync(
    process.execPath,
    ['--allow-natives-syntax', '--import', 'tsx', join(__dirname, 'compact-unset-probe.ts'), ...args],
    { encoding: 'utf8' },
  );
  if (result.status !== 0) throw new Error(`probe failed: ${result.stderr}`);
  return JSON.parse(result.stdout.trim().split('\n').pop() ?? '{}') as Record<string, unknown>;
}

describe('the embedded store after an update with $unset (a sent message, a handled turn)', () => {
  it('keeps the document a compact object, with the field gone and the rest as set', () => {
    const out = probe();
    expect(out.unsetCompact).toBe(true);
    expect(out.setCompact).toBe(true);
    expect(out.unsetDoc).toEqual({ _id: 'unset', status: 'sent', n: 1 });
    expect(out.found).toEqual({ _id: 'unset', status: 'sent', n: 1 });
  });

  it('is needed: NeDB alone leaves such a document a dictionary-mode object (several times the memory)', () => {
    const out = probe('--without');
    expect(out.unsetCompact).toBe(false);
    expect(out.setCompact).toBe(true);
  });
});
