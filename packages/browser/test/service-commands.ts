/**
 * Vitest browser commands: they run in Node, next to a real @handoff/service, and let browser
 * tests play the backend (create users, generate, authorize and deny codes, read the outbox,
 * verify JWTs) over real HTTP. One service is started lazily per test run.
 */

import { type RunningService, startService } from "@handoff/service";
import type { CodePurpose, CodeType, Scope } from "@handoff/types";
import type {} from "@vitest/browser-playwright";
import { type CryptoKey, createRemoteJWKSet, importJWK, jwtVerify, SignJWT } from "jose";
import type { BrowserCommandContext } from "vitest/node";

interface Backend {
  service: RunningService;
  clientId: string;
  key: CryptoKey;
}

/** One backend per test process, shared with the global setup that closes it. */
const shared = globalThis as { handoffBrowserBackend?: Promise<Backend> };

/** Closes the service, if one was started (called by the global teardown). */
export async function closeBackend(): Promise<void> {
  const started = shared.handoffBrowserBackend;
  delete shared.handoffBrowserBackend;
  if (started) await (await started).service.close();
}

/** The backend; the first call creates its client for the test page's origin. */
function getBackend(origin?: string): Promise<Backend> {
  shared.handoffBrowserBackend ??= (async () => {
    if (!origin) throw new Error("call handoffService() first");
    const service = await startService({
      port: 0,
      database: ":memory:",
      logger: false,
      waitTimeoutMs: 2_000,
      devOutbox: true, // the tests read the security codes from service.outbox
    });
    const client = await service.createClient({ name: "browser-tests", origins: [origin] });
    if (!client.privateKey) throw new Error("no private key");
    const key = await importJWK(client.privateKey, "ES256");
    if (key instanceof Uint8Array) throw new Error("symmetric key");
    return { service, clientId: client.clientId, key };
  })();
  return shared.handoffBrowserBackend;
}

async function call(path: string, scope: Scope, body: Record<string, unknown>): Promise<unknown> {
  const { service, clientId, key } = await getBackend();
  const token = await new SignJWT({ client_id: clientId, type: scope, nonce: crypto.randomUUID() })
    .setProtectedHeader({ alg: "ES256" })
    .setIssuedAt()
    .sign(key);
  const response = await fetch(`${service.url}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
    body: JSON.stringify({ client_id: clientId, ...body }),
  });
  const json: unknown = await response.json();
  if (!response.ok) throw new Error(`${path}: ${response.status} ${JSON.stringify(json)}`);
  return json;
}

interface CodeArgs {
  userId: string;
  codeType: CodeType;
  purpose: CodePurpose;
}

/** The commands, registered in vitest.config.ts. */
export const serviceCommands = {
  /** The service URL and client id the browser SDK is pointed at. */
  async handoffService(context: BrowserCommandContext): Promise<{ serviceUrl: string; clientId: string }> {
    const { service, clientId } = await getBackend(new URL(context.page.url()).origin);
    return { serviceUrl: service.url, clientId };
  },
  /** Creates a user (without credentials); returns its id. */
  async handoffCreateUser(_context: BrowserCommandContext, username: string): Promise<string> {
    const profile = (await call("/api/native/manage/users", "users.create", { username })) as { id: string };
    return profile.id;
  },
  /** Generates a code; returns it with its expiry (ISO). */
  async handoffGenerateCode(
    _context: BrowserCommandContext,
    args: CodeArgs & { authorize?: boolean },
  ): Promise<{ code: string; expiresAt: string }> {
    const body = (await call(`/api/native/codes/${args.codeType}/generate`, "codes.generate", {
      user_id: args.userId,
      purpose: args.purpose,
      authorize: args.authorize ?? false,
    })) as { code: string; expires_at: string };
    return { code: body.code, expiresAt: body.expires_at };
  },
  /** Authorizes a code, as the signed-in device's backend does. */
  async handoffAuthorizeCode(_context: BrowserCommandContext, args: CodeArgs & { code: string }): Promise<void> {
    await call(`/api/native/codes/${args.codeType}/authorize`, "codes.authorize", {
      user_id: args.userId,
      purpose: args.purpose,
      code: args.code,
    });
  },
  /** Invalidates every code of a user, type and purpose (deny). */
  async handoffInvalidateCodes(_context: BrowserCommandContext, args: CodeArgs): Promise<void> {
    await call(`/api/native/codes/${args.codeType}/invalidate-all`, "codes.invalidate", {
      user_id: args.userId,
      purpose: args.purpose,
    });
  },
  /**
   * Starts adding a passkey without a code, as the signed-in user's backend does
   * (`startAddPasskey`, `POST …/credentials/fido2/init/force`); returns the options for the browser.
   */
  async handoffStartAddPasskey(_context: BrowserCommandContext, userId: string): Promise<unknown> {
    const body = (await call("/api/native/credentials/fido2/init/force", "credentials.force_add", {
      user_id: userId,
    })) as { options: unknown };
    return body.options;
  },
  /** Mail the service kept in its dev outbox (no SMTP in tests), newest last. */
  async handoffOutbox(_context: BrowserCommandContext): Promise<{ to: string; subject: string; text: string }[]> {
    const { service } = await getBackend();
    return service.outbox.map(({ to, subject, text }) => ({ to, subject, text }));
  },
  /** Verifies a user JWT against the service's JWKS as a backend would; returns its claims. */
  async handoffVerifyJwt(_context: BrowserCommandContext, jwt: string): Promise<Record<string, unknown>> {
    const { service, clientId } = await getBackend();
    const jwks = createRemoteJWKSet(new URL(`${service.url}/.well-known/jwks.json`));
    const { payload } = await jwtVerify(jwt, jwks, { algorithms: ["ES256"], audience: clientId, issuer: service.url });
    return { ...payload };
  },
  /** Revokes a credential of a user (`force`: also the last one), as the user's backend does. */
  async handoffRevokeCredential(
    _context: BrowserCommandContext,
    args: { userId: string; credentialId: string },
  ): Promise<void> {
    await call("/api/native/credentials/revoke", "credentials.revoke", {
      user_id: args.userId,
      credential: { uuid: args.credentialId },
      force: true,
    });
  },
  /** Waits currently held by the service. */
  async handoffPendingWaits(_context: BrowserCommandContext): Promise<number> {
    return (await getBackend()).service.pendingWaits;
  },
};

type Commands = typeof serviceCommands;
type Browserside<F> = F extends (context: BrowserCommandContext, ...args: infer A) => infer R
  ? (...args: A) => R
  : never;

declare module "vitest/browser" {
  interface BrowserCommands {
    handoffService: Browserside<Commands["handoffService"]>;
    handoffCreateUser: Browserside<Commands["handoffCreateUser"]>;
    handoffGenerateCode: Browserside<Commands["handoffGenerateCode"]>;
    handoffAuthorizeCode: Browserside<Commands["handoffAuthorizeCode"]>;
    handoffInvalidateCodes: Browserside<Commands["handoffInvalidateCodes"]>;
    handoffStartAddPasskey: Browserside<Commands["handoffStartAddPasskey"]>;
    handoffOutbox: Browserside<Commands["handoffOutbox"]>;
    handoffVerifyJwt: Browserside<Commands["handoffVerifyJwt"]>;
    handoffPendingWaits: Browserside<Commands["handoffPendingWaits"]>;
    handoffRevokeCredential: Browserside<Commands["handoffRevokeCredential"]>;
  }
}
