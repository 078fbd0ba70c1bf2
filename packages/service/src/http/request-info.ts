import { IncomingMessage } from "node:http";
import type { Context } from "hono";
import type { RequestInfo } from "../storage/records.js";

/** Longest `User-Agent` kept, in characters. */
export const MAX_USER_AGENT_LENGTH = 256;
/** Longest IP address kept, in characters (an IPv6 address with a zone fits). */
const MAX_IP_LENGTH = 64;

/** The `IncomingMessage` behind a request served by `@hono/node-server`, if there is one. */
function incomingMessage(env: unknown): IncomingMessage | undefined {
  if (typeof env !== "object" || env === null) return undefined;
  const bindings = "server" in env && typeof env.server === "object" && env.server !== null ? env.server : env;
  return "incoming" in bindings && bindings.incoming instanceof IncomingMessage ? bindings.incoming : undefined;
}

/**
 * The requester's IP address: the first hop of `X-Forwarded-For` only when the service trusts a
 * proxy (`trustProxy`); otherwise the socket's peer address, so a client cannot claim another
 * address by sending the header itself. `undefined` when neither is known.
 */
export function requesterIp(c: Context, trustProxy: boolean): string | undefined {
  const forwarded = trustProxy ? c.req.header("x-forwarded-for")?.split(",")[0]?.trim() : undefined;
  return forwarded || incomingMessage(c.env)?.socket.remoteAddress;
}

/**
 * The requesting device's user agent (at most 256 characters), address and the time, for the
 * approving device to show (RFC 8628 §5.4); the address is {@link requesterIp}.
 *
 * @example
 * await context.storage.codes.recordRequester(record.id, requestInfo(c, context.options.trustProxy, context.now()));
 */
export function requestInfo(c: Context, trustProxy: boolean, now: Date): RequestInfo {
  const userAgent = c.req.header("user-agent")?.slice(0, MAX_USER_AGENT_LENGTH);
  const ip = requesterIp(c, trustProxy);
  return {
    ...(userAgent ? { userAgent } : {}),
    ...(ip ? { ip: ip.slice(0, MAX_IP_LENGTH) } : {}),
    seenAt: now.toISOString(),
  };
}
