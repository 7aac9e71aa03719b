// fetchPage against a local server: size cap while streaming, redirects checked hop by hop,
// hostile answers (loops, chains, metadata redirects, bombs, trickles) refused with their reason.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { redisHostLimiter } from '@govwatch/pipeline';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  errorKind,
  type FetchOptions,
  fetchPage,
  isPermanentFetchError,
} from '../../packages/pipeline/src/fetch/index.ts';
import { dropPrefix, redisUrl, testPrefix } from '../helpers/test-queues.ts';

let server: Server;
let origin: string;
let bytesSent = 0;
let trickleOpen = false;
// 64 KB on the wire that inflates to 64 MB of zeros.
const bomb = gzipSync(Buffer.alloc(64 * 1024 * 1024), { level: 9 });
const redis = new Redis(redisUrl);
const prefix = testPrefix();

beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === '/huge') {
      // 64 MB announced by no Content-Length: the client has to count while it reads.
      res.writeHead(200, { 'content-type': 'application/pdf' });
      const chunk = Buffer.alloc(64 * 1024, 0x41);
      let left = 1024;
      const pump = () => {
        while (left > 0) {
          left--;
          bytesSent += chunk.length;
          if (!res.write(chunk)) return void res.once('drain', pump);
        }
        res.end();
      };
      res.on('close', () => {
        left = 0;
      });
      pump();
    } else if (req.url === '/loop-a' || req.url === '/loop-b') {
      res.writeHead(302, { location: req.url === '/loop-a' ? '/loop-b' : '/loop-a' }).end();
    } else if (req.url?.startsWith('/chain/')) {
      res.writeHead(301, { location: `/chain/${Number(req.url.slice(7)) + 1}` }).end();
    } else if (req.url === '/metadata') {
      res.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data/iam/' }).end();
    } else if (req.url === '/bomb') {
      res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip', 'content-length': bomb.length });
      res.end(bomb);
    } else if (req.url === '/trickle') {
      // One byte a second, for ever: never idle long enough for an idle timeout.
      res.writeHead(200, { 'content-type': 'text/html' });
      trickleOpen = true;
      const timer = setInterval(() => res.write('x'), 1000);
      res.write('<');
      res.on('close', () => {
        trickleOpen = false;
        clearInterval(timer);
      });
    } else if (req.url === '/hop') {
      res.writeHead(302, { location: 'http://other.invalid/page.html' }).end();
    } else {
      res.end('<html>ok</html>');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  redis.disconnect();
  await new Promise((r) => server.close(r));
  await dropPrefix(prefix);
});

const options = (): FetchOptions => ({
  userAgent: 'govwatch/0.1 (+https://example.org)',
  limiter: redisHostLimiter(redis, prefix),
  limits: { requestsPerSecond: 100, maxConcurrency: 4 },
  allowPrivateNetwork: true,
  isAllowedHost: (host) => host === new URL(origin).host,
});

describe('fetchPage', () => {
  it('stops reading a body past maxBytes instead of downloading it all', async () => {
    await expect(fetchPage(`${origin}/huge`, { ...options(), maxBytes: 1024 * 1024 })).rejects.toThrow(
      /over the 1048576-byte limit/,
    );
    expect(bytesSent).toBeLessThan(16 * 1024 * 1024);
  });

  it('refuses a redirect that leaves the allowed hosts', async () => {
    await expect(fetchPage(`${origin}/hop`, options())).rejects.toThrow(/refused off-site URL http:\/\/other\.invalid/);
  });

  it('returns the body and status of an ordinary page', async () => {
    const page = await fetchPage(`${origin}/`, options());
    expect(page.status).toBe(200);
    expect(page.body.toString()).toBe('<html>ok</html>');
  });

  it('refuses a redirect loop and a redirect chain past the limit, as permanent failures', async () => {
    const loop = await fetchPage(`${origin}/loop-a`, options()).catch((err: Error) => err);
    expect(loop).toBeInstanceOf(Error);
    expect((loop as Error).message).toMatch(/redirect loop: .*\/loop-a comes back to .*\/loop-a/);
    const chain = await fetchPage(`${origin}/chain/1`, options()).catch((err: Error) => err);
    expect((chain as Error).message).toMatch(/more than 5 redirects from .*\/chain\/1/);
    for (const err of [loop, chain]) {
      expect(errorKind(err)).toBe('redirects');
      expect(isPermanentFetchError(err)).toBe(true);
    }
  });

  it('refuses a redirect to the link-local metadata address even where private networks are allowed', async () => {
    const err = await fetchPage(`${origin}/metadata`, { ...options(), isAllowedHost: () => true }).catch(
      (e: Error) => e,
    );
    expect((err as Error).message).toMatch(
      /refused http:\/\/169\.254\.169\.254\/latest\/meta-data\/iam\/: link-local address/,
    );
    expect(errorKind(err)).toBe('private_address');
    expect(isPermanentFetchError(err)).toBe(true);
  });

  it('stops inflating a gzip bomb at maxBytes of decompressed body', async () => {
    const err = await fetchPage(`${origin}/bomb`, { ...options(), maxBytes: 1024 * 1024 }).catch((e: Error) => e);
    expect((err as Error).message).toMatch(/over the 1048576-byte limit once decompressed \(content-encoding gzip\)/);
    expect(errorKind(err)).toBe('too_large');
    expect(isPermanentFetchError(err)).toBe(true);
  });

  it('gives up on a response that trickles one byte a second: the timeout covers the whole body', async () => {
    const err = await fetchPage(`${origin}/trickle`, { ...options(), timeoutMs: 2500 }).catch((e: Error) => e);
    expect(errorKind(err)).toBe('timeout');
    // A timeout may be the network's fault: it is worth another attempt.
    expect(isPermanentFetchError(err)).toBe(false);
    await new Promise((r) => setTimeout(r, 100));
    expect(trickleOpen).toBe(false); // the connection was dropped, not left reading
  });
});
