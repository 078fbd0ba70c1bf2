import type {
  AuthorizedCode,
  CreationOptionsJSON,
  Credential,
  DeletedUser,
  GeneratedCode,
  HandoffError,
  InvalidatedCodes,
  PendingCode,
  UserProfile,
  UserTokenClaims,
} from "@handoff/types";
import { describe, expectTypeOf, it } from "vitest";
import {
  type CallOptions,
  createServerClient,
  type GenerateCodeOptions,
  isHandoffError,
  type RevokeCredentialOptions,
  type ServerClient,
  type ServerClientOptions,
} from "./index.js";

// Checked by `tsc` (pnpm typecheck); at run time these assertions do nothing.
describe("public types", () => {
  it("every method resolves to its exact camelCase type, never any", () => {
    expectTypeOf(createServerClient).returns.toEqualTypeOf<ServerClient>();
    expectTypeOf<ServerClient["getUserID"]>().returns.resolves.toEqualTypeOf<UserProfile>();
    expectTypeOf<ServerClient["getUser"]>().returns.resolves.toEqualTypeOf<UserProfile>();
    expectTypeOf<ServerClient["getUserID"]>().toEqualTypeOf<ServerClient["getUser"]>();
    expectTypeOf<ServerClient["createUser"]>().returns.resolves.toEqualTypeOf<UserProfile>();
    expectTypeOf<ServerClient["generateCode"]>().returns.resolves.toEqualTypeOf<GeneratedCode>();
    expectTypeOf<ServerClient["authorizeCode"]>().returns.resolves.toEqualTypeOf<AuthorizedCode>();
    expectTypeOf<ServerClient["invalidateAllCodes"]>().returns.resolves.toEqualTypeOf<InvalidatedCodes>();
    expectTypeOf<ServerClient["listPendingCodes"]>().returns.resolves.toEqualTypeOf<PendingCode[]>();
    expectTypeOf<ServerClient["verifyToken"]>().returns.resolves.toEqualTypeOf<UserTokenClaims>();
    expectTypeOf<ServerClient["deactivateUser"]>().returns.resolves.toEqualTypeOf<UserProfile>();
    expectTypeOf<ServerClient["activateUser"]>().returns.resolves.toEqualTypeOf<UserProfile>();
    expectTypeOf<ServerClient["deleteUser"]>().returns.resolves.toEqualTypeOf<DeletedUser>();
    expectTypeOf<ServerClient["listCredentials"]>().returns.resolves.toEqualTypeOf<Credential[]>();
    expectTypeOf<ServerClient["renameCredential"]>().returns.resolves.toEqualTypeOf<Credential>();
    expectTypeOf<ServerClient["revokeCredential"]>().returns.resolves.toEqualTypeOf<Credential>();
    expectTypeOf<ServerClient["startAddPasskey"]>().returns.resolves.toEqualTypeOf<{
      options: CreationOptionsJSON;
    }>();

    expectTypeOf<Awaited<ReturnType<ServerClient["getUserID"]>>>().not.toBeAny();
    expectTypeOf<UserProfile>().toEqualTypeOf<{
      id: string;
      username: string;
      namespaceId: string;
      createdAt: Date;
      verifiedAt: Date | null;
      deactivatedAt: Date | null;
    }>();
    expectTypeOf<Credential>().toEqualTypeOf<{
      id: string;
      type: "passkey" | "device_key";
      name: string;
      createdAt: Date;
      lastUsedAt: Date | null;
      deviceInfo: string | null;
      status: "active";
    }>();
    expectTypeOf<DeletedUser>().toEqualTypeOf<{ deletedAt: Date }>();
    expectTypeOf<GeneratedCode>().toEqualTypeOf<{ code: string; expiresAt: Date; isAuthorized: boolean }>();
    expectTypeOf<AuthorizedCode>().toEqualTypeOf<{ expiresAt: Date; isAuthorized: true }>();
    expectTypeOf<InvalidatedCodes>().toEqualTypeOf<{ deletedAt: Date }>();
    expectTypeOf<UserTokenClaims>().toEqualTypeOf<{
      userId: string;
      username: string;
      clientId: string;
      issuer: string;
      issuedAt: Date;
      expiresAt: Date;
      tokenId: string;
      credential: { type: "code" | "fido2" | "device_key"; id: string } | null;
    }>();
  });

  it("options are typed: code types and purposes are literal unions, units in names", () => {
    expectTypeOf<GenerateCodeOptions["codeType"]>().toEqualTypeOf<"short" | "long" | "phrase">();
    expectTypeOf<GenerateCodeOptions["purpose"]>().toEqualTypeOf<"temporary_authentication" | "add_credential">();
    expectTypeOf<CallOptions["timeoutMs"]>().toEqualTypeOf<number | false | undefined>();
    expectTypeOf<ServerClientOptions["clockToleranceSeconds"]>().toEqualTypeOf<number | undefined>();
    expectTypeOf<GenerateCodeOptions>().toExtend<CallOptions>();
    expectTypeOf<RevokeCredentialOptions>().toExtend<CallOptions>();
    expectTypeOf<RevokeCredentialOptions["force"]>().toEqualTypeOf<boolean | undefined>();

    const handoff = {} as ServerClient;
    // @ts-expect-error — not a code type
    void (() => handoff.generateCode({ userId: "u", codeType: "medium", purpose: "temporary_authentication" }));
    // @ts-expect-error — purpose is required
    void (() => handoff.invalidateAllCodes({ userId: "u", codeType: "short" }));
    // @ts-expect-error — the code is required
    void (() => handoff.authorizeCode({ userId: "u", codeType: "short", purpose: "add_credential" }));
    // @ts-expect-error — the credential id is required
    void (() => handoff.revokeCredential({ userId: "u" }));
    // @ts-expect-error — the user id is required
    void (() => handoff.startAddPasskey({}));
  });

  it("isHandoffError narrows to HandoffError", () => {
    const error: unknown = undefined;
    if (isHandoffError(error)) expectTypeOf(error).toEqualTypeOf<HandoffError>();
  });
});
