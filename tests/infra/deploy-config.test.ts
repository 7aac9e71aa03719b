// No Docker engine or cluster runs here, so the deployment files are checked against the code:
// every service and manifest runs a CLI command that exists, sets only variables the config
// schema reads, and uses the ports that those variables configure.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ENV_VARS } from '@govwatch/core';
import { parseSites } from '@govwatch/sites';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse, parseAllDocuments } from 'yaml';
import { cliArgv, repoRoot } from '../helpers/cli.ts';

type Env = Record<string, string>;
type ComposeService = {
  image?: string;
  build?: { dockerfile: string; target: string };
  command?: string[];
  environment?: Env;
  ports?: string[];
  expose?: string[];
  healthcheck?: { test: string[] };
  depends_on?: Record<string, { condition: string }>;
  container_name?: string;
  volumes?: string[];
};
type Container = {
  name: string;
  image: string;
  command: string[];
  env?: Array<{ name: string; value: string }>;
  envFrom?: Array<{ configMapRef?: { name: string }; secretRef?: { name: string } }>;
  ports?: Array<{ name: string; containerPort: number }>;
  livenessProbe?: { httpGet: { path: string; port: string } };
  readinessProbe?: { httpGet: { path: string; port: string } };
  volumeMounts?: Array<{ name: string; mountPath: string }>;
};
// biome-ignore lint/suspicious/noExplicitAny: manifests are checked field by field below
type Manifest = { kind: string; metadata: { name: string }; data?: Env; stringData?: Env; spec: any };

const BIN = 'services/cli/bin/govwatch.mjs';
const govwatchServices = ['migrate', 'crawler', 'extractor', 'store', 'api'];
let cliCommands: Set<string>;
let workerKinds: string[];
let compose: { services: Record<string, ComposeService>; volumes: Record<string, unknown> };
let manifests: Manifest[];

beforeAll(() => {
  const help = execFileSync(process.execPath, cliArgv(['--help']), { cwd: repoRoot, encoding: 'utf8' });
  cliCommands = new Set([...help.split('Commands:')[1]!.matchAll(/^ {2}(\S+)/gm)].map((m) => m[1] as string));
  const workerHelp = execFileSync(process.execPath, cliArgv(['worker', '--help']), { cwd: repoRoot, encoding: 'utf8' });
  workerKinds = /^ +kind +(\S+(?: \| \S+)*)$/m.exec(workerHelp)?.[1]?.split(' | ') ?? [];
  expect(workerKinds).toEqual(['crawl', 'extract', 'store']);
  compose = parse(readFileSync(join(repoRoot, 'docker-compose.yml'), 'utf8'), { merge: true });
  const dir = join(repoRoot, 'infra/k8s');
  manifests = readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .flatMap((f) => parseAllDocuments(readFileSync(join(dir, f), 'utf8')).map((d) => d.toJS() as Manifest));
});

/** A container command is the CLI (an existing command; a worker of a known kind) or the migrate script. */
function expectRunnable(command: string[] | undefined, where: string) {
  expect(command, where).toBeDefined();
  const cmd = command as string[];
  expect(cmd[0], where).toBe('node');
  const script = cmd.find((a) => a.endsWith('.mjs') || a.endsWith('.ts')) as string;
  expect(existsSync(join(repoRoot, script)), `${where}: ${script} exists`).toBe(true);
  if (script !== BIN) return expect(script, where).toBe('packages/db/src/migrate-cli.ts');
  const [sub, arg] = cmd.slice(cmd.indexOf(BIN) + 1);
  expect(cliCommands, `${where}: govwatch ${sub}`).toContain(sub);
  if (sub === 'worker') expect(workerKinds, where).toContain(arg);
}

const expectKnownVars = (names: string[], where: string) => {
  for (const n of names) expect(ENV_VARS, `${where}: ${n} is read by the config schema`).toContain(n);
};

