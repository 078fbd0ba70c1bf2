import { describe, expect, it } from "vitest";
import { addressKey } from "./client-address.js";

describe("addressKey", () => {
  it("keeps an IPv4 address, and maps an IPv4-mapped IPv6 address to it", () => {
    expect(addressKey("198.51.100.9")).toBe("198.51.100.9");
    expect(addressKey("::ffff:127.0.0.1")).toBe("127.0.0.1");
    expect(addressKey("::ffff:c633:6409")).toBe("198.51.100.9");
  });

  it("counts an IPv6 address under its /64, however it is spelled", () => {
    const key = "2001:db8:0:1::/64";
    for (const address of [
      "2001:db8:0:1::1",
      "2001:db8:0:1:ffff:ffff:ffff:ffff",
      "2001:0DB8:0000:0001:0:0:0:2",
      "2001:db8::1:2:3:4:5",
      "2001:db8:0:1::1.2.3.4",
    ]) {
      expect(addressKey(address), address).toBe(key);
    }
    expect(addressKey("2001:db8:0:2::1")).toBe("2001:db8:0:2::/64");
    expect(addressKey("::1")).toBe("::/64");
    expect(addressKey("fe80::1%eth0")).toBe("fe80::/64");
  });

  it("keeps anything else as given (at most 64 characters), and no address as unknown", () => {
    expect(addressKey("proxy-said-this")).toBe("proxy-said-this");
    expect(addressKey("x".repeat(100))).toBe("x".repeat(64));
    expect(addressKey(undefined)).toBe("unknown");
    expect(addressKey("")).toBe("unknown");
  });
});
