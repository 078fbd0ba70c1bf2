import { describe, expect, it } from "vitest";
import type { PurgeCounts } from "../src/storage/purge.js";
import type { Storage } from "../src/storage/storage.js";
import { at, codeRecord, openedStorages, T0 } from "./storage-fixtures.js";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

const code = codeRecord;

const scope = { clientId: "client-1", userId: "user-1", type: "short", purpose: "temporary_authentication" } as const;

/**
 * The behaviour every {@link Storage} adapter must have, run against each of them. `open`
 * returns a migrated, empty storage; each test closes what it opened.
 */
export function describeStorageConformance(name: string, open: () => Promise<Storage>): void {
  describe(`${name} storage conformance`, () => {
    const storage = openedStorages(open);

    it("migrates idempotently and keeps data", async () => {
      const s = await storage();
      await s.clients.insert({
        id: "client-1",
        name: "demo",
        namespaceId: "ns-1",
        publicKeyJwk: { kty: "EC", crv: "P-256", x: "x", y: "y" },
        origins: ["http://localhost:5173"],
        createdAt: T0,
      });
      await s.migrate();
      expect(await s.clients.get("client-1")).toEqual({
        id: "client-1",
        name: "demo",
        namespaceId: "ns-1",
        publicKeyJwk: { kty: "EC", crv: "P-256", x: "x", y: "y" },
        origins: ["http://localhost:5173"],
        createdAt: T0,
      });
      expect(await s.clients.get("nope")).toBeUndefined();
      expect((await s.clients.list()).map((client) => client.id)).toEqual(["client-1"]);
    });

    it("keeps usernames unique per namespace", async () => {
      const s = await storage();
      const alice = { id: "u1", namespaceId: "ns-1", username: "alice", createdAt: T0, verifiedAt: null };
      expect(await s.users.insert(alice)).toBe(true);
      expect(await s.users.insert({ ...alice, id: "u2" })).toBe(false);
      expect(await s.users.insert({ ...alice, id: "u3", namespaceId: "ns-2" })).toBe(true);
      const racers = await Promise.all(
        Array.from({ length: 8 }, (_, i) => s.users.insert({ ...alice, id: `r${i}`, username: "bob" })),
      );
      expect(racers.filter(Boolean)).toHaveLength(1);
      expect(await s.users.getByName("ns-1", "alice")).toEqual(alice);
      expect(await s.users.getById("ns-1", "u1")).toEqual(alice);
      expect(await s.users.getById("ns-2", "u1")).toBeUndefined();
      expect(await s.users.getByName("ns-1", "carol")).toBeUndefined();
    });

    it("stores, lists and authorizes codes", async () => {
      const s = await storage();
      const live = code({ requestInfo: { userAgent: "Firefox", ip: "203.0.113.7" } });
      const other = code({ type: "long" });
      const used = code({ authorizedAt: T0, consumedAt: at(1) });
      const expired = code({ expiresAt: at(-1) });
      for (const record of [live, other, used, expired]) await s.codes.insert(record);
      expect(await s.codes.get(live.id)).toEqual(live);
      expect((await s.codes.list(scope)).map((record) => record.id).sort()).toEqual([live.id, expired.id].sort());
      expect(await s.codes.authorize(live.id, at(1_000))).toBe(true);
      expect(await s.codes.authorize(live.id, at(2_000))).toBe(true);
      expect((await s.codes.get(live.id))?.authorizedAt).toEqual(at(1_000));
      expect(await s.codes.authorize(expired.id, at(1_000))).toBe(false);
      expect(await s.codes.authorize(used.id, at(1_000))).toBe(false);
      expect(await s.codes.authorize("unknown", at(1_000))).toBe(false);
    });

    it("records a code's requester once: the first writer wins, concurrent ones lose", async () => {
      const s = await storage();
      const pending = code();
      const signedUp = code({ requestInfo: { ip: "198.51.100.1", seenAt: T0.toISOString() } });
      for (const record of [pending, signedUp]) await s.codes.insert(record);
      const first = { userAgent: "Firefox/140", ip: "203.0.113.7", seenAt: at(1).toISOString() };
      expect(await s.codes.recordRequester(pending.id, first)).toBe(true);
      expect(await s.codes.recordRequester(pending.id, { userAgent: "curl/8", seenAt: at(2).toISOString() })).toBe(
        false,
      );
      expect((await s.codes.get(pending.id))?.requestInfo).toEqual(first);
      expect(await s.codes.recordRequester(signedUp.id, first)).toBe(false);
      expect((await s.codes.get(signedUp.id))?.requestInfo).toEqual(signedUp.requestInfo);
      expect(await s.codes.recordRequester("unknown", first)).toBe(false);

      const raced = code();
      await s.codes.insert(raced);
      const racers = Array.from({ length: 10 }, (_, i) => ({ userAgent: `racer-${i}`, seenAt: at(i).toISOString() }));
      const results = await Promise.all(racers.map((info) => s.codes.recordRequester(raced.id, info)));
      expect(results.filter(Boolean)).toHaveLength(1);
      expect((await s.codes.get(raced.id))?.requestInfo).toEqual(racers[results.indexOf(true)]);
    });

    it("lets exactly one of many concurrent consumers have a code", async () => {
      const s = await storage();
      const pending = code();
      const authorized = code({ authorizedAt: T0 });
      const late = code({ authorizedAt: T0, expiresAt: at(10) });
      for (const record of [pending, authorized, late]) await s.codes.insert(record);
      expect(await s.codes.consume(pending.id, at(1))).toBe(false);
      const results = await Promise.all(Array.from({ length: 20 }, () => s.codes.consume(authorized.id, at(1))));
      expect(results.filter(Boolean)).toHaveLength(1);
      expect((await s.codes.get(authorized.id))?.consumedAt).toEqual(at(1));
      expect(await s.codes.consume(late.id, at(10))).toBe(false);
      expect(await s.codes.list(scope)).toHaveLength(2);
    });

    it("deletes live codes and returns their ids", async () => {
      const s = await storage();
      const short = code();
      const long = code({ type: "long" });
      const consumed = code({ authorizedAt: T0, consumedAt: at(1) });
      const foreign = code({ userId: "user-2" });
      for (const record of [short, long, consumed, foreign]) await s.codes.insert(record);
      expect(await s.codes.delete({ ...scope, type: "long" })).toEqual([long.id]);
      expect(
        await s.codes.delete({ clientId: "client-1", userId: "user-1", purpose: "temporary_authentication" }),
      ).toEqual([short.id]);
      expect(await s.codes.delete({ clientId: "client-1", userId: "user-1", purpose: "add_credential" })).toEqual([]);
      expect(await s.codes.get(consumed.id)).toBeDefined();
      expect(await s.codes.get(foreign.id)).toBeDefined();
    });

    it("lists codes, passkeys and device keys oldest first, by id within the same millisecond", async () => {
      const s = await storage();
      for (const id of ["c", "b", "a"]) await s.codes.insert(code({ id, createdAt: id === "c" ? at(-1) : T0 }));
      expect((await s.codes.list(scope)).map((record) => record.id)).toEqual(["c", "a", "b"]);
      for (const id of ["p2", "p1"]) {
        await s.credentials.insertPasskey({
          id,
          userId: "user-1",
          publicKey: "pk",
          counter: 0,
          transports: [],
          name: id,
          createdAt: T0,
          lastUsedAt: null,
          aaguid: null,
        });
        await s.credentials.insertDeviceKey({
          id,
          userId: "user-1",
          keyData: "kd",
          keyType: "EC",
          keyLength: 256,
          signatureAlgorithm: "ES256",
          deviceInfo: id,
          name: null,
          createdAt: T0,
          lastUsedAt: null,
        });
      }
      expect((await s.credentials.listPasskeys("user-1")).map((record) => record.id)).toEqual(["p1", "p2"]);
      expect((await s.credentials.listDeviceKeys("user-1")).map((record) => record.id)).toEqual(["p1", "p2"]);
    });

    it("purges exactly the ended rows of every table, codes an hour late, and counts them", async () => {
      const s = await storage();
      const now = at(2 * HOUR);
      const purgedCodes = [
        code({ expiresAt: at(HOUR) }),
        code({ expiresAt: T0, authorizedAt: T0, consumedAt: T0 }),
        code({ userId: "pending-email:nobody@example.com", type: "phrase", expiresAt: at(30 * MINUTE) }),
      ];
      const keptCodes = [code({ expiresAt: at(HOUR + 1) }), code({ expiresAt: at(3 * HOUR) })];
      for (const record of [...purgedCodes, ...keptCodes]) await s.codes.insert(record);
      const challenge = (name: string, expiresAt: Date) => ({
        challenge: name,
        kind: "webauthn.register",
        clientId: "client-1",
        userId: null,
        data: { username: name },
        expiresAt,
      });
      await s.challenges.insert(challenge("expired", now));
      await s.challenges.insert(challenge("long-expired", T0));
      await s.challenges.insert(challenge("live", at(2 * HOUR + 1)));
      await s.attempts.recordFailure("ended", MINUTE, at(2 * HOUR - MINUTE));
      await s.attempts.recordFailure("live", MINUTE, at(2 * HOUR - MINUTE + 1));
      await s.attempts.useNonce("c1", "expired", now);
      await s.attempts.useNonce("c1", "live", at(2 * HOUR + 1));

      expect(await s.purgeExpired(now, HOUR)).toEqual({
        codes: 3,
        challenges: 2,
        attempts: 1,
        nonces: 1,
        deviceAuthorizations: 0,
        rateLimits: 0,
      });
      for (const record of purgedCodes) expect(await s.codes.get(record.id)).toBeUndefined();
      for (const record of keptCodes) expect(await s.codes.get(record.id)).toEqual(record);
      expect(await s.challenges.take("expired", "webauthn.register")).toBeUndefined();
      expect(await s.challenges.take("long-expired", "webauthn.register")).toBeUndefined();
      expect(await s.challenges.take("live", "webauthn.register")).toEqual(challenge("live", at(2 * HOUR + 1)));
      expect(await s.attempts.getFailures("live", now)).toEqual({ failures: 1, windowEndsAt: at(2 * HOUR + 1) });
      expect(await s.attempts.useNonce("c1", "live", at(2 * HOUR + 1))).toBe(false); // kept: its token again
      expect(await s.attempts.useNonce("c1", "expired", now)).toBe(true); // purged, so recorded anew
      expect(await s.purgeExpired(now, HOUR)).toEqual({
        codes: 0,
        challenges: 0,
        attempts: 0,
        nonces: 1, // that one again; nothing else
        deviceAuthorizations: 0,
        rateLimits: 0,
      });
    });

    it("deletes each ended row once when several purges run at once", async () => {
      const s = await storage();
      const now = at(2 * HOUR);
      const rows = 30;
      for (let i = 0; i < rows; i++) {
        await s.codes.insert(code({ expiresAt: T0 }));
        await s.challenges.insert({
          challenge: `ch-${i}`,
          kind: "device_login",
          clientId: "client-1",
          userId: "u1",
          data: {},
          expiresAt: T0,
        });
        await s.attempts.recordFailure(`k-${i}`, MINUTE, T0);
        await s.attempts.useNonce("c1", `n-${i}`, at(MINUTE));
      }
      const results = await Promise.all(Array.from({ length: 3 }, () => s.purgeExpired(now, HOUR)));
      const total = (table: keyof PurgeCounts) => results.reduce((sum, counts) => sum + counts[table], 0);
      expect({
        codes: total("codes"),
        challenges: total("challenges"),
        attempts: total("attempts"),
        nonces: total("nonces"),
      }).toEqual({ codes: rows, challenges: rows, attempts: rows, nonces: rows });
    });

    it("counts failures in windows, without losing concurrent ones", async () => {
      const s = await storage();
      expect(await s.attempts.recordFailure("k", MINUTE, T0)).toEqual({ failures: 1, windowEndsAt: at(MINUTE) });
      expect(await s.attempts.recordFailure("k", MINUTE, at(30_000))).toEqual({
        failures: 2,
        windowEndsAt: at(MINUTE),
      });
      expect(await s.attempts.getFailures("k", at(59_999))).toEqual({ failures: 2, windowEndsAt: at(MINUTE) });
      expect(await s.attempts.getFailures("k", at(MINUTE))).toBeUndefined();
      expect(await s.attempts.recordFailure("k", MINUTE, at(MINUTE))).toEqual({
        failures: 1,
        windowEndsAt: at(2 * MINUTE),
      });
      const counts = await Promise.all(Array.from({ length: 20 }, () => s.attempts.recordFailure("race", MINUTE, T0)));
      expect(counts.map((state) => state.failures).sort((a, b) => a - b)).toEqual(
        Array.from({ length: 20 }, (_, i) => i + 1),
      );
      expect((await s.attempts.getFailures("race", T0))?.failures).toBe(20);
    });

    it("holds a locked key until the transaction that locked it ends", async () => {
      const s = await storage();
      const order: string[] = [];
      let locked = () => {};
      const lockedPromise = new Promise<void>((resolve) => (locked = resolve));
      let release = () => {};
      const released = new Promise<void>((resolve) => (release = resolve));
      const first = s.transaction(async (tx) => {
        await tx.attempts.lock("k");
        locked();
        await released;
        order.push("first ends");
      });
      await lockedPromise;
      const second = s.transaction(async (tx) => {
        await tx.attempts.lock("k");
        order.push("second holds");
      });
      await new Promise((resolve) => setTimeout(resolve, 50)); // the second waits meanwhile
      expect(order).toEqual([]);
      release();
      await Promise.all([first, second]);
      expect(order).toEqual(["first ends", "second holds"]);
    });

    it("accepts a client's nonce once per token (its expiry comes from the token)", async () => {
      const s = await storage();
      expect(await s.attempts.useNonce("c1", "n1", at(MINUTE))).toBe(true);
      expect(await s.attempts.useNonce("c1", "n1", at(MINUTE))).toBe(false); // the same token again
      expect(await s.attempts.useNonce("c2", "n1", at(MINUTE))).toBe(true); // another client
      // Another token (another iat) with the same nonce: only its client could have signed it.
      expect(await s.attempts.useNonce("c1", "n1", at(2 * MINUTE))).toBe(true);
      const racers = await Promise.all(Array.from({ length: 10 }, () => s.attempts.useNonce("c1", "n2", at(MINUTE))));
      expect(racers.filter(Boolean)).toHaveLength(1);
    });

    it("hands out a challenge once", async () => {
      const s = await storage();
      const challenge = {
        challenge: "ch-1",
        kind: "webauthn.register",
        clientId: "client-1",
        userId: null,
        data: { username: "alice", nested: { n: 1 } },
        expiresAt: at(MINUTE),
      };
      await s.challenges.insert(challenge);
      await s.challenges.insert({ ...challenge, challenge: "ch-2", userId: "u1" });
      expect(await s.challenges.take("ch-1", "webauthn.login")).toBeUndefined();
      const takers = await Promise.all(Array.from({ length: 8 }, () => s.challenges.take("ch-1", "webauthn.register")));
      expect(takers.filter(Boolean)).toEqual([challenge]);
      expect((await s.challenges.take("ch-2", "webauthn.register"))?.userId).toBe("u1");
    });

    it("creates a secret once, even when asked concurrently", async () => {
      const s = await storage();
      let made = 0;
      const create = () => `secret-${++made}`;
      const values = await Promise.all(Array.from({ length: 5 }, () => s.keys.getOrCreateSecret("hmac", create)));
      expect(new Set(values).size).toBe(1);
      expect(await s.keys.getOrCreateSecret("hmac", () => "other")).toBe(values[0]);
      expect(await s.keys.getOrCreateSecret("second", () => "two")).toBe("two");
    });

    it("keeps signing keys, newest first, and retires the others", async () => {
      const s = await storage();
      const key = (kid: string, createdAt: Date) => ({
        kid,
        privateJwk: { kty: "EC", d: `d-${kid}` },
        publicJwk: { kty: "EC", kid },
        createdAt,
        retiredAt: null,
      });
      await s.keys.insertSigningKey(key("a", T0));
      await s.keys.insertSigningKey(key("b", at(1_000)));
      expect((await s.keys.listSigningKeys()).map((record) => record.kid)).toEqual(["b", "a"]);
      await s.keys.retireSigningKeys("b", at(2_000));
      const [b, a] = await s.keys.listSigningKeys();
      expect(b).toEqual(key("b", at(1_000)));
      expect(a).toEqual({ ...key("a", T0), retiredAt: at(2_000) });
    });

    it("registers a WebAuthn credential id once and updates its counter", async () => {
      const s = await storage();
      const credential = {
        id: "cred-1",
        userId: "u1",
        publicKey: "pk",
        counter: 0,
        transports: ["internal", "hybrid"],
        name: "Passkey",
        createdAt: T0,
        lastUsedAt: null,
        aaguid: "fbfc3007-154e-4ecc-8c0b-6e020557d7bd",
      };
      expect(await s.credentials.insertPasskey(credential)).toBe(true);
      expect(await s.credentials.insertPasskey({ ...credential, userId: "u2" })).toBe(false);
      await s.credentials.insertPasskey({ ...credential, id: "cred-2", createdAt: at(1) });
      expect(await s.credentials.getPasskey("cred-1")).toEqual(credential);
      expect((await s.credentials.listPasskeys("u1")).map((record) => record.id)).toEqual(["cred-1", "cred-2"]);
      await s.credentials.updatePasskeyCounter("cred-1", 4_294_967_295, at(5));
      expect(await s.credentials.getPasskey("cred-1")).toMatchObject({ counter: 4_294_967_295, lastUsedAt: at(5) });
      expect(await s.credentials.getPasskey("unknown")).toBeUndefined();
    });

    it("stores device keys", async () => {
      const s = await storage();
      const key = {
        id: "dk-1",
        userId: "u1",
        keyData: "MFkw",
        keyType: "ec",
        keyLength: 256,
        signatureAlgorithm: "ES256",
        deviceInfo: "Pixel 8",
        name: null,
        createdAt: T0,
        lastUsedAt: null,
      };
      await s.credentials.insertDeviceKey(key);
      await s.credentials.insertDeviceKey({ ...key, id: "dk-2", createdAt: at(1) });
      await s.credentials.insertDeviceKey({ ...key, id: "dk-3", userId: "u2" });
      expect(await s.credentials.getDeviceKey("dk-1")).toEqual(key);
      expect((await s.credentials.listDeviceKeys("u1")).map((record) => record.id)).toEqual(["dk-1", "dk-2"]);
      expect(await s.credentials.getDeviceKey("nope")).toBeUndefined();
    });

    it("counts anonymous guesses on the live codes of a scope, and deletes spent codes", async () => {
      const s = await storage();
      const [first, second] = [code(), code({ createdAt: at(1) })];
      await s.codes.insert(first);
      await s.codes.insert(second);
      await s.codes.insert(code({ userId: "user-2" })); // another user: untouched
      await s.codes.insert(code({ consumedAt: at(2), authorizedAt: at(1), hash: "used" })); // consumed: untouched
      await Promise.all(Array.from({ length: 9 }, () => s.codes.countGuess(scope)));
      expect((await s.codes.list(scope)).map((c) => c.guesses)).toEqual([9, 9]); // no lost update
      await s.codes.insert(code({ createdAt: at(2), hash: "later" }));
      await s.codes.countGuess(scope);
      expect((await s.codes.list(scope)).map((c) => c.guesses)).toEqual([10, 10, 1]);
      expect(await s.codes.deleteGuessed(scope, 11)).toEqual([]);
      expect((await s.codes.deleteGuessed(scope, 10)).sort()).toEqual([first.id, second.id].sort());
      expect((await s.codes.list(scope)).map((c) => c.hash)).toEqual(["later"]);
      expect((await s.codes.list({ ...scope, userId: "user-2" }))[0]?.guesses).toBe(0);
      expect(await s.codes.isConsumed(scope, "used")).toBe(true);
      expect(await s.codes.isConsumed(scope, first.hash)).toBe(false);
      expect(await s.codes.isConsumed({ ...scope, userId: "user-2" }, "used")).toBe(false);
    });

    it("verifies a user once, revoking the credentials, live codes and challenges it had; a verified user keeps them", async () => {
      const s = await storage();
      await s.users.insert({ id: "u1", namespaceId: "ns", username: "a@example.com", createdAt: T0, verifiedAt: null });
      await s.users.insert({ id: "u2", namespaceId: "ns", username: "b@example.com", createdAt: T0, verifiedAt: T0 });
      const passkey = {
        publicKey: "pk",
        counter: 0,
        transports: [],
        name: "Attacker key",
        createdAt: T0,
        lastUsedAt: null,
        aaguid: null,
      };
      await s.credentials.insertPasskey({ ...passkey, id: "cred-1", userId: "u1" });
      await s.credentials.insertPasskey({ ...passkey, id: "cred-2", userId: "u2" });
      const key = {
        keyData: "k",
        keyType: "ec",
        keyLength: 256,
        signatureAlgorithm: "ES256",
        name: null,
        createdAt: at(1),
        lastUsedAt: null,
      };
      await s.credentials.insertDeviceKey({ ...key, id: "dk-1", userId: "u1", deviceInfo: "Laptop" });
      await s.codes.insert(code({ userId: "u1", id: "live-code" }));
      await s.codes.insert(code({ userId: "u1", id: "used-code", authorizedAt: T0, consumedAt: at(1) }));
      await s.challenges.insert({
        challenge: "ch-1",
        kind: "webauthn.authenticate",
        clientId: "client-1",
        userId: "u1",
        data: {},
        expiresAt: at(MINUTE),
      });
      const outcomes = await Promise.all([s.users.verify("u1", at(5)), s.users.verify("u1", at(6))]);
      const verification = outcomes.find((outcome) => outcome !== undefined);
      expect(outcomes.filter((outcome) => outcome === undefined)).toHaveLength(1); // exactly one verifies
      const revoked = verification?.revoked;
      expect(verification?.deletedCodes).toEqual(["live-code"]);
      expect(await s.codes.get("used-code")).toBeDefined();
      expect(await s.challenges.take("ch-1", "webauthn.authenticate")).toBeUndefined();
      expect(revoked).toEqual(
        expect.arrayContaining([
          { kind: "passkey", id: "cred-1", name: "Attacker key", createdAt: T0 },
          { kind: "device_key", id: "dk-1", name: "Laptop", createdAt: at(1) },
        ]),
      );
      expect(revoked).toHaveLength(2);
      expect((await s.users.getById("ns", "u1"))?.verifiedAt).toEqual(at(5));
      expect(await s.credentials.listPasskeys("u1")).toEqual([]);
      expect(await s.credentials.listDeviceKeys("u1")).toEqual([]);
      expect(await s.users.verify("u2", at(5))).toBeUndefined();
      expect(await s.credentials.getPasskey("cred-2")).toBeDefined();
      expect(await s.users.verify("nobody", at(5))).toBeUndefined();
    });

    it("inserts a user with its first passkey, both or neither", async () => {
      const s = await storage();
      const user = { id: "u1", namespaceId: "ns", username: "a@example.com", createdAt: T0, verifiedAt: null };
      const passkey = {
        id: "cred-1",
        userId: "u1",
        publicKey: "pk",
        counter: 0,
        transports: [],
        name: "Passkey",
        createdAt: T0,
        lastUsedAt: T0,
        aaguid: null,
      };
      expect(await s.users.insertWithPasskey(user, passkey)).toBe("inserted");
      expect(await s.users.insertWithPasskey({ ...user, id: "u2" }, { ...passkey, id: "cred-2", userId: "u2" })).toBe(
        "user_exists",
      );
      expect(await s.credentials.getPasskey("cred-2")).toBeUndefined();
      const other = { ...user, id: "u3", username: "b@example.com" };
      expect(await s.users.insertWithPasskey(other, { ...passkey, userId: "u3" })).toBe("credential_exists");
      expect(await s.users.getById("ns", "u3")).toBeUndefined();
    });

    it("adds a passkey with a code only while no proof of the email came after the code", async () => {
      const s = await storage();
      const passkey = (id: string, userId: string) => ({
        id,
        userId,
        publicKey: "pk",
        counter: 0,
        transports: [],
        name: "Passkey",
        createdAt: at(3),
        lastUsedAt: null,
        aaguid: null,
      });
      await s.users.insert({ id: "u1", namespaceId: "ns", username: "a@example.com", createdAt: T0, verifiedAt: null });
      await s.users.insert({
        id: "u2",
        namespaceId: "ns",
        username: "b@example.com",
        createdAt: T0,
        verifiedAt: at(1),
      });
      expect(await s.credentials.insertPasskeyWithCode(passkey("p1", "u1"), at(2))).toBe("inserted"); // unverified
      expect(await s.credentials.insertPasskeyWithCode(passkey("p2", "u2"), at(2))).toBe("inserted"); // verified before the code
      expect(await s.credentials.insertPasskeyWithCode(passkey("p2", "u2"), at(2))).toBe("credential_exists");
      await s.users.verify("u1", at(5));
      expect(await s.credentials.insertPasskeyWithCode(passkey("p3", "u1"), at(2))).toBe("superseded"); // code older than the proof
      // Racing the proof: whichever comes first, no passkey of a code from before it survives.
      for (let round = 0; round < 10; round++) {
        const id = `race-${round}`;
        await s.users.insert({ id, namespaceId: "ns", username: `${id}@example.com`, createdAt: T0, verifiedAt: null });
        const [added] = await Promise.all([
          s.credentials.insertPasskeyWithCode(passkey(`${id}-p`, id), at(1)),
          s.users.verify(id, at(5)),
        ]);
        expect(["inserted", "superseded"]).toContain(added);
        expect(await s.credentials.listPasskeys(id)).toEqual([]);
      }
    });
  });
}
