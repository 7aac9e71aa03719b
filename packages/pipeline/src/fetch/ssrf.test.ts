import { describe, expect, it } from 'vitest';
import { parseRetryAfter } from './fetch-page.ts';
import { assertPublicUrl, isPrivateAddress, publicOnlyLookup } from './ssrf.ts';

describe('isPrivateAddress', () => {
  it.each([
    '127.0.0.1',
    '10.1.2.3',
    '172.16.0.1',
    '172.31.255.255',
    '192.168.1.1',
    '169.254.169.254',
    '0.0.0.0',
    '100.64.0.1',
    '::1',
    'fe80::1',
    'fd00::1',
    '::ffff:127.0.0.1',
  ])('%s is private', (ip) => expect(isPrivateAddress(ip)).toBe(true));
  it.each(['8.8.8.8', '172.32.0.1', '202.96.134.133', '2400:3200::1'])('%s is public', (ip) =>
    expect(isPrivateAddress(ip)).toBe(false),
  );
});

describe('assertPublicUrl', () => {
  it('refuses loopback names after resolving them', async () => {
    await expect(assertPublicUrl(new URL('http://localhost:8080/'))).rejects.toThrow(/resolves to private address/);
    await expect(assertPublicUrl(new URL('http://[::1]/'))).rejects.toThrow(/private address ::1/);
  });
  it('accepts a public address literal', async () => {
    await expect(assertPublicUrl(new URL('http://8.8.8.8/'))).resolves.toBeUndefined();
  });
});

describe('parseRetryAfter', () => {
  it('reads seconds and HTTP dates', () => {
    expect(parseRetryAfter('120')).toBe(120_000);
    expect(parseRetryAfter(new Date(10_000).toUTCString(), 4_000)).toBe(6_000);
    expect(parseRetryAfter('soon')).toBeNull();
    expect(parseRetryAfter(null)).toBeNull();
  });
});

describe('publicOnlyLookup (the lookup sockets use)', () => {
  const run = (host: string, all: boolean) =>
    new Promise<unknown>((resolve, reject) =>
      publicOnlyLookup(host, { all } as never, (err, address) => (err ? reject(err) : resolve(address))),
    );
  it('refuses a name that resolves to a private address, whatever the caller asked for', async () => {
    await expect(run('localhost', false)).rejects.toThrow(/private address/);
    await expect(run('localhost', true)).rejects.toThrow(/private address/);
  });
  it('passes a public address through in the shape asked for', async () => {
    await expect(run('8.8.8.8', false)).resolves.toBe('8.8.8.8');
    await expect(run('8.8.8.8', true)).resolves.toEqual([{ address: '8.8.8.8', family: 4 }]);
  });
});
