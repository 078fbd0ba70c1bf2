import { describe, expect, it } from "vitest";
import { SqliteStorage } from "../storage/sqlite/sqlite-storage.js";
import { useServiceTokenNonce, type VerifiedServiceToken } from "./verify-service-token.js";

const T0 = Date.UTC(2026, 0, 1, 12);
const token = (nonce: string): VerifiedServiceToken => ({
  client: {
    id: "client-1",
    name: "test",
    namespaceId: "ns-1",
    publicKeyJwk: { kty: "EC", crv: "P-256", x: "x", y: "y" },
    origins: [],
    createdAt: new Date(T0),
  },
  claims: { client_id: "client-1", type: "codes.generate", nonce, iat: T0 / 1000 },
});

describe("useServiceTokenNonce", () => {
  it("spends a nonce once while its token could verify", async () => {
    const storage = new SqliteStorage(":memory:");
    await storage.migrate();
    const context = { storage, now: () => new Date(T0 + 1_000) };
    await useServiceTokenNonce(context, token("n-1"));
    await expect(useServiceTokenNonce(context, token("n-1"))).rejects.toMatchObject({ code: "invalid_token" });
    await storage.close();
  });

  it("refuses a token that grew too old while its request waited for the database, whose nonce row has expired", async () => {
    const storage = new SqliteStorage(":memory:");
    await storage.migrate();
    let now = T0 + 1_000;
    const context = { storage, now: () => new Date(now) };
    await useServiceTokenNonce(context, token("n-2"));
    now = T0 + 331_000; // past the nonce row's expiry (iat + 300 s + 30 s of skew)
    await expect(useServiceTokenNonce(context, token("n-2"))).rejects.toMatchObject({
      code: "invalid_token",
      message: "The service token is too old.",
    });
    await storage.close();
  });
});
