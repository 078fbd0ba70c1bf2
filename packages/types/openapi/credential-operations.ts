import {
  credentialResponseSchema,
  forceAddCredentialInitRequestSchema,
  idSchema,
  listCredentialsResponseSchema,
  registrationOptionsResponseSchema,
  renameCredentialRequestSchema,
  revokeCredentialRequestSchema,
} from "../src/index.js";
import { bodyErrors, type Operation, tokenErrors } from "./operation.js";

/** The operations of the credential endpoints (list, rename, revoke, add a passkey without a code). */
export const credentialOperations = {
  listCredentials: {
    summary: "List a user's passkeys and device keys, oldest first",
    query: { user_id: idSchema },
    response: listCredentialsResponseSchema,
    errors: ["invalid_request", ...tokenErrors, "user_not_found"],
  },
  renameCredential: {
    summary: "Rename one of a user's passkeys or device keys",
    request: renameCredentialRequestSchema,
    response: credentialResponseSchema,
    errors: [...bodyErrors, ...tokenErrors, "user_not_found", "credential_not_found"],
  },
  revokeCredential: {
    summary:
      "Revoke (delete) one of a user's passkeys or device keys; the last one only with force: true. Emails the user.",
    request: revokeCredentialRequestSchema,
    response: credentialResponseSchema,
    errors: [...bodyErrors, ...tokenErrors, "user_not_found", "credential_not_found", "last_credential"],
  },
  fido2AddCredentialForceInit: {
    summary:
      "Add a passkey without a code, on the backend's word, step 1: registration options for the user's browser (single use, 5 min); step 2 is /credentials/fido2/complete",
    request: forceAddCredentialInitRequestSchema,
    response: registrationOptionsResponseSchema,
    errors: [...bodyErrors, ...tokenErrors, "user_not_found", "user_deactivated", "origin_not_allowed"],
  },
} as const satisfies Record<string, Operation>;
