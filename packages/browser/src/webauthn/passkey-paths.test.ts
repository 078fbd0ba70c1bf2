import { ENDPOINTS } from "@handoff/types";
import { expect, it } from "vitest";
import { PASSKEY_PATHS } from "./passkey-paths.js";

it("inlines the passkey paths of the endpoint table", () => {
  expect(PASSKEY_PATHS).toEqual({
    registerInit: ENDPOINTS.fido2RegisterInit.path,
    registerComplete: ENDPOINTS.fido2RegisterComplete.path,
    authenticateInit: ENDPOINTS.fido2AuthenticateInit.path,
    authenticateComplete: ENDPOINTS.fido2AuthenticateComplete.path,
    addCredentialInit: ENDPOINTS.fido2AddCredentialInit.path,
    addCredentialComplete: ENDPOINTS.fido2AddCredentialComplete.path,
  });
});
