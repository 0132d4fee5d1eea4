import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { BlockList, isIP, type LookupFunction } from 'node:net';

// Addresses a webhook must never reach from the server: loopback, private, shared (CGNAT), link-local
// (which holds the cloud metadata services, 169.254.169.254 and fd00:ec2::254), multicast and reserved.
const blocked = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const) {
  blocked.addSubnet(network, prefix, 'ipv4');
}
for (const [network, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['64:ff9b::', 96],
  ['100::', 64],
  ['2001:db8::', 32],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const) {
  blocked.addSubnet(network, prefix, 'ipv6');
}

/** Whether `address` (an IP literal) is one a webhook may not be sent to. */
export function isBlockedAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 4) return blocked.check(address, 'ipv4');
  if (family !== 6) return true;
  // An IPv4 address written as IPv6 (::ffff:127.0.0.1) is judged as the IPv4 address it is.
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return blocked.check(mapped[1]!, 'ipv4');
  return blocked.check(address, 'ipv6');
}

/**
 * Why a URL may not receive webhooks (or Slack messages) from the server, as a field message, or null when it
 * may: not https (outside `allowPrivate`), or a literal loopback, private, link-local or reserved address. Host
 * names are checked again after DNS on every send ({@link guardedLookup}).
 */
export function refusedUrl(url: URL, allowPrivate: boolean): string | null {
  const allowed = allowPrivate ? ['https:', 'http:'] : ['https:'];
  if (!allowed.includes(url.protocol)) return `Use an https:// URL (got ${url.protocol}).`;
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (!allowPrivate && (host === 'localhost' || (isIP(host) && isBlockedAddress(host))))
    return `${host} is a loopback, private, link-local or reserved address; use one reachable on the public internet.`;
  return null;
}

/** Thrown (through the socket's connect) when a URL resolves to a blocked address. */
export class BlockedAddressError extends Error {
  readonly code = 'EBLOCKEDADDRESS';
}

/**
 * A `lookup` for `http.request` that resolves the host and refuses blocked addresses, so the check and
 * the connection use the same answer (no DNS rebinding between a check and the connect).
 */
export const guardedLookup: LookupFunction = (hostname, options, callback) => {
  dnsLookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
    if (error) return callback(error, '', 0);
    const refused = addresses.find((entry) => isBlockedAddress(entry.address));
    if (refused) {
      return callback(
        new BlockedAddressError(
          `${hostname} resolves to ${refused.address}, a private, loopback, link-local or reserved address; webhooks are not sent there`,
        ),
        '',
        0,
      );
    }
    if (options.all) return callback(null, addresses);
    const first = addresses[0]!;
    callback(null, first.address, first.family);
  });
};
