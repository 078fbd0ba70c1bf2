import { isHandoffError } from "@handoff/types";
import { exportJWK, generateKeyPair } from "jose";
import { describe, expect, it, vi } from "vitest";
import { createServerClient } from "./create-server-client.js";
import type { ServerClientOptions } from "./server-client-options.js";

const { privateKey } = await generateKeyPair("ES256", { extractable: true });
const jwk = await exportJWK(privateKey);
const purpose = "temporary_authentication";

function code(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return isHandoffError(error) ? error.code : error;
  }
  return "no error";
}

async function rejectedCode(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => "resolved",
    (error: unknown) => (isHandoffError(error) ? error.code : error),
  );
}

/** A client whose fetch fails the test if it is ever called. */
function offline() {
  const fetchSpy = vi.fn<typeof fetch>(async () => {
    throw new Error("no request may be sent");
  });
  return {
    fetchSpy,
    handoff: createServerClient({ baseUrl: "https://handoff.test", clientId: "c1", privateKey: jwk, fetch: fetchSpy }),
  };
}

// Plain JavaScript callers can pass anything; these casts stand for them.
const loose = <T>(value: unknown) => value as T;

describe("arguments are checked before anything is sent", () => {
  const valid = { userId: "u1", codeType: "short", purpose } as const;
  const badCodeCalls = [
    { ...valid, userId: "" },
    { ...valid, userId: 42 },
    { ...valid, userId: "x".repeat(129) },
    { ...valid, userId: "a\nb" },
    { ...valid, codeType: "medium" },
    { ...valid, codeType: undefined },
    { ...valid, purpose: "login" },
    { ...valid, purpose: undefined },
    { ...valid, signal: "not a signal" },
    { ...valid, timeoutMs: -1 },
    { ...valid, timeoutMs: Number.NaN },
  ];

  it.each(badCodeCalls)("generateCode and invalidateAllCodes refuse %o", async (options) => {
    const { fetchSpy, handoff } = offline();
    expect(await rejectedCode(handoff.generateCode(loose(options)))).toBe("invalid_argument");
    expect(await rejectedCode(handoff.invalidateAllCodes(loose(options)))).toBe("invalid_argument");
    expect(await rejectedCode(handoff.listPendingCodes(loose(options)))).toBe("invalid_argument");
    expect(await rejectedCode(handoff.authorizeCode(loose({ ...options, code: "123456" })))).toBe("invalid_argument");
    expect(fetchSpy).not.toHaveBeenCalled();
  });

  it.each(["", "  -  ", "_", "x".repeat(65), 42, undefined, null])(
    "authorizeCode refuses the code %o",
    async (value) => {
      const { fetchSpy, handoff } = offline();
      expect(await rejectedCode(handoff.authorizeCode(loose({ ...valid, code: value })))).toBe("invalid_argument");
      expect(fetchSpy).not.toHaveBeenCalled();
    },
  );

  it("generateCode refuses a non-boolean authorize, and options that are not an object", async () => {
    const { fetchSpy, handoff } = offline();
    expect(await rejectedCode(handoff.generateCode(loose({ ...valid, authorize: "yes" })))).toBe("invalid_argument");
    for (const options of [undefined, null, "u1", []]) {
      expect(await rejectedCode(handoff.generateCode(loose(options)))).toBe("invalid_argument");
      expect(await rejectedCode(handoff.authorizeCode(loose(options)))).toBe("invalid_argument");
      expect(await rejectedCode(handoff.invalidateAllCodes(loose(options)))).toBe("invalid_argument");
      expect(await rejectedCode(handoff.listPendingCodes(loose(options)))).toBe("invalid_argument");
    }
    expect(fetchSpy).not.toHaveBeenCalled();
  });

  it.each(["", "x".repeat(257), "a\u0000b", 7, undefined])(
    "getUserID and createUser refuse the username %o",
    async (name) => {
      const { fetchSpy, handoff } = offline();
      expect(await rejectedCode(handoff.getUserID(loose(name)))).toBe("invalid_argument");
      expect(await rejectedCode(handoff.createUser(loose(name)))).toBe("invalid_argument");
      expect(fetchSpy).not.toHaveBeenCalled();
    },
  );

  it("getUserID refuses malformed call options", async () => {
    const { fetchSpy, handoff } = offline();
    expect(await rejectedCode(handoff.getUserID("a@example.com", loose("fast")))).toBe("invalid_argument");
    expect(await rejectedCode(handoff.getUserID("a@example.com", loose({ timeoutMs: 0 })))).toBe("invalid_argument");
    expect(await rejectedCode(handoff.getUserID("a@example.com", loose({ timeoutMs: 2 ** 31 })))).toBe(
      "invalid_argument",
    );
    expect(fetchSpy).not.toHaveBeenCalled();
  });

  it.each(["", "x".repeat(129), "a\u0000b", 7, undefined])(
    "deactivateUser, activateUser and deleteUser refuse the user id %o",
    async (userId) => {
      const { fetchSpy, handoff } = offline();
      expect(await rejectedCode(handoff.deactivateUser(loose(userId)))).toBe("invalid_argument");
      expect(await rejectedCode(handoff.activateUser(loose(userId)))).toBe("invalid_argument");
      expect(await rejectedCode(handoff.deleteUser(loose(userId)))).toBe("invalid_argument");
      expect(await rejectedCode(handoff.deleteUser("u1", loose({ timeoutMs: 0 })))).toBe("invalid_argument");
      expect(fetchSpy).not.toHaveBeenCalled();
    },
  );

  const credential = { userId: "u1", credentialId: "k1", name: "Laptop" };
  it.each([
    { ...credential, userId: "" },
    { ...credential, userId: undefined },
    { ...credential, credentialId: "" },
    { ...credential, credentialId: "a/b" },
    { ...credential, credentialId: "x".repeat(1365) },
    { ...credential, credentialId: 7 },
    { ...credential, signal: {} },
  ])("renameCredential and revokeCredential refuse %o", async (options) => {
    const { fetchSpy, handoff } = offline();
    expect(await rejectedCode(handoff.renameCredential(loose(options)))).toBe("invalid_argument");
    expect(await rejectedCode(handoff.revokeCredential(loose(options)))).toBe("invalid_argument");
    expect(fetchSpy).not.toHaveBeenCalled();
  });

  it("renameCredential refuses a bad name, revokeCredential a non-boolean force, each names the argument", async () => {
    const { fetchSpy, handoff } = offline();
    for (const name of ["", "x".repeat(129), "a\tb", undefined]) {
      const error = await handoff.renameCredential(loose({ ...credential, name })).catch((e: unknown) => e);
      expect(isHandoffError(error) && error.message).toMatch(/^name must/);
    }
    expect(await rejectedCode(handoff.revokeCredential(loose({ ...credential, force: "yes" })))).toBe(
      "invalid_argument",
    );
    for (const options of [undefined, null, "u1", [], { userId: "" }, { userId: "u1", timeoutMs: -1 }]) {
      expect(await rejectedCode(handoff.listCredentials(loose(options)))).toBe("invalid_argument");
      expect(await rejectedCode(handoff.startAddPasskey(loose(options)))).toBe("invalid_argument");
    }
    expect(fetchSpy).not.toHaveBeenCalled();
  });

  it("verifyToken refuses a non-string or empty jwt and a malformed username option", async () => {
    const { fetchSpy, handoff } = offline();
    expect(await rejectedCode(handoff.verifyToken(loose(undefined)))).toBe("invalid_argument");
    expect(await rejectedCode(handoff.verifyToken(""))).toBe("invalid_argument");
    expect(await rejectedCode(handoff.verifyToken("a.b.c", loose({ username: "" })))).toBe("invalid_argument");
    expect(await rejectedCode(handoff.verifyToken("a.b.c", loose("alice")))).toBe("invalid_argument");
    expect(await rejectedCode(handoff.verifyToken(`${"a".repeat(9000)}.b.c`))).toBe("invalid_jwt");
    expect(fetchSpy).not.toHaveBeenCalled();
  });

  it("a private key that cannot be imported fails the call with invalid_argument, nothing sent", async () => {
    const fetchSpy = vi.fn<typeof fetch>();
    const handoff = createServerClient({
      baseUrl: "https://handoff.test",
      clientId: "c1",
      privateKey: "-----BEGIN PRIVATE KEY-----\nnope\n-----END PRIVATE KEY-----",
      fetch: fetchSpy,
    });
    expect(await rejectedCode(handoff.getUserID("a@example.com"))).toBe("invalid_argument");
    const { d: _private, ...publicJwk } = jwk;
    const publicOnly = createServerClient({
      baseUrl: "https://handoff.test",
      clientId: "c1",
      privateKey: publicJwk,
      fetch: fetchSpy,
    });
    expect(await rejectedCode(publicOnly.createUser("a@example.com"))).toBe("invalid_argument");
    expect(fetchSpy).not.toHaveBeenCalled();
  });
});