describe('docker-compose.yml', () => {
  it('has redis (AOF, noeviction), postgres with a volume, a one-shot migrate and each process type', () => {
    expect(Object.keys(compose.services).sort()).toEqual([
      'api',
      'crawler',
      'extractor',
      'migrate',
      'postgres',
      'redis',
      'store',
    ]);
    const redis = compose.services.redis as ComposeService;
    expect(redis.command?.join(' ')).toMatch(/--appendonly yes/);
    expect(redis.command?.join(' ')).toMatch(/--maxmemory-policy noeviction/);
    expect(compose.services.postgres?.volumes?.[0]).toMatch(/^pg-data:/);
    expect(compose.volumes).toHaveProperty('pg-data');
    expect(compose.services.migrate?.command).toEqual(['node', '--import', 'tsx', 'packages/db/src/migrate-cli.ts']);
  });

  it('runs commands the CLI has, with variables the config reads', () => {
    for (const name of govwatchServices) {
      const s = compose.services[name] as ComposeService;
      expectRunnable(s.command, name);
      expectKnownVars(Object.keys(s.environment ?? {}), name);
      expect(s.build?.dockerfile, name).toBe('infra/Dockerfile');
      expect(['runtime', 'browser'], name).toContain(s.build?.target);
      if (name !== 'migrate') {
        expect(s.healthcheck, name).toBeDefined();
        expect(s.depends_on?.migrate?.condition, name).toBe('service_completed_successfully');
        expect(s.volumes, name).toContain(`./sites.yaml:${s.environment?.GOVWATCH_SITES}:ro`);
      }
    }
    expect(compose.services.crawler?.command?.slice(-2)).toEqual(['worker', 'crawl']);
    expect(compose.services.extractor?.command?.slice(-2)).toEqual(['worker', 'extract']);
    expect(compose.services.store?.command?.slice(-2)).toEqual(['worker', 'store']);
    expect(compose.services.crawler?.build?.target).toBe('browser');
  });

  it('uses the ports its variables set, and leaves workers free to scale (--scale extractor=4)', () => {
    const api = compose.services.api as ComposeService;
    const port = api.environment?.GOVWATCH_API_PORT;
    expect(api.environment?.GOVWATCH_API_HOST).toBe('0.0.0.0');
    expect(api.ports).toEqual([`127.0.0.1:${port}:${port}`]);
    expect(api.healthcheck?.test.join(' ')).toContain(`127.0.0.1:${port}/ready`);
    for (const name of ['crawler', 'extractor', 'store']) {
      const s = compose.services[name] as ComposeService;
      const metrics = s.environment?.GOVWATCH_METRICS_PORT;
      expect(metrics, name).toMatch(/^\d+$/);
      expect(s.environment?.GOVWATCH_METRICS_HOST, name).toBe('0.0.0.0');
      expect(s.expose, name).toEqual([metrics]);
      expect(s.healthcheck?.test.join(' '), name).toContain(`127.0.0.1:${metrics}/metrics`);
      expect(s.ports, name).toBeUndefined();
      expect(s.container_name, name).toBeUndefined();
    }
  });
});

