import { authenticationResponseSchema } from "@handoff/types";
import { describe, expect, it } from "vitest";
import { useService } from "./helpers.js";

// The published files (built by `pnpm build`, which `pnpm test:all` runs first), not the sources.
const esm = await import("../dist/index.js");
const cjs = await import("../dist/index.cjs");
const subpaths = ["handler", "hono", "express"] as const;

const t = await useService();
const purpose = "temporary_authentication";

describe.each([
  ["ESM", esm],
  ["CommonJS (ky and jose bundled)", cjs],
])("the built %s bundle", (_, sdk) => {
  it("runs the one-time flow and verifies the JWT", async () => {
    const handoff = sdk.createServerClient({ baseUrl: t.service.url, clientId: t.clientId, privateKey: t.privateKey });
    const username = `dist-${Math.random().toString(36).slice(2)}@example.com`;
    const user = await handoff.createUser(username);
    const { code } = await handoff.generateCode({ userId: user.id, codeType: "short", purpose, authorize: true });
    const response = await t.wait(username, code, "short");
    const { jwt } = authenticationResponseSchema.parse(await response.json());
    expect((await handoff.verifyToken(jwt, { username })).userId).toBe(user.id);
    const error = await handoff.getUserID("nobody@example.com").catch((e: unknown) => e);
    expect(sdk.isHandoffError(error) && error.code).toBe("user_not_found");
  });
});

describe("the subpath bundles", () => {
  it.each(subpaths)("@handoff/server/%s loads as ESM and CommonJS, with its one export", async (name) => {
    const exported = { handler: "createHandoffHandler", hono: "handoffHono", express: "handoffExpress" }[name];
    for (const file of [`../dist/${name}.js`, `../dist/${name}.cjs`]) {
      const module = (await import(file)) as Record<string, unknown>;
      expect(typeof module[exported], file).toBe("function");
    }
  });
});
