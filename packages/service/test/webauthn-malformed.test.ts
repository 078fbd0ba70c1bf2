import { describe, expect, it } from "vitest";
import { useService } from "./helpers.js";
import { passkeyCalls } from "./passkey-calls.js";
import { SoftAuthenticator } from "./soft-authenticator.js";

const t = await useService();
const api = passkeyCalls(t);
const b64 = (text: string) => Buffer.from(text).toString("base64url");

describe("malformed passkey bodies answer 4xx, never 500", () => {
  const endpoints = [
    "registerInit",
    "registerComplete",
    "authenticateInit",
    "authenticateComplete",
    "addInit",
    "addComplete",
  ] as const;

  it("refuses bodies that do not fit the schemas with 400 invalid_request", async () => {
    const everywhere: unknown[] = [
      "not json",
      [],
      {},
      { client_id: t.clientId },
      { client_id: t.clientId, username: 42 },
      { client_id: t.clientId, username: "" },
      { client_id: t.clientId, username: "a\u0000b" },
      { client_id: 7, username: "a@example.com" },
    ];
    const credentialBodies: unknown[] = [
      { credential: "x" },
      { credential: { id: "!!", rawId: "!!", type: "public-key", clientExtensionResults: {}, response: {} } },
      { credential: { id: "AA", rawId: "AA", type: "other", clientExtensionResults: {}, response: {} } },
      { credential: { id: "AA", rawId: "AA", type: "public-key", response: { clientDataJSON: "AA" } } },
      {
        credential: { id: "A".repeat(1400), rawId: "AA", type: "public-key", clientExtensionResults: {}, response: {} },
      },
    ].map((extra) => ({ client_id: t.clientId, username: "a@example.com", ...extra }));
    const codeBodies: unknown[] = [
      { authentication_code: { code: "a", type: "nope" } },
      { authentication_code: { code: "", type: "phrase" } },
      { authentication_code: "mouse132" },
    ].map((extra) => ({ client_id: t.clientId, username: "a@example.com", ...extra }));
    const cases: [(typeof endpoints)[number], unknown][] = [
      ...endpoints.flatMap((name) =>
        everywhere
          // Without a username, sign-in init is a valid username-less start.
          .filter(
            (body) => name !== "authenticateInit" || JSON.stringify(body) !== JSON.stringify({ client_id: t.clientId }),
          )
          .map((body): [(typeof endpoints)[number], unknown] => [name, body]),
      ),
      ...(["registerComplete", "authenticateComplete", "addComplete"] as const).flatMap((name) =>
        credentialBodies.map((body): [(typeof endpoints)[number], unknown] => [name, body]),
      ),
      ...codeBodies.map((body): [(typeof endpoints)[number], unknown] => ["addInit", body]),
    ];
    for (const [name, body] of cases) {
      const response = await api.call(name, body);
      expect.soft({ name, body, ...(await api.refusal(response)) }).toMatchObject({
        status: 400,
        code: "invalid_request",
      });
    }
  });

  it("refuses an unknown client with 400 invalid_request", async () => {
    const response = await api.call("registerInit", { client_id: "no-such-client", username: "a@example.com" });
    expect(await api.refusal(response)).toEqual({ status: 400, code: "invalid_request" });
  });

  it("refuses client data that is not JSON or has no challenge, and garbage attestations", async () => {
    const username = "malformed@example.com";
    const good = new SoftAuthenticator(t.origin).register(await api.registerOptions(username));
    const variants = [
      { clientDataJSON: b64("not json") },
      { clientDataJSON: b64(JSON.stringify({ type: "webauthn.create" })) },
      { clientDataJSON: b64(JSON.stringify({ challenge: 12 })) },
      { clientDataJSON: "AAAA" },
    ];
    for (const change of variants) {
      const credential = { ...good, response: { ...good.response, ...change } };
      const response = await api.call("registerComplete", { client_id: t.clientId, username, credential });
      expect(await api.refusal(response)).toEqual({ status: 400, code: "verification_failed" });
    }
    const garbage = { ...good, response: { ...good.response, attestationObject: b64("garbage") } };
    const response = await api.call("registerComplete", { client_id: t.clientId, username, credential: garbage });
    expect(await api.refusal(response)).toEqual({ status: 400, code: "verification_failed" });
  });

  it("refuses a garbage signature and authenticator data", async () => {
    const username = "garbage-assertion@example.com";
    const authenticator = new SoftAuthenticator(t.origin);
    await api.signUp(username, authenticator);
    for (const change of [{ signature: b64("garbage") }, { authenticatorData: b64("short") }]) {
      const good = authenticator.authenticate(await api.authenticateOptions(username));
      const credential = { ...good, response: { ...good.response, ...change } };
      const response = await api.call("authenticateComplete", { client_id: t.clientId, username, credential });
      expect(await api.refusal(response)).toEqual({ status: 400, code: "verification_failed" });
    }
  });
});
