import { HandoffError } from "@handoff/types";
import { WebAuthnError } from "@simplewebauthn/browser";
import { describe, expect, it } from "vitest";
import { classifyWebAuthnError } from "./classify-webauthn-error.js";

const dom = (name: string) => new DOMException(`a ${name}`, name);
/** What @simplewebauthn/browser throws: its WebAuthnError around the DOMException. */
const wrapped = (name: string) =>
  new WebAuthnError({ message: `wrapped ${name}`, code: "ERROR_PASSTHROUGH_SEE_CAUSE_PROPERTY", cause: dom(name) });

describe("classifyWebAuthnError", () => {
  const table: [string, Parameters<typeof classifyWebAuthnError>[1], string][] = [
    ["NotAllowedError", { ceremony: "authentication" }, "no_credential_on_device"],
    ["NotAllowedError", { ceremony: "registration" }, "webauthn_cancelled"],
    ["NotAllowedError", {}, "webauthn_cancelled"],
    ["NotAllowedError", { ceremony: "authentication", elapsedMs: 300_000, timeoutMs: 300_000 }, "webauthn_timeout"],
    [
      "NotAllowedError",
      { ceremony: "authentication", elapsedMs: 1_000, timeoutMs: 300_000 },
      "no_credential_on_device",
    ],
    ["InvalidStateError", { ceremony: "registration" }, "credential_exists"],
    ["AbortError", {}, "webauthn_cancelled"],
    ["SecurityError", {}, "webauthn_security_error"],
    ["NotSupportedError", {}, "webauthn_unsupported"],
    ["ConstraintError", {}, "webauthn_unsupported"],
    ["UnknownError", {}, "webauthn_unsupported"],
    ["TimeoutError", {}, "webauthn_timeout"],
    ["TypeError", {}, "invalid_response"],
  ];

  it.each(table)("%s with %o is %s (bare and wrapped)", (name, context, code) => {
    for (const error of [dom(name), wrapped(name)]) {
      const classified = classifyWebAuthnError(error, context);
      expect(classified).toBeInstanceOf(HandoffError);
      expect(classified).toMatchObject({ code, cause: error, details: { name } });
    }
  });

  it("is `aborted` whenever the caller's signal has aborted", () => {
    const controller = new AbortController();
    controller.abort();
    for (const name of ["AbortError", "NotAllowedError", "UnknownError"]) {
      expect(classifyWebAuthnError(wrapped(name), { signal: controller.signal }).code).toBe("aborted");
    }
  });

  it("returns a HandoffError as it is", () => {
    const original = new HandoffError("no_credentials", "none", { status: 404 });
    expect(classifyWebAuthnError(original)).toBe(original);
  });

  it("calls anything else unsupported where there is no WebAuthn (as in Node)", () => {
    const classified = classifyWebAuthnError(new Error("WebAuthn is not supported in this browser"));
    expect(classified.code).toBe("webauthn_unsupported");
    expect(classifyWebAuthnError("a string").code).toBe("webauthn_unsupported");
  });
});
