import { type CodePurpose, type CodeType, generateCodeResponseSchema } from "@handoff/types";
import { importJWK, type JWK, SignJWT } from "jose";
import { expect } from "vitest";
import type { TestService } from "../helpers.js";

/**
 * Options of one call: another client's id in the body, an abort signal, and the caller's
 * address (sent as `X-Forwarded-For`: the service must run with `trustProxy`).
 */
export interface CallOptions {
  clientId?: string;
  signal?: AbortSignal;
  address?: string;
}

/**
 * The code endpoints of a test service, called as its backend (generate, authorize, invalidate)
 * and as a new device (wait). With `clock`, service tokens carry the service's fake time as `iat`.
 */
export function codeCalls(t: TestService, clock?: () => number) {
  const claims = () => (clock ? { iat: Math.floor(clock() / 1000) } : {});
  const calls = {
    /** Creates a user and returns its id. */
    async createUser(username: string) {
      const response = await t.post(
        "/api/native/manage/users",
        { username },
        { token: await t.token("users.create", claims()) },
      );
      if (response.status !== 200) expect.fail(`createUser: ${response.status} ${await response.text()}`);
      return ((await response.json()) as { id: string }).id;
    },
    async generate(userId: string, type: CodeType, purpose: CodePurpose, authorize = false) {
      const response = await t.post(
        `/api/native/codes/${type}/generate`,
        { client_id: t.clientId, user_id: userId, purpose, authorize },
        { token: await t.token("codes.generate", claims()) },
      );
      if (response.status !== 200) expect.fail(`generate: ${response.status} ${await response.text()}`);
      return generateCodeResponseSchema.parse(await response.json());
    },
    async authorize(userId: string, code: string, type: CodeType, purpose: CodePurpose) {
      return t.post(
        `/api/native/codes/${type}/authorize`,
        { client_id: t.clientId, user_id: userId, purpose, code },
        { token: await t.token("codes.authorize", claims()) },
      );
    },
    async invalidate(userId: string, type: CodeType, purpose: CodePurpose) {
      return t.post(
        `/api/native/codes/${type}/invalidate-all`,
        { client_id: t.clientId, user_id: userId, purpose },
        { token: await t.token("codes.invalidate", claims()) },
      );
    },
    wait(username: string, code: string, type: CodeType, options: CallOptions = {}) {
      return fetch(`${t.service.url}/api/native/authenticate/code/wait`, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          ...(options.address ? { "x-forwarded-for": options.address } : {}),
        },
        body: JSON.stringify({
          client_id: options.clientId ?? t.clientId,
          username,
          authentication_code: { code, type },
        }),
        ...(options.signal ? { signal: options.signal } : {}),
      });
    },
  };
  return calls;
}

/** A second client (its own namespace and key) on the same running service as `t`. */
export async function anotherClient(t: TestService, origins: string[] = []): Promise<TestService> {
  const created = await t.service.createClient({ name: "another", origins });
  const privateKey = created.privateKey as JWK;
  const key = await importJWK(privateKey, "ES256");
  const token: TestService["token"] = (scope, claims = {}) =>
    new SignJWT({ client_id: created.clientId, type: scope, nonce: crypto.randomUUID(), ...claims })
      .setProtectedHeader({ alg: "ES256", typ: "JWT" })
      .setIssuedAt(typeof claims.iat === "number" ? claims.iat : Math.floor(Date.now() / 1000))
      .sign(key);
  const other: TestService = {
    ...t,
    clientId: created.clientId,
    privateKey,
    privateKeyPem: created.privateKeyPem as string,
    origin: origins[0] ?? t.origin,
    token,
    createUser: async (username) => codeCalls(other).createUser(username),
  };
  return other;
}

/** `{status, code}` of an answer, reading its JSON body. */
export async function outcome(response: Response): Promise<{ status: number; code: unknown }> {
  const body = (await response.json()) as { code?: unknown };
  return { status: response.status, code: body.code };
}

/** A code of the same type as `code` that is not `code`. */
export function wrongCode(code: string, type: CodeType, index: number): string {
  const candidate =
    type === "short"
      ? String(index).padStart(6, "0")
      : type === "long"
        ? `BCDFGHJKLM${String(index).padStart(6, "0")}`
        : `zzz${String(index).padStart(3, "0")}`;
  return candidate.toLowerCase() === code.toLowerCase() ? wrongCode(code, type, index + 100_000) : candidate;
}

let serial = 0;
/** A username no other test uses. */
export const freshName = (label: string): string =>
  `${label}-${++serial}-${crypto.randomUUID().slice(0, 8)}@example.com`;

let addressSerial = 0;
/** A private address no other call of this test process uses. */
export const freshAddress = (): string => {
  addressSerial += 1;
  return `10.77.${Math.floor(addressSerial / 250)}.${(addressSerial % 250) + 1}`;
};
