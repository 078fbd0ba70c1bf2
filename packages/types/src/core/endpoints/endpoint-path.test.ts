import { describe, expect, it } from "vitest";
import { ENDPOINTS, endpointPath } from "./index.js";

describe("endpointPath", () => {
  it("fills {type} and {id}, URI-encoded, and leaves paths without them alone", () => {
    expect(endpointPath("generateCode", { type: "short" })).toBe("/api/native/codes/short/generate");
    expect(endpointPath("activateUser", { id: "u 1/x" })).toBe("/api/native/manage/users/u%201%2Fx/activate");
    expect(endpointPath("deleteUserById", { id: "u1" })).toBe("/api/native/manage/users/u1");
    expect(endpointPath("deleteUser")).toBe(ENDPOINTS.deleteUser.path);
    expect(endpointPath("deactivateUser")).toBe("/api/native/manage/users/{id}/deactivate");
  });

  it("gives each lifecycle endpoint the scope and method of @loginid/node-sdk 0.8.3", () => {
    expect([ENDPOINTS.deleteUser.method, ENDPOINTS.deleteUser.scope]).toEqual(["POST", "users.delete"]);
    expect([ENDPOINTS.deleteUserById.method, ENDPOINTS.deleteUserById.scope]).toEqual(["DELETE", "users.delete"]);
    expect([ENDPOINTS.activateUser.method, ENDPOINTS.activateUser.scope]).toEqual(["PUT", "users.activate"]);
    expect([ENDPOINTS.deactivateUser.method, ENDPOINTS.deactivateUser.scope]).toEqual(["PUT", "users.deactivate"]);
  });
});
