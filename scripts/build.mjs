/**
 * `npm run build`: compiles the app to dist/ with tsc (tsconfig.build.json) and copies the files tsc does not emit
 * (the web demo's static page), so `node dist/main.js` runs on plain Node without tsx or TypeScript.
 * The compiled folders are removed first, so a renamed source file leaves no stale .js behind; dist/teams (the Teams
 * package from `npm run package:teams`) is kept.
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
for (const compiled of ['main.js', 'main.js.map', 'main.d.ts', 'src', 'adapters', 'dialogs', 'scripts']) {
  rmSync(join(dist, compiled), { recursive: true, force: true });
}
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const result = spawnSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json')], { stdio: 'inherit' });
if (result.status !== 0) process.exit(result.status ?? 1);
cpSync(join(root, 'adapters', 'web', 'public'), join(dist, 'adapters', 'web', 'public'), { recursive: true });
console.log('Built dist/. Start it with: npm run start:prod');
