import { describe, expect, it } from "vitest";
import { SESSION_CREDENTIAL_TYPES, signedInWithOwnKey } from "./session.js";

describe("signedInWithOwnKey", () => {
  it("is true for a passkey or a device key only, and fails closed when the token did not say", () => {
    expect(SESSION_CREDENTIAL_TYPES.filter(signedInWithOwnKey)).toEqual(["fido2", "device_key"]);
    expect(signedInWithOwnKey(null)).toBe(false);
    expect(signedInWithOwnKey(undefined)).toBe(false);
  });
});
