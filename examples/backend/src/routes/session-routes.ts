import { signedInWithOwnKey } from "@handoff/server";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import { ApiError } from "../api-error.ts";
import type { BackendApp, BackendContext } from "../backend-context.ts";
import { readStringField } from "../read-json.ts";
import { requireSession, SESSION_COOKIE } from "../require-session.ts";
import type { Session } from "../session-store.ts";

/**
 * Who is signed in, as the page needs it: the username, whether this device signed in once
 * (a one-time code), and the credential's uuid (the "Your devices" list marks it "this device").
 */
function me(session: Session) {
  return {
    userId: session.userId,
    username: session.username,
    signedInOnce: !signedInWithOwnKey(session.credential?.type),
    credentialId: session.credential?.id ?? null,
  };
}

/** Longest JWT accepted, in characters. */
const MAX_JWT_LENGTH = 8192;

/**
 * `GET /api/config` (what the frontend needs to call the service), `POST /api/session` (trade a
 * Handoff JWT for a session cookie), `GET /api/me`, `POST /api/logout`.
 */
export function registerSessionRoutes(app: BackendApp, context: BackendContext): void {
  app.get("/api/config", (c) => c.json({ serviceUrl: context.serviceUrl, clientId: context.handoff.clientId }));

  // The one place a browser's word becomes a session: only a JWT this backend verified (signature
  // from the service's JWKS, issuer, audience = our client id, expiry), and each JWT only once.
  app.post("/api/session", async (c) => {
    const jwt = await readStringField(c, "jwt", MAX_JWT_LENGTH);
    const claims = await context.handoff.verifyToken(jwt);
    if (!context.usedTokens.use(claims.tokenId, claims.expiresAt)) {
      throw new ApiError(401, "token_used", "This sign-in was already used. Sign in again.");
    }
    const previous = getCookie(c, SESSION_COOKIE);
    if (previous) context.sessions.delete(previous);
    const session = context.sessions.create({
      userId: claims.userId,
      username: claims.username,
      credential: claims.credential,
    });
    setCookie(c, SESSION_COOKIE, session.id, {
      httpOnly: true,
      sameSite: "Lax",
      secure: context.secureCookies,
      path: "/",
      maxAge: Math.floor(context.sessionTtlMs / 1000),
    });
    return c.json(me(session));
  });

  app.get("/api/me", requireSession(context.sessions), (c) => c.json(me(c.var.session)));

  app.post("/api/logout", (c) => {
    const id = getCookie(c, SESSION_COOKIE);
    if (id) context.sessions.delete(id);
    deleteCookie(c, SESSION_COOKIE, { path: "/" });
    return c.json({ signedOut: true });
  });
}