describe('infra/k8s', () => {
  const byKind = (kind: string) => manifests.filter((m) => m.kind === kind);
  const keysOf = (kind: string, name: string) => {
    const m = manifests.find((x) => x.kind === kind && x.metadata.name === name);
    expect(m, `${kind} ${name}`).toBeDefined();
    return Object.keys(m?.data ?? m?.stringData ?? {});
  };

  it('has a Deployment per worker type, the api Deployment and Service, the migration Job, config, secret and HPAs', () => {
    expect(
      byKind('Deployment')
        .map((d) => d.metadata.name)
        .sort(),
    ).toEqual(['govwatch-api', 'govwatch-crawler', 'govwatch-extractor', 'govwatch-store']);
    expect(byKind('Service').map((d) => d.metadata.name)).toEqual(['govwatch-api']);
    expect(byKind('Job').map((d) => d.metadata.name)).toEqual(['govwatch-migrate']);
    expect(byKind('Secret').map((d) => d.metadata.name)).toEqual(['govwatch-secrets']);
    const hpaTargets = byKind('HorizontalPodAutoscaler')
      .map((h) => h.spec.scaleTargetRef.name)
      .sort();
    expect(hpaTargets).toEqual(['govwatch-crawler', 'govwatch-extractor', 'govwatch-store']);
  });

  it('runs CLI commands with variables the config reads, on the ports they set', () => {
    const envKeys = keysOf('ConfigMap', 'govwatch-env');
    const secretKeys = keysOf('Secret', 'govwatch-secrets');
    expectKnownVars([...envKeys, ...secretKeys], 'config/secret');
    const envMap = manifests.find((m) => m.metadata.name === 'govwatch-env')?.data as Env;
    const pods = [...byKind('Deployment'), ...byKind('Job')];
    for (const pod of pods) {
      for (const c of pod.spec.template.spec.containers as Container[]) {
        const where = `${pod.metadata.name}/${c.name}`;
        expectRunnable(c.command, where);
        expectKnownVars(
          (c.env ?? []).map((e) => e.name),
          where,
        );
        const refs = (c.envFrom ?? []).map((r) => r.configMapRef?.name ?? r.secretRef?.name);
        expect(refs, where).toEqual(['govwatch-env', 'govwatch-secrets']);
        expect(pod.spec.template.spec.securityContext?.runAsNonRoot, where).toBe(true);
        if (pod.kind === 'Job') continue;
        const env = Object.fromEntries((c.env ?? []).map((e) => [e.name, e.value]));
        const isApi = c.command.includes('api');
        const port = Number(isApi ? env.GOVWATCH_API_PORT : envMap.GOVWATCH_METRICS_PORT);
        const named = (c.ports ?? []).find((p) => p.containerPort === port);
        expect(named, `${where} exposes ${port}`).toBeDefined();
        expect(c.livenessProbe?.httpGet.port, where).toBe(named?.name);
        expect(c.livenessProbe?.httpGet.path, where).toBe(isApi ? '/health' : '/metrics');
        if (isApi) expect(c.readinessProbe?.httpGet.path).toBe('/ready');
        const mount = c.volumeMounts?.find((v) => v.name === 'sites');
        expect(mount?.mountPath, where).toBe(dirname(envMap.GOVWATCH_SITES as string));
      }
    }
    const svc = byKind('Service')[0];
    const api = byKind('Deployment').find((d) => d.metadata.name === 'govwatch-api')?.spec.template.spec
      .containers[0] as Container;
    expect(api.ports?.map((p) => p.name)).toContain(svc?.spec.ports[0].targetPort);
    expect(svc?.spec.selector).toEqual(
      byKind('Deployment').find((d) => d.metadata.name === 'govwatch-api')?.spec.selector.matchLabels,
    );
  });

  it('ships a site file that validates, and a Redis Cluster-ready queue prefix', () => {
    const sites = manifests.find((m) => m.metadata.name === 'govwatch-sites')?.data?.['sites.yaml'] as string;
    expect(parseSites(sites, 'configmap').length).toBeGreaterThan(0);
    expect(manifests.find((m) => m.metadata.name === 'govwatch-env')?.data?.GOVWATCH_QUEUE_PREFIX).toMatch(/^\{.+\}$/);
  });
});

describe('infra/Dockerfile', () => {
  const file = readFileSync(join(repoRoot, 'infra/Dockerfile'), 'utf8');
  it('builds in stages with the lockfile and the ordinary build, and runs as a non-root user', () => {
    expect([...file.matchAll(/^FROM \S+ AS (\S+)/gm)].map((m) => m[1])).toEqual(['build', 'runtime', 'browser']);
    expect(file).toMatch(/pnpm install --frozen-lockfile/);
    expect(file).toMatch(/RUN pnpm build/);
    expect(file).toMatch(/apt-get install[^\n]*\bchromium\b/);
    const users = [...file.matchAll(/^USER (\S+)/gm)].map((m) => m[1]);
    expect(users.at(-1)).toBe('govwatch');
    expect(users.filter((u) => u === 'govwatch').length).toBeGreaterThanOrEqual(2); // runtime and browser end non-root
    const envNames = [...file.matchAll(/^ENV (.+)$/gm)].flatMap((m) =>
      [...(m[1] as string).matchAll(/(\w+)=/g)].map((x) => x[1] as string),
    );
    expectKnownVars(
      envNames.filter((n) => n.startsWith('GOVWATCH_') || n === 'LOG_LEVEL'),
      'Dockerfile',
    );
    expect(file).toMatch(/EXPOSE 8080 9464/);
    expectRunnable(JSON.parse(/^CMD (\[.+\])$/m.exec(file)?.[1] ?? '[]'), 'Dockerfile CMD');
  });
});

describe('README', () => {
  it('documents every variable the config reads', () => {
    const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
    // `GOVWATCH_{CRAWL,EXTRACT,STORE}_CONCURRENCY` names three.
    const expanded = readme.replace(/(\w*)\{([\w,]+)\}(\w*)/g, (_m, pre: string, alts: string, post: string) =>
      alts
        .split(',')
        .map((a) => `${pre}${a}${post}`)
        .join(' '),
    );
    for (const name of ENV_VARS) expect(new RegExp(`\\b${name}\\b`).test(expanded), name).toBe(true);
  });
});
