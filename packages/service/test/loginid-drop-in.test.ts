/**
 * A backend built on @loginid/node-sdk 0.8.x works unchanged against this service: only the base
 * URL changes to `<service>/api/native`.
 */
import { createRequire } from "node:module";
import { registrationOptionsResponseSchema } from "@handoff/types";
import { describe, expect, it } from "vitest";
import { addDeviceFlow, freshEmail, keys } from "./device-key-helpers.js";
import { useService } from "./helpers.js";
import { passkeyCalls } from "./passkey-calls.js";
import { SoftAuthenticator } from "./soft-authenticator.js";

interface LoginIdManagement {
  addUserWithoutCredentials(username: string): Promise<{ id: string; username: string }>;
  getUserId(username: string): Promise<string>;
  generateCode(
    userId: string,
    codeType: string,
    purpose: string,
    authorize: boolean,
  ): Promise<{ code: string; expires_at: string; is_authorized: boolean }>;
  authorizeCode(userId: string, code: string, codeType: string, purpose: string): Promise<{ is_authorized: boolean }>;
  invalidateAllCodes(userId: string, codeType: string, purpose: string): Promise<{ deleted_at: string }>;
  verifyToken(token: string, username?: string): Promise<boolean>;
  getCredentials(
    userId: string,
  ): Promise<{ credentials: { uuid: string; type: string; name: string; status: string }[] }>;
  renameCredential(userId: string, credentialId: string, name: string): Promise<{ credential: { name: string } }>;
  revokeCredential(userId: string, credentialId: string): Promise<{ credential: { uuid: string } }>;
  initAddCredentialWithoutCode(userId: string): Promise<unknown>;
}
const { LoginIdManagement } = createRequire(import.meta.url)("@loginid/node-sdk") as {
  LoginIdManagement: new (clientId: string, privateKey: string, baseUrl: string) => LoginIdManagement;
};

const t = await useService({ waitTimeoutMs: 5_000 });
const sdk = new LoginIdManagement(t.clientId, t.privateKeyPem, `${t.service.url}/api/native`);

function wait(username: string, code: string, type: string) {
  return t.post("/api/native/authenticate/code/wait", {
    client_id: t.clientId,
    username,
    authentication_code: { code, type },
  });
}

describe("@loginid/node-sdk 0.8.3 as a drop-in client", () => {
  it("runs one-time authentication end to end and verifies the JWT", async () => {
    const created = await sdk.addUserWithoutCredentials("legacy@example.com");
    expect(created.username).toBe("legacy@example.com");
    const userId = await sdk.getUserId("legacy@example.com");
    expect(userId).toBe(created.id);
    const generated = await sdk.generateCode(userId, "short", "temporary_authentication", false);
    expect(generated).toMatchObject({ is_authorized: false });
    const waiting = wait("legacy@example.com", generated.code, "short");
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await sdk.authorizeCode(userId, generated.code, "short", "temporary_authentication")).toMatchObject({
      is_authorized: true,
    });
    const response = await waiting;
    expect(response.status).toBe(200);
    const { jwt } = (await response.json()) as { jwt: string };
    expect(await sdk.verifyToken(jwt)).toBe(true);
    expect(await sdk.verifyToken(jwt, "legacy@example.com")).toBe(true);
    expect(await sdk.verifyToken(jwt, "someone-else@example.com")).toBe(false);
    const [header, payload, signature] = jwt.split(".");
    const forged = Buffer.from(
      JSON.stringify({ ...JSON.parse(Buffer.from(payload as string, "base64url").toString()), udata: "x" }),
    ).toString("base64url");
    expect(await sdk.verifyToken(`${header}.${forged}.${signature}`)).toBe(false);
  });

  it("invalidates codes and reports service errors as its SDKError with our code", async () => {
    const userId = await sdk.getUserId("legacy@example.com");
    const { code } = await sdk.generateCode(userId, "long", "temporary_authentication", false);
    const result = await sdk.invalidateAllCodes(userId, "long", "temporary_authentication");
    expect(Date.parse(result.deleted_at)).not.toBeNaN();
    const error = (await sdk
      .authorizeCode(userId, code, "long", "temporary_authentication")
      .catch((e: unknown) => e)) as { code?: string };
    expect(error.code).toBe("invalid_code");
    const missing = (await sdk.getUserId("nobody@example.com").catch((e: unknown) => e)) as { code?: string };
    expect(missing.code).toBe("user_not_found");
  });

  it("lists, renames and revokes credentials; the last one is refused with last_credential", async () => {
    const email = freshEmail("legacy-cred");
    const { register } = addDeviceFlow(t);
    const first = await register(email, keys.p256().publicKey, { device_info: "Old phone" });
    const second = await register(email, keys.p256().publicKey, { device_info: "New phone" });
    const userId = String(first.user.id);
    const [oldKey, newKey] = [String(first.key.id), String(second.key.id)];
    const listed = await sdk.getCredentials(userId);
    expect(listed.credentials.map(({ uuid, type, name, status }) => ({ uuid, type, name, status }))).toEqual([
      { uuid: oldKey, type: "device_key", name: "Old phone", status: "active" },
      { uuid: newKey, type: "device_key", name: "New phone", status: "active" },
    ]);
    expect((await sdk.renameCredential(userId, newKey, "Pixel")).credential.name).toBe("Pixel");
    expect((await sdk.revokeCredential(userId, oldKey)).credential.uuid).toBe(oldKey);
    expect((await sdk.getCredentials(userId)).credentials.map((credential) => credential.name)).toEqual(["Pixel"]);
    const last = (await sdk.revokeCredential(userId, newKey).catch((e: unknown) => e)) as { code?: string };
    expect(last.code).toBe("last_credential");
    const foreign = (await sdk.revokeCredential(userId, "not-a-credential").catch((e: unknown) => e)) as {
      code?: string;
    };
    expect(foreign.code).toBe("credential_not_found");
  });

  it("initAddCredentialWithoutCode starts adding a passkey that the browser completes", async () => {
    const username = freshEmail("legacy-force");
    const { id: userId } = await sdk.addUserWithoutCredentials(username);
    const { options } = registrationOptionsResponseSchema.parse(await sdk.initAddCredentialWithoutCode(userId));
    expect(options.user.name).toBe(username);
    const authenticator = new SoftAuthenticator(t.origin);
    const passkeys = passkeyCalls(t);
    const credential = authenticator.register(options);
    const added = await passkeys.call("addComplete", { client_id: t.clientId, username, credential });
    expect(added.status).toBe(200);
    expect((await passkeys.signIn(username, authenticator)).user.id).toBe(userId);
    expect((await sdk.getCredentials(userId)).credentials.map((credential) => credential.type)).toEqual(["passkey"]);
    const missing = (await sdk.initAddCredentialWithoutCode("no-such-user").catch((e: unknown) => e)) as {
      code?: string;
    };
    expect(missing.code).toBe("user_not_found");
  });
});
