/**
 * `npm run bench [-- options]`: builds the app and the benchmark once (`scripts/build.mjs --bench`, the production
 * build plus bench/ into dist/) and runs `node dist/bench/run.js`, which starts Vaktpost and the bare baselines as
 * plain `node dist/….js`, as production runs `node dist/main.js`. `--tsx` skips the build and runs everything from
 * source through tsx instead (tsx's loader then costs each process CPU and some 50 MB). Other options go to
 * bench/run.ts (`--help`).
 */
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import process from 'node:process';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const fromSource = args.includes('--tsx');
const rest = args.filter((a) => a !== '--tsx');
const run = (argv) => spawnSync(process.execPath, argv, { cwd: root, stdio: 'inherit' }).status ?? 1;

if (fromSource) {
  process.exit(run(['--import', 'tsx', join(root, 'bench', 'run.ts'), ...rest]));
}
const built = run([join(root, 'scripts', 'build.mjs'), '--bench']);
if (built !== 0) process.exit(built);
process.exit(run([join(root, 'dist', 'bench', 'run.js'), ...rest]));
