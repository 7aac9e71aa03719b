// Exit 0 when Redis (PING → PONG) and PostgreSQL (TCP accept) answer at REDIS_URL / DATABASE_URL.
// Prints "redis ok|down" and "postgres ok|down"; no dependencies so it runs before `pnpm install`.
import net from 'node:net';

const redisUrl = new URL(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
const pgUrl = new URL(process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/govwatch');

function probe(host, port, hello, expect) {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port, timeout: 2000 });
    const done = (ok) => {
      socket.destroy();
      resolve(ok);
    };
    socket.on('connect', () => (hello ? socket.write(hello) : done(true)));
    socket.on('data', (d) => done(expect.test(d.toString())));
    socket.on('timeout', () => done(false));
    socket.on('error', () => done(false));
  });
}

const redis = await probe(redisUrl.hostname, Number(redisUrl.port || 6379), 'PING\r\n', /PONG|NOAUTH/);
const postgres = await probe(pgUrl.hostname, Number(pgUrl.port || 5432), null, /./);
console.log(`redis ${redis ? 'ok' : 'down'}`);
console.log(`postgres ${postgres ? 'ok' : 'down'}`);
process.exit(redis && postgres ? 0 : 1);
