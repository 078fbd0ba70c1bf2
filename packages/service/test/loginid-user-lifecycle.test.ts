/**
 * `@loginid/node-sdk` 0.8.3's user lifecycle methods run unchanged against this service: delete
 * by username and by id, deactivate and activate by id.
 */
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { useService } from "./helpers.js";

interface LoginIdManagement {
  addUserWithoutCredentials(username: string): Promise<{ id: string; username: string }>;
  getUserId(username: string): Promise<string>;
  generateCode(userId: string, codeType: string, purpose: string, authorize: boolean): Promise<{ code: string }>;
  deleteUserByUsername(username: string): Promise<void>;
  deleteUserById(userId: string): Promise<void>;
  activateUserById(userId: string): Promise<{ id: string; deactivated_at: string | null }>;
  deactivateUserById(userId: string): Promise<{ id: string; deactivated_at: string | null }>;
}
const { LoginIdManagement } = createRequire(import.meta.url)("@loginid/node-sdk") as {
  LoginIdManagement: new (clientId: string, privateKey: string, baseUrl: string) => LoginIdManagement;
};

const t = await useService();
const sdk = new LoginIdManagement(t.clientId, t.privateKeyPem, `${t.service.url}/api/native`);
const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (error: unknown) => error as { code?: string },
  );

describe("@loginid/node-sdk 0.8.3 user lifecycle as a drop-in client", () => {
  it("deactivateUserById and activateUserById answer the user; a deactivated user gets no code", async () => {
    const { id } = await sdk.addUserWithoutCredentials("lifecycle@example.com");
    const deactivated = await sdk.deactivateUserById(id);
    expect(deactivated.id).toBe(id);
    expect(deactivated.deactivated_at).not.toBeNull();
    expect((await failure(sdk.generateCode(id, "short", "temporary_authentication", false)))?.code).toBe(
      "user_deactivated",
    );
    const activated = await sdk.activateUserById(id);
    expect(activated.deactivated_at).toBeNull();
    expect((await sdk.generateCode(id, "short", "temporary_authentication", false)).code).toMatch(/^\d+$/);
    expect((await failure(sdk.deactivateUserById("no-such-user")))?.code).toBe("user_not_found");
  });

  it("deleteUserByUsername and deleteUserById delete; a second delete reports user_not_found", async () => {
    await sdk.addUserWithoutCredentials("delete-by-name@example.com");
    await expect(sdk.deleteUserByUsername("delete-by-name@example.com")).resolves.toBeUndefined();
    expect((await failure(sdk.getUserId("delete-by-name@example.com")))?.code).toBe("user_not_found");
    expect((await failure(sdk.deleteUserByUsername("delete-by-name@example.com")))?.code).toBe("user_not_found");

    const { id } = await sdk.addUserWithoutCredentials("delete-by-id@example.com");
    await expect(sdk.deleteUserById(id)).resolves.toBeUndefined();
    expect((await failure(sdk.deleteUserById(id)))?.code).toBe("user_not_found");
    const again = await sdk.addUserWithoutCredentials("delete-by-id@example.com");
    expect(again.id).not.toBe(id);
  });
});
