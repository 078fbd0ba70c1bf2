import { describe, expect, it } from "vitest";
import type { CodeRecord } from "../src/storage/records.js";
import type { Storage } from "../src/storage/storage.js";
import { at, codeRecord, openedStorages, T0 } from "./storage-fixtures.js";

const code = (userId: string, overrides: Partial<CodeRecord> = {}): CodeRecord => codeRecord({ userId, ...overrides });

/** Two users of namespace `ns`, each with a passkey, a device key, a live and a used code, a challenge and a counter. */
async function seed(s: Storage, ...ids: string[]): Promise<Record<string, { live: string }>> {
  const seeded: Record<string, { live: string }> = {};
  for (const id of ids) {
    await s.users.insert({ id, namespaceId: "ns", username: `${id}@example.com`, createdAt: T0, verifiedAt: T0 });
    await s.credentials.insertPasskey({
      id: `${id}-passkey`,
      userId: id,
      publicKey: "pk",
      counter: 0,
      transports: [],
      name: "Passkey",
      createdAt: T0,
      lastUsedAt: null,
      aaguid: null,
    });
    await s.credentials.insertDeviceKey({
      id: `${id}-key`,
      userId: id,
      keyData: "spki",
      keyType: "ec",
      keyLength: 256,
      signatureAlgorithm: "ES256",
      deviceInfo: "Laptop",
      name: null,
      createdAt: T0,
      lastUsedAt: null,
    });
    const live = code(id);
    await s.codes.insert(live);
    await s.codes.insert(code(id, { consumedAt: T0, authorizedAt: T0 }));
    await s.challenges.insert({
      challenge: `${id}-challenge`,
      kind: "webauthn.authenticate",
      clientId: "client-1",
      userId: id,
      data: {},
      expiresAt: at(300_000),
    });
    await s.attempts.recordFailure(`code:client-1:${id}:temporary_authentication`, 60_000, T0);
    seeded[id] = { live: live.id };
  }
  return seeded;
}

const scopeOf = (userId: string) =>
  ({ clientId: "client-1", userId, type: "short", purpose: "temporary_authentication" }) as const;

/**
 * The user lifecycle queries (deactivate, activate, delete) every {@link Storage} adapter must
 * run alike. `open` returns a migrated, empty storage.
 */
export function describeUserLifecycleConformance(name: string, open: () => Promise<Storage>): void {
  describe(`${name} storage conformance: the user lifecycle`, () => {
    const storage = openedStorages(open);

    it("deactivates a user once (the first time stays), deleting its live codes only; activates it again", async () => {
      const s = await storage();
      const seeded = await seed(s, "u1", "u2");
      const first = await s.users.deactivate("ns", "u1", at(1));
      expect(first?.user.deactivatedAt).toEqual(at(1));
      expect(first?.deletedCodes).toEqual([seeded.u1?.live]);
      expect((await s.users.deactivate("ns", "u1", at(2)))?.user.deactivatedAt).toEqual(at(1));
      expect((await s.users.getById("ns", "u1"))?.deactivatedAt).toEqual(at(1));
      expect(await s.codes.list(scopeOf("u1"))).toEqual([]);
      expect(await s.credentials.listPasskeys("u1")).toHaveLength(1); // credentials stay
      expect(await s.challenges.take("u1-challenge", "webauthn.authenticate")).toBeDefined();
      expect(await s.codes.list(scopeOf("u2"))).toHaveLength(1);
      expect(await s.users.deactivate("other-ns", "u2", at(1))).toBeUndefined();
      expect(await s.users.deactivate("ns", "nobody", at(1))).toBeUndefined();

      const activated = await s.users.activate("ns", "u1");
      expect(activated?.deactivatedAt ?? null).toBeNull();
      expect((await s.users.getById("ns", "u1"))?.deactivatedAt ?? null).toBeNull();
      expect(await s.users.activate("ns", "nobody")).toBeUndefined();
    });

    it("deletes a user with its credentials, codes, challenges and counters, and nobody else's", async () => {
      const s = await storage();
      const seeded = await seed(s, "u1", "u2");
      const deletion = await s.users.delete("ns", "u1");
      expect(deletion?.user.username).toBe("u1@example.com");
      expect(deletion?.deletedCodes).toEqual([seeded.u1?.live]);
      expect(await s.users.getById("ns", "u1")).toBeUndefined();
      expect(await s.credentials.listPasskeys("u1")).toEqual([]);
      expect(await s.credentials.listDeviceKeys("u1")).toEqual([]);
      expect(await s.codes.get(seeded.u1?.live ?? "")).toBeUndefined();
      expect(await s.challenges.take("u1-challenge", "webauthn.authenticate")).toBeUndefined();
      expect(await s.attempts.getFailures("code:client-1:u1:temporary_authentication", T0)).toBeUndefined();
      expect(await s.users.delete("ns", "u1")).toBeUndefined();

      expect(await s.credentials.listPasskeys("u2")).toHaveLength(1);
      expect(await s.credentials.listDeviceKeys("u2")).toHaveLength(1);
      expect(await s.codes.list(scopeOf("u2"))).toHaveLength(1); // the live one (list skips used ones)
      expect(await s.challenges.take("u2-challenge", "webauthn.authenticate")).toBeDefined();
      expect(await s.attempts.getFailures("code:client-1:u2:temporary_authentication", T0)).toBeDefined();
      expect(await s.users.delete("ns", "u2")).toMatchObject({ deletedCodes: [seeded.u2?.live] });

      // The name is free again: a new user of it is another user.
      expect(
        await s.users.insert({
          id: "u3",
          namespaceId: "ns",
          username: "u1@example.com",
          createdAt: T0,
          verifiedAt: T0,
        }),
      ).toBe(true);
      expect(await s.credentials.listPasskeys("u3")).toEqual([]);
    });
  });
}
