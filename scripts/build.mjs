/**
 * `npm run build`: compiles the app to dist/ with tsc (tsconfig.build.json) and copies the files tsc does not emit
 * (the web demo's static page), so `node dist/main.js` runs on plain Node without tsx or TypeScript.
 * The compiled folders are removed first, so a renamed source file leaves no stale .js behind; dist/teams (the Teams
 * package from `npm run package:teams`) is kept.
 * `--bench` (used by `npm run bench`) compiles bench/tsconfig.json instead: the same options and the same app, plus the
 * benchmark's own files (dist/bench, dist/test/support), so the benchmark runs what production runs.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import console from 'node:console';
import process from 'node:process';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
const project = process.argv.includes('--bench')
  ? join(root, 'bench', 'tsconfig.json')
  : join(root, 'tsconfig.build.json');
const compiledDirs = ['main.js', 'main.js.map', 'main.d.ts', 'src', 'adapters', 'dialogs', 'scripts', 'bench', 'test'];
for (const compiled of compiledDirs) {
  rmSync(join(dist, compiled), { recursive: true, force: true });
}
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const result = spawnSync(process.execPath, [tsc, '-p', project], { stdio: 'inherit' });
if (result.status !== 0) process.exit(result.status ?? 1);
cpSync(join(root, 'adapters', 'web', 'public'), join(dist, 'adapters', 'web', 'public'), { recursive: true });
if (process.argv.includes('--bench')) {
  // test/support/ferretdb.ts builds FerretDB with the script beside it (../../scripts) when it is missing.
  cpSync(join(root, 'scripts', 'install-ferretdb.sh'), join(dist, 'scripts', 'install-ferretdb.sh'));
} else {
  console.log('Built dist/. Start it with: npm run start:prod');
}
