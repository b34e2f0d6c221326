import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const ROOT = join(__dirname, '..', '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir)).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(join(ROOT, path)).isDirectory()) return sourceFiles(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

function importsOf(file: string): string[] {
  const text = readFileSync(join(ROOT, file), 'utf8');
  const found: string[] = [];
  for (const match of text.matchAll(/(?:from\s+|import\s*\(\s*|require\s*\(\s*|import\s+)['"]([^'"]+)['"]/g)) {
    found.push(match[1] as string);
  }
  return found;
}

const PLATFORM_SDKS = [/^@slack\//, /^@microsoft\//, /^botbuilder/, /^botframework/, /^playwright/];

describe('import rules of ARCHITECTURE.md', () => {
  const srcFiles = sourceFiles('src');

  it('finds the source files it checks', () => {
    expect(srcFiles.length).toBeGreaterThan(20);
  });

  it('nothing in src/ imports adapters/ or dialogs/ (only main.ts wires them)', () => {
    const offenders = srcFiles.flatMap((file) =>
      importsOf(file)
        .filter((spec) => spec.startsWith('.') && /(^|\/)(adapters|dialogs)(\/|$)/.test(join(file, '..', spec)))
        .map((spec) => `${file} imports ${spec}`),
    );
    expect(offenders).toEqual([]);
  });

  it('nothing in src/ imports a platform SDK', () => {
    const offenders = srcFiles.flatMap((file) =>
      importsOf(file)
        .filter((spec) => PLATFORM_SDKS.some((re) => re.test(spec)))
        .map((spec) => `${file} imports ${spec}`),
    );
    expect(offenders).toEqual([]);
  });

  it('only the MongoDB store imports mongodb', () => {
    const everywhere = [...srcFiles, ...sourceFiles('adapters'), ...sourceFiles('dialogs'), 'main.ts'];
    const offenders = everywhere
      .filter((file) => importsOf(file).some((spec) => spec === 'mongodb' || spec.startsWith('mongodb/')))
      .filter((file) => !relative('src/store/mongo', file).match(/^[^.]/));
    expect(offenders).toEqual([]);
  });

  it('only the scheduler wiring imports node-cron', () => {
    const everywhere = [...srcFiles, ...sourceFiles('adapters'), ...sourceFiles('dialogs'), 'main.ts'];
    const offenders = everywhere.filter(
      (file) => importsOf(file).includes('node-cron') && file !== join('src', 'reminders', 'schedule.ts'),
    );
    expect(offenders).toEqual([]);
  });

  it('the engine and the dialogs do no I/O and read no clock', () => {
    const pure = [...sourceFiles('src/engine'), ...sourceFiles('dialogs')];
    const offenders = pure.filter((file) => {
      const text = readFileSync(join(ROOT, file), 'utf8');
      return (
        /\bnew Date\(\)|Date\.now\(|Math\.random\(/.test(text) ||
        importsOf(file).some((spec) => spec.startsWith('node:') || spec === 'fs' || spec === 'http')
      );
    });
    expect(offenders).toEqual([]);
  });
});
