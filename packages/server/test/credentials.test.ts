/**
 * The account and device lifecycle through @handoff/server against the real service over HTTP:
 * start adding a passkey (completed as the browser does, with a software authenticator), list,
 * rename and revoke credentials, deactivate, activate and delete users.
 */
import { type CreationOptionsJSON, isHandoffError } from "@handoff/types";
import { describe, expect, it } from "vitest";
import { SoftAuthenticator } from "../../service/test/soft-authenticator.js";
import { useService } from "./helpers.js";

const t = await useService({ devOutbox: true });
const { handoff } = t;
let serial = 0;
const freshName = (label: string) => `${label}-${++serial}-${crypto.randomUUID().slice(0, 8)}@example.com`;

async function failure(promise: Promise<unknown>) {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!isHandoffError(error)) throw new Error(`expected a HandoffError, got ${String(error)}`);
  return error;
}

/** Completes a passkey ceremony as the user's browser would; answers the HTTP status. */
async function completeInBrowser(username: string, options: CreationOptionsJSON, name: string) {
  const credential = new SoftAuthenticator(t.origin).register(options);
  const response = await fetch(`${t.service.url}/api/native/credentials/fido2/complete`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: t.origin },
    body: JSON.stringify({ client_id: t.clientId, username, credential, credential_name: name }),
  });
  return response.status;
}

/** A user the backend created, with two passkeys added through startAddPasskey. */
async function userWithTwoPasskeys() {
  const username = freshName("lifecycle");
  const user = await handoff.createUser(username);
  for (const name of ["Laptop", "Phone"]) {
    const { options } = await handoff.startAddPasskey({ userId: user.id });
    expect(await completeInBrowser(username, options, name)).toBe(200);
  }
  return { username, userId: user.id };
}

describe("credentials through @handoff/server", () => {
  it("startAddPasskey answers options the browser completes; the user is emailed", async () => {
    const username = freshName("start");
    const user = await handoff.createUser(username);
    const { options } = await handoff.startAddPasskey({ userId: user.id, timeoutMs: 5_000 });
    expect(options.user.name).toBe(username);
    expect(options.excludeCredentials).toEqual([]);
    expect(await completeInBrowser(username, options, "Laptop")).toBe(200);
    expect(t.service.outbox.at(-1)).toMatchObject({ to: username, subject: "A passkey was added to your account" });
    const next = await handoff.startAddPasskey({ userId: user.id });
    expect(next.options.excludeCredentials).toHaveLength(1);
  });

  it("lists credentials in camelCase with Dates, renames and revokes them; the last needs force", async () => {
    const { userId } = await userWithTwoPasskeys();
    const listed = await handoff.listCredentials({ userId });
    expect(listed).toEqual([
      expect.objectContaining({ type: "passkey", name: "Laptop", status: "active", deviceInfo: null }),
      expect.objectContaining({ type: "passkey", name: "Phone", status: "active", deviceInfo: null }),
    ]);
    const [laptop, phone] = listed;
    if (!laptop || !phone) throw new Error("two credentials expected");
    expect(laptop.createdAt).toBeInstanceOf(Date);
    expect(laptop.lastUsedAt).toBeInstanceOf(Date); // adding it signed in with it

    const renamed = await handoff.renameCredential({ userId, credentialId: laptop.id, name: "Work laptop" });
    expect(renamed).toMatchObject({ id: laptop.id, name: "Work laptop" });
    expect(await handoff.revokeCredential({ userId, credentialId: phone.id })).toMatchObject({ id: phone.id });
    expect((await handoff.listCredentials({ userId })).map((credential) => credential.name)).toEqual(["Work laptop"]);

    expect((await failure(handoff.revokeCredential({ userId, credentialId: laptop.id }))).code).toBe("last_credential");
    expect(await handoff.revokeCredential({ userId, credentialId: laptop.id, force: true })).toMatchObject({
      id: laptop.id,
    });
    expect(await handoff.listCredentials({ userId })).toEqual([]);
  });

  it("maps the service's refusals: another user's credential, an unknown user", async () => {
    const alice = await userWithTwoPasskeys();
    const bob = await userWithTwoPasskeys();
    const [alicePasskey] = await handoff.listCredentials({ userId: alice.userId });
    const credentialId = alicePasskey?.id ?? "";
    const foreign = await failure(handoff.renameCredential({ userId: bob.userId, credentialId, name: "mine" }));
    expect([foreign.code, foreign.status]).toEqual(["credential_not_found", 404]);
    expect((await failure(handoff.revokeCredential({ userId: bob.userId, credentialId, force: true }))).code).toBe(
      "credential_not_found",
    );
    expect((await failure(handoff.listCredentials({ userId: "no-such-user" }))).code).toBe("user_not_found");
    expect((await failure(handoff.startAddPasskey({ userId: "no-such-user" }))).code).toBe("user_not_found");
    expect(await handoff.listCredentials({ userId: alice.userId })).toHaveLength(2);
  });

  it("another client's SDK cannot reach this client's users", async () => {
    const other = await t.otherClient();
    const { userId } = await userWithTwoPasskeys();
    expect((await failure(other.handoff.listCredentials({ userId }))).code).toBe("user_not_found");
    expect((await failure(other.handoff.startAddPasskey({ userId }))).code).toBe("user_not_found");
    expect((await failure(other.handoff.deleteUser(userId))).code).toBe("user_not_found");
  });
});

describe("users through @handoff/server", () => {
  it("deactivateUser and activateUser answer the profile with deactivatedAt; deactivated users get no passkey", async () => {
    const user = await handoff.createUser(freshName("deactivate"));
    expect(user.deactivatedAt).toBeNull();
    const deactivated = await handoff.deactivateUser(user.id);
    expect(deactivated).toMatchObject({ id: user.id, deactivatedAt: expect.any(Date) });
    expect((await handoff.deactivateUser(user.id)).deactivatedAt).toEqual(deactivated.deactivatedAt);
    expect((await handoff.getUser(user.username)).deactivatedAt).toEqual(deactivated.deactivatedAt);
    const refused = await failure(handoff.startAddPasskey({ userId: user.id }));
    expect([refused.code, refused.status]).toEqual(["user_deactivated", 403]);
    const refusedCode = handoff.generateCode({
      userId: user.id,
      codeType: "short",
      purpose: "temporary_authentication",
    });
    expect((await failure(refusedCode)).code).toBe("user_deactivated");

    expect((await handoff.activateUser(user.id)).deactivatedAt).toBeNull();
    expect((await handoff.startAddPasskey({ userId: user.id })).options.challenge).toBeTypeOf("string");
    expect((await failure(handoff.activateUser("no-such-user"))).code).toBe("user_not_found");
  });

  it("deleteUser deletes the user with their credentials; a second delete is user_not_found", async () => {
    const { username, userId } = await userWithTwoPasskeys();
    const { deletedAt } = await handoff.deleteUser(userId);
    expect(deletedAt).toBeInstanceOf(Date);
    expect((await failure(handoff.getUser(username))).code).toBe("user_not_found");
    expect((await failure(handoff.listCredentials({ userId }))).code).toBe("user_not_found");
    expect((await failure(handoff.deleteUser(userId))).code).toBe("user_not_found");
    expect((await handoff.createUser(username)).id).not.toBe(userId);
  });
});
