import { isHandoffError, signedInWithOwnKey } from "@handoff/types/core";
import { requireUsername } from "@handoff/types/core/arguments";
import type { HandoffHandlerOptions, SignedInUser } from "./handler-options.js";
import { errorResponse, failure, json } from "./handler-responses.js";
import { isJson, readJsonField } from "./read-json-field.js";
import { StartLimits } from "./start-limits.js";
import { UsedTokenIds } from "./used-token-ids.js";

/**
 * Handles one request to the Handoff routes; `null` when the path is not one of them. `extra`
 * goes to your `getUser` and `signIn`. `handles(method, pathname)` says beforehand whether a
 * request is one of them (the Express adapter reads no body otherwise).
 */
export interface HandoffHandler<Extra = undefined> {
  (request: Request, extra: Extra): Promise<Response | null>;
  handles(method: string, pathname: string): boolean;
}

const oneTime = { codeType: "short", purpose: "temporary_authentication" } as const;

/** Default of `startLimit`: 5 add-device mails per username per 15 minutes. */
const DEFAULT_START_LIMIT = { max: 5, windowMs: 15 * 60_000 };

/**
 * The routes every backend writes around Handoff, as one fetch handler (`Request` in,
 * `Response` out) for any framework or runtime — Next.js route handlers, edge functions, Bun,
 * Deno; `@handoff/server/hono` and `@handoff/server/express` wrap it. Under `basePath`
 * (default `/handoff`):
 *
 * | route | who calls it | what it does |
 * |---|---|---|
 * | `POST /one-time/start {username}` | the new device | `getUser` + `generateCode` (short): `{ code, codeType, expiresAt }` to show and wait on (`404 user_not_found` for an unknown username) |
 * | `GET /requests` | the signed-in device | `listPendingCodes`: who asks (user agent, IP, time), never the codes |
 * | `POST /approve {code}` | the signed-in device | `authorizeCode` with the code typed from the new device's screen |
 * | `POST /deny` | the signed-in device | `invalidateAllCodes`: every pending wait answers `code_invalidated` |
 * | `POST /add-device/start {username}` | the new device | with `sendAddDeviceCode`: an authorized `phrase` code delivered to the owner; the same answer for any username |
 * | `POST /session {jwt}` | any device, at the end of a flow | `verifyToken`, each token once, then your `signIn` |
 *
 * Every `POST` must be `Content-Type: application/json` (a cross-site form cannot send that
 * without a CORS preflight), read up to 16 KiB. Your app keeps its own session (`getUser`,
 * `signIn`). The two `start` routes need no credential: put a per-address limiter in front of
 * them (`/one-time/start` answers `404` for an unknown username, so it tells who has an account;
 * add-device mails are capped per username by `startLimit`). Errors are `{ code, message }` with
 * the status of the `HandoffError` a device can act on; anything else is `502 service_error`
 * (and `onError`).
 *
 * @example
 * // app/handoff/[...route]/route.ts (Next.js)
 * const handoff = createHandoffHandler({ client, getUser, signIn });
 * export const GET = async (request: Request) =>
 *   (await handoff(request, undefined)) ?? new Response(null, { status: 404 });
 * export const POST = GET;
 */
