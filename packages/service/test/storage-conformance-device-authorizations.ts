import { describe, expect, it } from "vitest";
import type { DeviceAuthorizationRecord } from "../src/storage/records.js";
import type { Storage } from "../src/storage/storage.js";
import { at, openedStorages, T0 } from "./storage-fixtures.js";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** A pending device authorization of `client-1`, created at T0, expiring 10 minutes later, interval 5 s. */
function deviceAuthorization(overrides: Partial<DeviceAuthorizationRecord> = {}): DeviceAuthorizationRecord {
  return {
    id: crypto.randomUUID(),
    clientId: "client-1",
    deviceCodeHash: crypto.randomUUID(),
    userCodeHash: crypto.randomUUID(),
    scope: "openid",
    createdAt: T0,
    expiresAt: at(10 * MINUTE),
    intervalSeconds: 5,
    lastPolledAt: null,
    slowedDown: false,
    userId: null,
    approvedAt: null,
    deniedAt: null,
    consumedAt: null,
    requestInfo: { userAgent: "curl/8", ip: "192.0.2.1", seenAt: T0.toISOString() },
    ...overrides,
  };
}

/**
 * The device authorization queries (RFC 8628) every {@link Storage} adapter must run alike.
 * `open` returns a migrated, empty storage.
 */
export function describeDeviceAuthorizationConformance(name: string, open: () => Promise<Storage>): void {
  describe(`${name} storage conformance: device authorizations`, () => {
    const storage = openedStorages(open);

    it("keeps a client's device grant settings apart from its row: set, replace, remove, none for an unknown client", async () => {
      const s = await storage();
      await s.clients.insert({
        id: "client-1",
        name: "tv",
        namespaceId: "ns-1",
        publicKeyJwk: { kty: "EC" },
        origins: [],
        createdAt: T0,
      });
      expect(await s.clients.getDeviceGrant("client-1")).toBeUndefined();
      const settings = { verificationUri: "https://app.example/device", tokenEndpointAuthMethod: "none" } as const;
      expect(await s.clients.setDeviceGrant("client-1", settings)).toBe(true);
      expect(await s.clients.getDeviceGrant("client-1")).toEqual(settings);
      const confidential = { ...settings, tokenEndpointAuthMethod: "private_key_jwt" } as const;
      expect(await s.clients.setDeviceGrant("client-1", confidential)).toBe(true);
      expect(await s.clients.getDeviceGrant("client-1")).toEqual(confidential);
      expect(await s.clients.setDeviceGrant("client-1", null)).toBe(true);
      expect(await s.clients.getDeviceGrant("client-1")).toBeUndefined();
      expect(await s.clients.setDeviceGrant("nobody", settings)).toBe(false);
      expect(await s.clients.setDeviceGrant("nobody", null)).toBe(false);
      expect(await s.clients.getDeviceGrant("nobody")).toBeUndefined();
    });

    it("stores one by either code hash, and refuses a second with a hash already taken", async () => {
      const s = await storage();
      const record = deviceAuthorization();
      expect(await s.deviceAuthorizations.insert(record)).toBe(true);
      expect(await s.deviceAuthorizations.insert(deviceAuthorization({ userCodeHash: record.userCodeHash }))).toBe(
        false,
      );
      expect(await s.deviceAuthorizations.insert(deviceAuthorization({ deviceCodeHash: record.deviceCodeHash }))).toBe(
        false,
      );
      expect(await s.deviceAuthorizations.getByDeviceCode(record.deviceCodeHash)).toEqual(record);
      expect(await s.deviceAuthorizations.getByUserCode(record.userCodeHash)).toEqual(record);
      expect(await s.deviceAuthorizations.get(record.id)).toEqual(record);
      expect(await s.deviceAuthorizations.getByUserCode("nope")).toBeUndefined();
    });

    it("slows a poll sooner than the interval down (+5 s for good), within the tolerance", async () => {
      const s = await storage();
      const record = deviceAuthorization();
      await s.deviceAuthorizations.insert(record);
      const poll = (ms: number) => s.deviceAuthorizations.poll(record.id, at(ms), 500);
      expect(await poll(0)).toMatchObject({ slowedDown: false, intervalSeconds: 5, lastPolledAt: at(0) });
      expect(await poll(4_600)).toMatchObject({ slowedDown: false, intervalSeconds: 5 }); // within 500 ms
      expect(await poll(6_000)).toMatchObject({ slowedDown: true, intervalSeconds: 10 });
      expect(await poll(12_000)).toMatchObject({ slowedDown: true, intervalSeconds: 15 }); // 6 s < 10 s
      expect(await poll(27_000)).toMatchObject({ slowedDown: false, intervalSeconds: 15 });
      expect(await s.deviceAuthorizations.poll("unknown", at(0), 500)).toBeUndefined();
    });

    it("decides once: approve or deny a pending, unexpired one; consume an approved one once", async () => {
      const s = await storage();
      const approved = deviceAuthorization();
      const denied = deviceAuthorization();
      const expired = deviceAuthorization({ expiresAt: at(MINUTE) });
      for (const record of [approved, denied, expired]) await s.deviceAuthorizations.insert(record);
      expect(await s.deviceAuthorizations.consume(approved.id, at(1))).toBe(false); // not approved yet
      expect(await s.deviceAuthorizations.approve(approved.id, "user-1", at(1))).toMatchObject({
        userId: "user-1",
        approvedAt: at(1),
      });
      expect(await s.deviceAuthorizations.approve(approved.id, "user-2", at(2))).toBeUndefined();
      expect(await s.deviceAuthorizations.deny(approved.id, at(2))).toBeUndefined();
      expect(await s.deviceAuthorizations.deny(denied.id, at(2))).toMatchObject({ deniedAt: at(2) });
      expect(await s.deviceAuthorizations.approve(denied.id, "user-1", at(3))).toBeUndefined();
      expect(await s.deviceAuthorizations.approve(expired.id, "user-1", at(MINUTE))).toBeUndefined();
      expect(await s.deviceAuthorizations.consume(denied.id, at(3))).toBe(false);
      const both = await Promise.all([
        s.deviceAuthorizations.consume(approved.id, at(3)),
        s.deviceAuthorizations.consume(approved.id, at(3)),
      ]);
      expect(both.sort()).toEqual([false, true]);
      expect((await s.deviceAuthorizations.get(approved.id))?.consumedAt).toEqual(at(3));
    });

    it("is purged an hour (the code retention) after it expires", async () => {
      const s = await storage();
      const old = deviceAuthorization({ expiresAt: at(HOUR) });
      const recent = deviceAuthorization({ expiresAt: at(HOUR + 1) });
      await s.deviceAuthorizations.insert(old);
      await s.deviceAuthorizations.insert(recent);
      expect((await s.purgeExpired(at(2 * HOUR), HOUR)).deviceAuthorizations).toBe(1);
      expect(await s.deviceAuthorizations.get(old.id)).toBeUndefined();
      expect(await s.deviceAuthorizations.get(recent.id)).toEqual(recent);
    });
  });
}
