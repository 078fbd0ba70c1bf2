import { describe, expect, it } from "vitest";
import { checkCodeArguments, checkPasskeyArguments, checkSignInArguments } from "./webauthn-arguments.js";

describe("passkey argument checks", () => {
  it("accepts well-formed options and defaults the code type to phrase", () => {
    const signal = new AbortController().signal;
    expect(checkPasskeyArguments({ username: "ada@example.com", credentialName: "Laptop", signal }, "signUp")).toEqual({
      username: "ada@example.com",
      credentialName: "Laptop",
      signal,
    });
    expect(checkCodeArguments({ code: "mouse132" })).toEqual({ code: "mouse132", codeType: "phrase" });
    expect(checkCodeArguments({ code: "048213", codeType: "short" })).toEqual({ code: "048213", codeType: "short" });
  });

  it.each([
    ["no options", undefined],
    ["null", null],
    ["a missing username", {}],
    ["an empty username", { username: "" }],
    ["a username with a control character", { username: "a\nb" }],
    ["a username over 256 characters", { username: "a".repeat(257) }],
    ["an empty credentialName", { username: "a", credentialName: "" }],
    ["a credentialName over 128 characters", { username: "a", credentialName: "x".repeat(129) }],
    ["a signal that is not an AbortSignal", { username: "a", signal: {} }],
  ])("refuses %s with invalid_argument", (_name, options) => {
    expect(() => checkPasskeyArguments(options, "signIn")).toThrow(
      expect.objectContaining({ code: "invalid_argument" }),
    );
  });

  it.each([
    ["a missing code", {}],
    ["a blank code", { code: "   " }],
    ["a code over 64 characters", { code: "1".repeat(65) }],
    ["an unknown code type", { code: "mouse132", codeType: "pin" }],
  ])("refuses %s with invalid_argument", (_name, options) => {
    expect(() => checkCodeArguments(options)).toThrow(expect.objectContaining({ code: "invalid_argument" }));
  });

  it("signIn: the username is optional, autofill a boolean without a username", () => {
    const signal = new AbortController().signal;
    expect(checkSignInArguments({})).toEqual({ username: undefined, autofill: false, signal: undefined });
    expect(checkSignInArguments({ username: "ada@example.com" })).toMatchObject({ username: "ada@example.com" });
    expect(checkSignInArguments({ autofill: true, signal })).toEqual({ username: undefined, autofill: true, signal });
  });

  it.each([
    ["no options", undefined],
    ["an empty username", { username: "" }],
    ["a username that is not a string", { username: 42 }],
    ["autofill that is not a boolean", { autofill: "yes" }],
    ["autofill with a username", { autofill: true, username: "ada@example.com" }],
    ["a signal that is not an AbortSignal", { signal: {} }],
  ])("signIn refuses %s with invalid_argument", (_name, options) => {
    expect(() => checkSignInArguments(options)).toThrow(expect.objectContaining({ code: "invalid_argument" }));
  });

  it("counts characters, not UTF-16 units, like the service", () => {
    expect(checkPasskeyArguments({ username: "😀".repeat(256) }, "signIn").username).toHaveLength(512);
  });
});
