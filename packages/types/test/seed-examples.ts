/**
 * The example bodies of the two seed documents, copied verbatim (placeholders and typographic
 * quotes included). {@link parseSeedJson} turns them into JSON the way a reader would.
 */

/** Seed 000: bodies of "Calling APIs Directly", in order. */
export const seed000 = {
  retrieveUserRequest: `{
  "username": "string"
}`,
  generateCodeRequest: `{
  "client_id": <dashboard-generated client_id>,
  "user_id": <user_id_to_be_authenticated>,
  "purpose": "temporary_authentication",
  "authorize": <bool>
}`,
  generateCodeResponse: `{
  "code": <string>,
  "expires_at": <ISO8061 timestamp>
  "is_authorized": false
} `,
  waitRequest: `{
  "client_id": <dashboard-generated client_id>,
  "username": <username>,
  "authentication_code": {
      "code": <code from Step 2 as string>,
      "type": <type from Step 2 as string>
  }
}`,
  authorizeCodeRequest: `{
  "client_id": <dashboard-generated client_id>,
  "user_id": <user_id to be authenticated>,
  "purpose": "temporary_authentication",
  "code": <user-entered code as string>
}`,
  authorizeCodeResponse: `{
  "expires_at": <ISO8061 timestamp>,
  "is_authorized": true
}`,
  invalidateRequest: `{
  "client_id": <dashboard-generated client_id>,
  "user_id": <user_id_to_be_authenticated>,
  "purpose": "temporary_authentication"
}`,
  invalidateResponse: `{
  "deleted_at": <ISO8061 timestamp>
}`,
  finishResponse: `{
  "client": {
    "id": "string",
    "type": "directweb"
  },
  "credential": {
    "uuid": "string",
    "type": "fido2",
    "name": "string"
  },
  "user": {
    "id": "string",
    "username": "string",
    "namespace_id": "string"
  },
  "jwt": "string",
  "is_authenticated": true
}`,
} as const;

/** Seed 003: bodies as printed, typographic quotes and all. */
export const seed003 = {
  signupResponse: `{
   “success”: true,
   “code”: “code_validation_required”,
   “security_nonce_signed”: “aef6vhs786fva9s86”
}`,
  devicesRequest: `{
   “email”: “user@emailserver.com”,
   “key_data”: “Ab4ka82dkl29G9aj29231ak3”,
   “device_info”: “Samsung Galaxy S6 SM-G920F”,
   “key_type”: “rsa”,
   “key_length”: 2048,
   “signature_algorithm”: “SHA1”
   “security_code”: “horse291”,
}`,
  devicesResponse: `{
   “success”: true, 
   “code”: “success”,
   “user”: { “id”: 23482732, “email”: “user@emailserver.com” },
   “key”: { 
      “id”: 278349, 
      “user_id”: 723867,
      “key_type”: “rsa”,
      “signature_algorithm”: “SHA1”, 
      “key_length”: 2048 
   }
}`,
} as const;

/** Values a reader puts in for the seed's `<placeholders>`. */
const placeholderValues: Record<string, unknown> = {
  "dashboard-generated client_id": "client_8f2b",
  user_id_to_be_authenticated: "user_42",
  "user_id to be authenticated": "user_42",
  bool: false,
  string: "483920",
  "ISO8061 timestamp": "2026-11-27T10:05:00.000Z",
  username: "alice@example.com",
  "code from Step 2 as string": "483920",
  "type from Step 2 as string": "short",
  "user-entered code as string": "483920",
};

/**
 * Parses a seed body: typographic quotes become ASCII, `<placeholders>` become sample values,
 * and the two typos of the seeds (a missing comma between members, a trailing comma) are mended.
 */
export function parseSeedJson(text: string): unknown {
  const json = text
    .replace(/[“”]/g, '"')
    .replace(/<([^>]+)>/g, (_, name: string) => {
      if (!(name in placeholderValues)) throw new Error(`no value for placeholder <${name}>`);
      return JSON.stringify(placeholderValues[name]);
    })
    .replace(/("|\d|true|false)\s*\n(\s*")/g, "$1,\n$2")
    .replace(/,(\s*})/g, "$1");
  return JSON.parse(json);
}
