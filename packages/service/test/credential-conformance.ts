import { describe, expect, it } from "vitest";
import type { DeviceKeyRecord, WebAuthnCredentialRecord } from "../src/storage/records.js";
import type { Storage } from "../src/storage/storage.js";
import { at, openedStorages, T0 } from "./storage-fixtures.js";

const passkey = (id: string, userId: string): WebAuthnCredentialRecord => ({
  id,
  userId,
  publicKey: "pk",
  counter: 0,
  transports: [],
  name: `passkey ${id}`,
  createdAt: T0,
  lastUsedAt: null,
  aaguid: null,
});
const deviceKey = (id: string, userId: string): DeviceKeyRecord => ({
  id,
  userId,
  keyData: "kd",
  keyType: "EC",
  keyLength: 256,
  signatureAlgorithm: "ES256",
  deviceInfo: "Pixel 8",
  name: null,
  createdAt: at(1),
  lastUsedAt: null,
});

/**
 * The credential lifecycle queries (touch, rename, revoke) every {@link Storage} adapter must
 * run alike. `open` returns a migrated, empty storage; each test closes what it opened.
 */
export function describeCredentialConformance(name: string, open: () => Promise<Storage>): void {
  describe(`${name} storage conformance: credential lifecycle`, () => {
    const opened = openedStorages(open);
    const storage = async () => {
      const instance = await opened();
      await instance.users.insert({
        id: "u1",
        namespaceId: "ns",
        username: "a@example.com",
        createdAt: T0,
        verifiedAt: T0,
      });
      await instance.users.insert({
        id: "u2",
        namespaceId: "ns",
        username: "b@example.com",
        createdAt: T0,
        verifiedAt: T0,
      });
      return instance;
    };

    it("records a device key's sign-in and renames passkeys and device keys of their own user only", async () => {
      const s = await storage();
      await s.credentials.insertPasskey(passkey("pk-1", "u1"));
      await s.credentials.insertDeviceKey(deviceKey("dk-1", "u1"));
      await s.credentials.touchDeviceKey("dk-1", at(5));
      expect((await s.credentials.getDeviceKey("dk-1"))?.lastUsedAt).toEqual(at(5));
      expect(await s.credentials.renamePasskey("u2", "pk-1", "stolen")).toBe(false);
      expect(await s.credentials.renameDeviceKey("u2", "dk-1", "stolen")).toBe(false);
      expect(await s.credentials.renamePasskey("u1", "dk-1", "wrong table")).toBe(false);
      expect(await s.credentials.renamePasskey("u1", "pk-1", "MacBook")).toBe(true);
      expect(await s.credentials.renameDeviceKey("u1", "dk-1", "Work phone")).toBe(true);
      expect((await s.credentials.getPasskey("pk-1"))?.name).toBe("MacBook");
      expect(await s.credentials.getDeviceKey("dk-1")).toMatchObject({ name: "Work phone", deviceInfo: "Pixel 8" });
    });

    it("revokes a user's credential, never another user's, and the last one only when allowed", async () => {
      const s = await storage();
      await s.credentials.insertPasskey(passkey("pk-1", "u1"));
      await s.credentials.insertDeviceKey(deviceKey("dk-1", "u1"));
      await s.credentials.insertPasskey(passkey("pk-2", "u2"));
      expect(await s.credentials.revoke("u1", "pk-2", true)).toBe("not_found");
      expect(await s.credentials.getPasskey("pk-2")).toBeDefined();
      expect(await s.credentials.revoke("u1", "nope", true)).toBe("not_found");
      expect(await s.credentials.revoke("u1", "pk-1", false)).toEqual({
        kind: "passkey",
        id: "pk-1",
        name: "passkey pk-1",
        createdAt: T0,
      });
      expect(await s.credentials.getPasskey("pk-1")).toBeUndefined();
      expect(await s.credentials.revoke("u1", "dk-1", false)).toBe("last");
      expect(await s.credentials.getDeviceKey("dk-1")).toBeDefined();
      expect(await s.credentials.revoke("u1", "dk-1", true)).toEqual({
        kind: "device_key",
        id: "dk-1",
        name: "Pixel 8",
        createdAt: at(1),
      });
      expect(await s.credentials.listDeviceKeys("u1")).toEqual([]);
    });

    it("never lets two concurrent revokes remove a user's last two credentials", async () => {
      const s = await storage();
      await s.credentials.insertPasskey(passkey("pk-1", "u1"));
      await s.credentials.insertDeviceKey(deviceKey("dk-1", "u1"));
      const outcomes = await Promise.all([
        s.credentials.revoke("u1", "pk-1", false),
        s.credentials.revoke("u1", "dk-1", false),
      ]);
      expect(outcomes.filter((outcome) => outcome === "last")).toHaveLength(1);
      const left = (await s.credentials.listPasskeys("u1")).length + (await s.credentials.listDeviceKeys("u1")).length;
      expect(left).toBe(1);
    });
  });
}
