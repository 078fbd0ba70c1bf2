import { HandoffError } from "@handoff/types";
import { describe, expect, it } from "vitest";
import type { Storage } from "../src/storage/storage.js";
import { at, codeRecord, openedStorages, T0 } from "./storage-fixtures.js";

const MINUTE = 60_000;
const scope = { clientId: "client-1", userId: "user-1", type: "short", purpose: "temporary_authentication" } as const;

/**
 * `Storage.transaction`, the one commit of a request: what a refused request counted (a nonce, a
 * failed attempt, deleted codes) stays, as if each write had committed on its own; a fault rolls
 * everything back; a store method's own transaction joins it.
 */
export function describeStorageTransaction(name: string, open: () => Promise<Storage>): void {
  describe(`${name} storage transaction`, () => {
    const storage = openedStorages(open);

    it("commits what it wrote when the work resolves", async () => {
      const s = await storage();
      const result = await s.transaction(async (tx) => {
        await tx.codes.insert(codeRecord({ id: "c1", expiresAt: at(MINUTE) }));
        return tx.attempts.useNonce("client-1", "n1", at(MINUTE));
      });
      expect(result).toBe(true);
      expect((await s.codes.list(scope)).map((code) => code.id)).toEqual(["c1"]);
    });

    it("commits, then rethrows, when the work refuses with a HandoffError: a wrong code's count stays", async () => {
      const s = await storage();
      await s.codes.insert(codeRecord({ id: "c1", expiresAt: at(MINUTE) }));
      const refusal = s.transaction(async (tx) => {
        await tx.attempts.useNonce("client-1", "n1", at(MINUTE));
        await tx.attempts.recordFailure("code:client-1:user-1:temporary_authentication", MINUTE, T0);
        await tx.codes.delete({ clientId: "client-1", userId: "user-1", purpose: "temporary_authentication" });
        throw new HandoffError("too_many_attempts");
      });
      await expect(refusal).rejects.toMatchObject({ code: "too_many_attempts" });
      expect(await s.attempts.useNonce("client-1", "n1", at(MINUTE))).toBe(false); // spent
      expect((await s.attempts.getFailures("code:client-1:user-1:temporary_authentication", T0))?.failures).toBe(1);
      expect(await s.codes.list(scope)).toEqual([]);
    });

    it("rolls everything back on any other error", async () => {
      const s = await storage();
      await expect(
        s.transaction(async (tx) => {
          await tx.attempts.useNonce("client-1", "n1", at(MINUTE));
          await tx.codes.insert(codeRecord({ id: "c1", expiresAt: at(MINUTE) }));
          throw new Error("a bug");
        }),
      ).rejects.toThrow("a bug");
      expect(await s.attempts.useNonce("client-1", "n1", at(MINUTE))).toBe(true); // never spent
      expect(await s.codes.list(scope)).toEqual([]);
    });

    it("lets a store's own transaction join it, and keeps concurrent transactions apart", async () => {
      const s = await storage();
      const user = { id: "u1", namespaceId: "ns-1", username: "alice", createdAt: T0, verifiedAt: null };
      await s.transaction(async (tx) => {
        await tx.users.insert(user);
        await tx.users.delete("ns-1", "u1"); // opens a transaction of its own: joins this one
      });
      expect(await s.users.getById("ns-1", "u1")).toBeUndefined();
      const nonces = await Promise.all(
        Array.from({ length: 8 }, () => s.transaction((tx) => tx.attempts.useNonce("client-1", "race", at(MINUTE)))),
      );
      expect(nonces.filter(Boolean)).toHaveLength(1);
    });
  });
}
