import ipaddr from "ipaddr.js";

/**
 * The key a client address is counted under: an IPv4 address as is (IPv4-mapped IPv6 included),
 * an IPv6 address by its /64 (one subscriber's usual allocation, so rotating addresses inside it
 * gains nothing), and `"unknown"` when there is no address. Anything unparsable is kept as given,
 * at most 64 characters.
 *
 * @example
 * addressKey("2001:db8:1:2:aaaa::1"); // "2001:db8:1:2::/64"
 * addressKey("::ffff:192.0.2.7"); // "192.0.2.7"
 */
export function addressKey(ip: string | undefined): string {
  if (!ip) return "unknown";
  const address = ip.split("%")[0] ?? ip; // an IPv6 zone names a local interface, not a host
  if (!ipaddr.isValid(address)) return ip.slice(0, 64); // a proxy's odd X-Forwarded-For
  const parsed = ipaddr.process(address);
  if (parsed.kind() === "ipv4") return parsed.toString();
  return `${ipaddr.IPv6.networkAddressFromCIDR(`${parsed.toString()}/64`).toRFC5952String()}/64`;
}
