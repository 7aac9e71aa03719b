// fetchPage against a local server: size cap while streaming, redirects checked hop by hop.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { redisHostLimiter } from '@govwatch/pipeline';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchPage, type FetchOptions } from '../../packages/pipeline/src/fetch/fetch-page.ts';
import { dropPrefix, redisUrl, testPrefix } from '../helpers/test-queues.ts';

let server: Server;
let origin: string;
let bytesSent = 0;
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
    await expect(fetchPage(`${origin}/huge`, { ...options(), maxBytes: 1024 * 1024 })).rejects.toThrow(/over the 1048576-byte limit/);
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
});
