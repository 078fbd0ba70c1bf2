import { getConnInfo } from "@hono/node-server/conninfo";
import type { Context } from "hono";
import type { Requester } from "./pending-requests.ts";

/**
 * The client's IP: the first `X-Forwarded-For` entry when a trusted proxy sets it, otherwise the
 * socket's address.
 *
 * @example
 * const ip = clientIp(c, false); // "127.0.0.1"
 */
export function clientIp(c: Context, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = c.req.header("x-forwarded-for")?.split(",")[0]?.trim();
    if (forwarded) return forwarded.slice(0, 64);
  }
  return getConnInfo(c).remote.address ?? "unknown";
}

/**
 * What the approving device is shown about the device asking to sign in.
 *
 * @example
 * const requester = describeRequester(c, options.trustProxy);
 */
export function describeRequester(c: Context, trustProxy: boolean): Requester {
  return {
    userAgent: (c.req.header("user-agent") ?? "unknown").slice(0, 300),
    ip: clientIp(c, trustProxy),
    requestedAt: new Date(),
  };
}
