// A private redis-server and PostgreSQL cluster on ports the kernel picks, for scripts that measure
// them (used_memory of this Redis is the script's alone) or open many connections (six worker
// processes' pools would take most of a shared server's max_connections).

import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { chownSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../helpers/process-stats.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function need(bin: string, install: string) {
  try {
    execFileSync('bash', ['-c', `command -v ${bin}`], { stdio: 'ignore' });
  } catch {
    throw new Error(`needs ${bin} (${install})`);
  }
}

export type PrivateRedis = {
  url: string;
  port: number;
  /** SIGKILL, as a crash would (the fault suite's outages). */
  kill(): void;
  /** Start again on the same port, with the data an append-only file kept, or with none. */
  start(opts: { keepData: boolean }): Promise<void>;
  stop(): void;
};

/**
 * redis-server, noeviction as in production; without persistence unless `appendOnly` (an AOF
 * written at every command, so a killed server comes back with its data).
 */
export async function startPrivateRedis(dir: string, opts: { appendOnly?: boolean } = {}): Promise<PrivateRedis> {
  need('redis-server', 'apt-get install redis-server');
  need('redis-cli', 'apt-get install redis-server');
  const port = await freePort();
  const persistence = opts.appendOnly ? ['--appendonly', 'yes', '--appendfsync', 'always'] : ['--appendonly', 'no'];
  let child: ChildProcess | null = null;
  const start = async ({ keepData }: { keepData: boolean }) => {
    if (!keepData) rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    child = spawn(
      'redis-server',
      ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', '', ...persistence],
      { stdio: 'ignore' },
    );
    for (let i = 0; ; i++) {
      try {
        const pong = execFileSync('redis-cli', ['-p', String(port), 'ping'], { stdio: ['ignore', 'pipe', 'ignore'] });
        if (pong.toString().includes('PONG')) break;
      } catch {}
      if (i > 150) throw new Error('private redis-server did not start in 30 s');
      await sleep(200);
    }
    execFileSync('redis-cli', ['-p', String(port), 'config', 'set', 'maxmemory-policy', 'noeviction']);
  };
  const kill = () => {
    child?.kill('SIGKILL');
    child = null;
  };
  await start({ keepData: false });
  return { url: `redis://127.0.0.1:${port}`, port, kill, start, stop: kill };
}

export type PrivatePostgres = {
  adminUrl: string;
  /** Stop at once (an outage), keeping the data; resume() starts it again on the same port. */
  pause(): void;
  resume(): void;
  /** Stop and remove the cluster. */
  stop(): void;
};

/** A throw-away cluster (fsync off) in a directory of its own, run as the postgres user when we are root (it refuses root). */
export async function startPrivatePostgres(): Promise<PrivatePostgres> {
  const dir = mkdtempSync(join(tmpdir(), 'govwatch-pg-'));
  const pgBin = execFileSync('bash', ['-c', 'ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1'])
    .toString()
    .trim();
  if (!pgBin)
    throw new Error("needs PostgreSQL's server binaries under /usr/lib/postgresql (apt-get install postgresql)");
  const port = await freePort();
  const pgDir = join(dir, 'postgres');
  mkdirSync(pgDir, { recursive: true });
  const asPg = process.getuid?.() === 0 ? ['runuser', '-u', 'postgres', '--'] : [];
  if (asPg.length) {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString());
    chownSync(dir, uid, 0);
    chownSync(pgDir, uid, 0);
  }
  const run = (cmd: string, args: string[]) => {
    const [bin, ...rest] = [...asPg, `${pgBin}/${cmd}`, ...args];
    execFileSync(bin as string, rest, { stdio: 'ignore' });
  };
  run('initdb', ['-D', pgDir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8']);
  const resume = () =>
    run('pg_ctl', [
      '-D',
      pgDir,
      '-l',
      join(pgDir, 'server.log'),
      '-w',
      '-o',
      `-p ${port} -c listen_addresses=127.0.0.1 -k /tmp -c fsync=off -c max_connections=200`,
      'start',
    ]);
  const pause = () => run('pg_ctl', ['-D', pgDir, '-m', 'immediate', '-w', 'stop']);
  resume();
  return {
    adminUrl: `postgresql://postgres@127.0.0.1:${port}/postgres`,
    pause,
    resume,
    stop: () => {
      pause();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
