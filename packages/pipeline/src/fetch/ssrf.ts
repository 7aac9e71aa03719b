// Refuse requests to private, loopback and link-local addresses unless the site allows them.
import { type LookupAddress, type LookupAllOptions, type LookupOneOptions, lookup as lookupCallback } from 'node:dns';
import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';

const privateRanges = new BlockList();
for (const [net, bits] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const)
  privateRanges.addSubnet(net, bits, 'ipv4');
for (const [net, bits] of [
  ['::1', 128],
  ['::', 128],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const) {
  privateRanges.addSubnet(net, bits, 'ipv6');
}

export class BlockedAddressError extends Error {
  override name = 'BlockedAddressError';
}

export function isPrivateAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 0) return false;
  if (family === 6) {
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
    if (mapped?.[1]) return privateRanges.check(mapped[1], 'ipv4');
    return privateRanges.check(address, 'ipv6');
  }
  return privateRanges.check(address, 'ipv4');
}

/** Resolve the URL's host and throw if any address it resolves to is private. */
export async function assertPublicUrl(url: URL): Promise<void> {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const addresses = isIP(host) ? [host] : (await lookup(host, { all: true })).map((a) => a.address);
  const bad = addresses.find(isPrivateAddress);
  if (bad) {
    throw new BlockedAddressError(
      `refused ${url.href}: ${host} resolves to private address ${bad} (set allowPrivateNetwork: true on the site or GOVWATCH_ALLOW_PRIVATE=1)`,
    );
  }
}

const linkLocal = new BlockList();
linkLocal.addSubnet('169.254.0.0', 16, 'ipv4');
linkLocal.addSubnet('fe80::', 10, 'ipv6');

export function isLinkLocalAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 0) return false;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
  if (mapped) return linkLocal.check(mapped, 'ipv4');
  return linkLocal.check(address, family === 6 ? 'ipv6' : 'ipv4');
}

/**
 * Throw if the URL's host is a link-local address (169.254.169.254 answers cloud credentials):
 * refused even where a site may reach private networks, since no site serves its pages there.
 * Only literal addresses are checked here; names are checked by assertPublicUrl where it applies.
 */
export async function assertNotLinkLocal(url: URL): Promise<void> {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (isLinkLocalAddress(host))
    throw new BlockedAddressError(
      `refused ${url.href}: link-local address ${host} (cloud metadata), never a site's page`,
    );
}

type LookupCallback = (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/**
 * A dns.lookup for the sockets themselves: the address a connection is made to is the address
 * checked, so a name that resolves to a public address for the check and to a private one for the
 * connection (DNS rebinding) is refused too.
 */
export function publicOnlyLookup(
  hostname: string,
  options: LookupOneOptions | LookupAllOptions,
  callback: LookupCallback,
): void {
  lookupCallback(hostname, { ...options, all: true }, (err, addresses) => {
    if (err) return callback(err, '');
    const bad = addresses.find((a) => isPrivateAddress(a.address));
    if (bad)
      return callback(new BlockedAddressError(`refused ${hostname}: resolves to private address ${bad.address}`), '');
    if (options.all) return callback(null, addresses);
    const first = addresses[0];
    if (!first) return callback(Object.assign(new Error(`no address for ${hostname}`), { code: 'ENOTFOUND' }), '');
    callback(null, first.address, first.family);
  });
}