export function createHandoffHandler<Extra = undefined>(options: HandoffHandlerOptions<Extra>): HandoffHandler<Extra> {
  type Route = (request: Request, extra: Extra) => Promise<Response>;
  const { client, getUser, signIn, sendAddDeviceCode, onError } = options;
  const basePath = (options.basePath ?? "/handoff").replace(/\/+$/, "");
  const usedTokens = new UsedTokenIds();
  const { max, windowMs } = options.startLimit || DEFAULT_START_LIMIT;
  const mailLimits = options.startLimit === false ? undefined : new StartLimits(max, windowMs);

  const signedIn = async (request: Request, extra: Extra): Promise<SignedInUser | Response> =>
    (await getUser(request, extra)) ?? failure(401, "not_signed_in", "Sign in on this device first.");

  /** Makes and sends an add-device code, after the answer: its outcome is nobody's to observe. */
  const mailAddDeviceCode = async (username: string) => {
    const user = await client.getUser(username).catch((error: unknown) => {
      if (isHandoffError(error) && error.code === "user_not_found") return null;
      throw error;
    });
    if (!user || user.deactivatedAt !== null || !sendAddDeviceCode) return;
    const code = await client.generateCode({
      userId: user.id,
      codeType: "phrase",
      purpose: "add_credential",
      authorize: true,
    });
    await sendAddDeviceCode(user, code);
  };

  const routes: Record<string, Route> = {
    "POST /one-time/start": async (request) => {
      const { id: userId } = await client.getUser(requireUsername(await readJsonField(request, "username")));
      const { code, expiresAt } = await client.generateCode({ userId, ...oneTime });
      return json({ code, codeType: oneTime.codeType, expiresAt: expiresAt.toISOString() });
    },
    "GET /requests": async (request, extra) => {
      const user = await signedIn(request, extra);
      if (user instanceof Response) return user;
      const pending = await client.listPendingCodes({ userId: user.userId, ...oneTime });
      return json({
        requests: pending.map(({ expiresAt, requester }) => ({
          expiresAt: expiresAt.toISOString(),
          requester: requester && { ...requester, seenAt: requester.seenAt.toISOString() },
        })),
      });
    },
    "POST /approve": async (request, extra) => {
      const user = await signedIn(request, extra);
      if (user instanceof Response) return user;
      if (!signedInWithOwnKey(user.credentialType) && !options.oneTimeSessionsMayApprove) {
        return failure(403, "signed_in_once", "Only a device signed in with its own passkey or key approves others.");
      }
      const code = await readJsonField(request, "code");
      await client.authorizeCode({ userId: user.userId, code, ...oneTime });
      return json({ approved: true });
    },
    "POST /deny": async (request, extra) => {
      const user = await signedIn(request, extra);
      if (user instanceof Response) return user;
      await client.invalidateAllCodes({ userId: user.userId, ...oneTime });
      return json({ denied: true });
    },
    "POST /add-device/start": async (request) => {
      if (!sendAddDeviceCode) return failure(404, "not_found", "Adding a device is not enabled here.");
      const username = requireUsername(await readJsonField(request, "username"));
      const retryAfter = mailLimits?.take(username);
      if (retryAfter !== undefined) {
        return failure(429, "too_many_attempts", "Too many codes asked for this account. Try again later.", {
          "retry-after": String(retryAfter),
        });
      }
      // The same answer, at once, whether or not the account exists or the mail goes out.
      mailAddDeviceCode(username).catch((error: unknown) => onError?.(error));
      return json({ sent: true });
    },
    "POST /session": async (request, extra) => {
      const claims = await client.verifyToken(await readJsonField(request, "jwt"));
      if (!usedTokens.use(claims.tokenId, claims.expiresAt)) {
        return failure(401, "token_used", "This sign-in was already used. Sign in again.");
      }
      return signIn(claims, request, extra);
    },
  };

  /** The route of a path under `basePath`, its other methods, or nothing. */
  const match = (method: string, pathname: string) => {
    if (!pathname.startsWith(`${basePath}/`)) return undefined;
    const path = pathname.slice(basePath.length);
    const route = routes[`${method} ${path}`];
    if (route) return route;
    return Object.keys(routes).some((key) => key.endsWith(` ${path}`)) ? ("wrong_method" as const) : undefined;
  };

  const handle = async (request: Request, extra: Extra): Promise<Response | null> => {
    const route = match(request.method, new URL(request.url).pathname);
    if (!route) return null;
    if (route === "wrong_method") return failure(405, "method_not_allowed", "This route does not take this method.");
    if (request.method === "POST" && !isJson(request)) {
      return failure(415, "unsupported_media_type", "Send JSON (Content-Type: application/json).");
    }
    try {
      return await route(request, extra);
    } catch (error) {
      return errorResponse(error, onError);
    }
  };
  return Object.assign(handle, {
    handles: (method: string, pathname: string) => match(method, pathname) !== undefined,
  });
}
