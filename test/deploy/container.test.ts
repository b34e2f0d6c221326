/**
 * The container recipe, checked without a Docker engine (these machines have none): the Dockerfile through the
 * dockerfile-utils linter (the validator of the VS Code Docker extension) with every rule an error, then what the linter
 * cannot know: the stages, the unprivileged user, the data volume, the health check and the files it copies; and
 * compose.yaml's MongoDB replica set of one.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validate, ValidationSeverity } from 'dockerfile-utils';
import { parse } from 'yaml';

const ROOT = join(__dirname, '..', '..');
const dockerfile = readFileSync(join(ROOT, 'Dockerfile'), 'utf8');

/** One instruction: keyword and arguments, continuation lines joined, comments dropped. */
interface Instruction {
  keyword: string;
  args: string;
}

function instructions(text: string): Instruction[] {
  const joined = text
    .split('\n')
    .filter((line) => !line.trim().startsWith('#'))
    .join('\n')
    .replace(/\\\n/g, ' ');
  return joined
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .map((line) => {
      const [keyword = '', ...rest] = line.split(/\s+/);
      return { keyword: keyword.toUpperCase(), args: rest.join(' ') };
    });
}

const all = instructions(dockerfile);
const lastFrom = all.map((i) => i.keyword).lastIndexOf('FROM');
const finalStage = all.slice(lastFrom);
const inFinal = (keyword: string): Instruction[] => finalStage.filter((i) => i.keyword === keyword);

describe('Dockerfile', () => {
  it('passes the dockerfile-utils linter with every rule set to error', () => {
    const everyRule = Object.fromEntries(
      [
        'deprecatedMaintainer',
        'directiveCasing',
        'emptyContinuationLine',
        'instructionCasing',
        'instructionCmdMultiple',
        'instructionEntrypointMultiple',
        'instructionHealthcheckMultiple',
        'instructionJSONInSingleQuotes',
        'instructionWorkdirRelative',
      ].map((rule) => [rule, ValidationSeverity.ERROR]),
    );
    const problems = validate(dockerfile, everyRule).map((d) => `line ${d.range.start.line + 1}: ${d.message}`);
    expect(problems).toEqual([]);
  });

  it('the linter does catch a broken Dockerfile (so the check above can fail)', () => {
    expect(validate('FROM node:24\nHEALTHCHECK --interval=often CMD true\nCMD\n').length).toBeGreaterThan(0);
  });

  it('builds in separate stages and ships only runtime dependencies', () => {
    expect(all.filter((i) => i.keyword === 'FROM').length).toBeGreaterThanOrEqual(2);
    const runs = all.filter((i) => i.keyword === 'RUN').map((i) => i.args);
    expect(runs).toContain('npm run build');
    expect(runs.some((r) => r.includes('npm ci --omit=dev'))).toBe(true);
    expect(inFinal('COPY').map((i) => i.args)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^--from=\S+ \/app\/dist /)]),
    );
    expect(finalStage.map((i) => i.args).join('\n')).not.toMatch(/\btsx\b/);
  });

  it('runs as an unprivileged user, keeps DATA_DIR in a volume, checks /healthz and starts dist/main.js', () => {
    const user = inFinal('USER').at(-1)?.args;
    expect(user).toBeDefined();
    expect(user).not.toMatch(/^(root|0)(:|$)/);
    const dataDir = /DATA_DIR=(\S+)/.exec(
      inFinal('ENV')
        .map((i) => i.args)
        .join(' '),
    )?.[1];
    expect(dataDir).toBe('/data');
    expect(inFinal('VOLUME').map((i) => i.args)).toContain(`["${dataDir}"]`);
    const healthcheck = inFinal('HEALTHCHECK').at(-1)?.args ?? '';
    expect(healthcheck).toContain('CMD ["node", "dist/scripts/healthcheck.js"]');
    // The health check script is part of the build and asks /healthz (test/build proves it answers).
    expect(readFileSync(join(ROOT, 'tsconfig.build.json'), 'utf8')).toContain('scripts/healthcheck.ts');
    expect(readFileSync(join(ROOT, 'scripts', 'healthcheck.ts'), 'utf8')).toContain('/healthz');
    expect(inFinal('CMD').at(-1)?.args).toBe('["node", "dist/main.js"]');
  });

  it('copies only files that exist and that .dockerignore lets through', () => {
    const ignored = readFileSync(join(ROOT, '.dockerignore'), 'utf8')
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== '' && !line.startsWith('#'));
    const sources = all
      .filter((i) => i.keyword === 'COPY' && !i.args.startsWith('--from='))
      .flatMap((i) => i.args.split(/\s+/).slice(0, -1));
    expect(sources.length).toBeGreaterThan(5);
    for (const source of sources) {
      expect({ source, exists: existsSync(join(ROOT, source)) }).toEqual({ source, exists: true });
      expect({ source, ignored: ignored.includes(source.split('/')[0] as string) }).toEqual({ source, ignored: false });
    }
    expect(ignored).toEqual(expect.arrayContaining(['node_modules', 'data', '.env', 'dist']));
  });
});

describe('compose.yaml', () => {
  interface Service {
    command?: string[];
    environment?: Record<string, string>;
    depends_on?: Record<string, { condition: string }>;
    healthcheck?: { test: string[] };
    volumes?: string[];
  }
  const compose = parse(readFileSync(join(ROOT, 'compose.yaml'), 'utf8')) as { services: Record<string, Service> };

  it('runs MongoDB as a replica set of one that Vaktpost connects to once it is healthy', () => {
    const { vaktpost, mongo } = compose.services;
    const command = mongo?.command ?? [];
    const replicaSet = command[command.indexOf('--replSet') + 1];
    expect(replicaSet).toBeTruthy();
    expect(mongo?.healthcheck?.test.join(' ')).toContain(`rs.initiate({ _id: '${replicaSet}'`);
    expect(mongo?.volumes?.some((v) => v.endsWith(':/data/db'))).toBe(true);
    expect(vaktpost?.environment?.MONGODB_URI).toBe(`mongodb://mongo:27017/?replicaSet=${replicaSet}`);
    expect(vaktpost?.depends_on?.mongo?.condition).toBe('service_healthy');
    expect(vaktpost?.environment?.DIRECTORY_FILE).toBe('/config/directory.yml');
    expect(vaktpost?.volumes).toContain('./directory.yml:/config/directory.yml:ro');
  });
});

describe('deploy/vaktpost.service', () => {
  const unit = readFileSync(join(ROOT, 'deploy', 'vaktpost.service'), 'utf8');
  const setting = (key: string): string[] =>
    [...unit.matchAll(new RegExp(`^${key}=(.*)$`, 'gm'))].map((m) => (m[1] as string).trim());

  it('runs the built server as an unprivileged user with its data in the state directory systemd creates', () => {
    expect(setting('ExecStart')).toEqual(['/usr/bin/node /opt/vaktpost/dist/main.js']);
    expect(setting('User')).toEqual(['vaktpost']);
    expect(setting('Environment')).toContain(`DATA_DIR=/var/lib/${setting('StateDirectory')[0]}`);
    expect(setting('ProtectSystem')).toEqual(['strict']);
    expect(setting('KillSignal')).toEqual(['SIGTERM']);
  });
});
