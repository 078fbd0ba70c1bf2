import { isIPv4, isIPv6 } from "node:net";

/** The eight 16-bit groups of a valid IPv6 address (an embedded dotted IPv4 tail counts as two). */
function ipv6Groups(address: string): number[] {
  const groupsOf = (part: string): number[] =>
    part === ""
      ? []
      : part.split(":").flatMap((group) => {
          if (!group.includes(".")) return [Number.parseInt(group, 16)];
          const [a = 0, b = 0, c = 0, d = 0] = group.split(".").map(Number);
          return [(a << 8) | b, (c << 8) | d];
        });
  const [head = "", tail] = address.split("::");
  const first = groupsOf(head);
  if (tail === undefined) return first;
  const last = groupsOf(tail);
  return [...first, ...new Array<number>(8 - first.length - last.length).fill(0), ...last];
}

/**
 * The key a client address is counted under: an IPv4 address as it is (an IPv4-mapped IPv6
 * address such as `::ffff:127.0.0.1`, as dual-stack sockets report IPv4 peers, is its IPv4
 * address), an IPv6 address as its /64 prefix (`2001:db8:0:1::/64`; a zone is dropped), since one
 * host is usually given a whole /64 and could otherwise rotate addresses within it. Anything else
 * (a proxy's odd `X-Forwarded-For`) is kept as given, at most 64 characters; no address at all is
 * `"unknown"`.
 *
 * @example
 * addressKey("2001:db8::1:2:3:4"); // "2001:db8:0:1::/64"
 */
export function addressKey(address: string | undefined): string {
  if (!address) return "unknown";
  const bare = address.split("%")[0] ?? address;
  if (isIPv4(bare)) return bare;
  if (!isIPv6(bare)) return address.slice(0, 64);
  const groups = ipv6Groups(bare);
  if (groups.slice(0, 5).every((group) => group === 0) && groups[5] === 0xffff) {
    const [high = 0, low = 0] = groups.slice(6);
    return [high >> 8, high & 0xff, low >> 8, low & 0xff].join(".");
  }
  return `${groups
    .slice(0, 4)
    .map((group) => group.toString(16))
    .join(":")}::/64`;
}
