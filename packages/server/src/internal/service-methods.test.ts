import { readFileSync } from "node:fs";
import { ENDPOINTS } from "@handoff/types";
import { describe, expect, it } from "vitest";
import { loadSchemas } from "./lazy.js";
import { SERVICE_METHODS } from "./service-methods.js";

const rows = Object.entries(SERVICE_METHODS);
const clientSource = readFileSync(new URL("../server-client.ts", import.meta.url), "utf8");

/** The TSDoc block right before the member `name(` of `ServerClient`. */
function documentation(name: string): string {
  const member = clientSource.indexOf(`\n  ${name}(`);
  const start = clientSource.lastIndexOf("/**", member);
  if (member < 0 || start < 0) throw new Error(`ServerClient.${name} is not documented`);
  return clientSource.slice(start, member);
}

describe("the method table", () => {
  it("has one row per service-token endpoint method, each endpoint used once", () => {
    const endpoints = rows.map(([, row]) => row.endpoint);
    expect(new Set(endpoints).size).toBe(endpoints.length);
    for (const endpoint of endpoints) expect(ENDPOINTS[endpoint]).toMatchObject({ auth: "service_token" });
  });

  it("retries exactly the reads, and each method's documentation says so", () => {
    expect(rows.filter(([, row]) => row.retry).map(([name]) => name)).toEqual([
      "getUser",
      "listPendingCodes",
      "listCredentials",
      "getDeviceAuthorization",
    ]);
    for (const [name, row] of rows) {
      const doc = documentation(name);
      expect({ name, retried: /\bRetried\./.test(doc), never: /Never retried/.test(doc) }).toEqual({
        name,
        retried: row.retry,
        never: !row.retry,
      });
    }
  });

  it("binds the token to the username for user lookups and to user_id for everything about a user id", () => {
    expect(Object.fromEntries(rows.map(([name, row]) => [name, row.binding]))).toEqual({
      getUser: "username",
      createUser: "username",
      generateCode: "user_id",
      authorizeCode: "user_id",
      invalidateAllCodes: "user_id",
      listPendingCodes: "user_id",
      deactivateUser: "user_id",
      activateUser: "user_id",
      deleteUser: "user_id",
      listCredentials: "user_id",
      renameCredential: "user_id",
      revokeCredential: "user_id",
      startAddPasskey: "user_id",
      // Bound to the user when the call names one, else to nobody (`ServiceRequest.subject`).
      getDeviceAuthorization: "user_id",
      approveDeviceAuthorization: "user_id",
      denyDeviceAuthorization: "user_id",
    });
  });

  it("answers undefined for a 200 body off the contract, before any conversion", async () => {
    const schemas = await loadSchemas();
    for (const [, row] of rows) expect(row.response({ unexpected: true }, schemas)).toBeUndefined();
  });
});