describe("createServerClient options", () => {
  const base: ServerClientOptions = { baseUrl: "https://handoff.test", clientId: "c1", privateKey: jwk };

  it.each<[string, Partial<Record<keyof ServerClientOptions, unknown>>]>([
    ["baseUrl not a URL", { baseUrl: "handoff.test" }],
    ["baseUrl not http(s)", { baseUrl: "ftp://handoff.test" }],
    ["baseUrl with a query", { baseUrl: "https://handoff.test/?x=1" }],
    ["baseUrl with credentials", { baseUrl: "https://user:pw@handoff.test" }],
    ["empty clientId", { clientId: " " }],
    ["missing privateKey", { privateKey: undefined }],
    ["timeoutMs 0", { timeoutMs: 0 }],
    ["timeoutMs true", { timeoutMs: true }],
    ["negative clockToleranceSeconds", { clockToleranceSeconds: -1 }],
    ["huge clockToleranceSeconds", { clockToleranceSeconds: 3_600 }],
    ["retry.limit not an integer", { retry: { limit: 1.5 } }],
    ["retry not an object", { retry: 3 }],
    ["negative retry delay", { retry: { initialDelayMs: -1 } }],
    ["empty issuer", { issuer: "" }],
    ["fetch not a function", { fetch: "fetch" }],
  ])("refuses %s with invalid_argument", (_, override) => {
    expect(code(() => createServerClient(loose({ ...base, ...override })))).toBe("invalid_argument");
  });

  it("refuses a missing options object", () => {
    expect(code(() => createServerClient(loose(undefined)))).toBe("invalid_argument");
  });

  it("accepts the documented forms and normalises baseUrl", () => {
    expect(createServerClient({ ...base, baseUrl: "http://127.0.0.1:8787/" }).baseUrl).toBe("http://127.0.0.1:8787");
    expect(createServerClient({ ...base, baseUrl: "https://example.com/handoff//" }).baseUrl).toBe(
      "https://example.com/handoff",
    );
    expect(code(() => createServerClient({ ...base, timeoutMs: false, retry: false, clockToleranceSeconds: 0 }))).toBe(
      "no error",
    );
  });
});
