import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath, pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import type * as Core from "../src/index.js";

/*
 * The BUILT package (run `pnpm build` first) as Node loads it: `require` of the CJS build and
 * `import` of the ESM build, through the package's own exports map. The client's passkey and
 * device-key methods load their code on first call; in Node they get as far as argument checks
 * and the "no WebAuthn / no IndexedDB here" errors, which proves that code was loaded and ran.
 */

const packageDir = fileURLToPath(new URL("..", import.meta.url));
const require = createRequire(import.meta.url);
const service = { baseUrl: "https://auth.example.com", clientId: "client-1" };

interface ExportConditions {
  import: Record<string, string>;
  require: Record<string, string>;
}
const manifest = JSON.parse(readFileSync(`${packageDir}/package.json`, "utf8")) as {
  exports: Record<string, ExportConditions | string>;
};

/** The code of a rejection, or what went wrong instead. */
async function rejection(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    return (error as { code?: string }).code ?? `no code: ${String(error)}`;
  }
  return "resolved";
}

/** Runs a lazily loaded method of each kind through a client of the given build. */
async function lazyMethodCodes(core: typeof Core): Promise<Record<string, string>> {
  const client = core.createBrowserClient(service);
  return {
    signInBadArgument: await rejection(client.signIn({ username: "" })),
    signInHere: await rejection(client.signIn({ username: "ada@example.com" })),
    addDevice: await rejection(client.addDevice({ username: "ada@example.com", code: "" })),
    completeAddPasskey: await rejection(client.completeAddPasskey({ options: {} as never })),
    requestDeviceCode: await rejection(client.requestDeviceCode({ email: "not an email" })),
    addDeviceKeyHere: await rejection(client.addDeviceKey({ email: "ada@example.com", securityCode: "ABC123" })),
  };
}

const expectedCodes = {
  signInBadArgument: "invalid_argument",
  signInHere: "webauthn_unsupported",
  addDevice: "invalid_argument",
  completeAddPasskey: "invalid_argument",
  requestDeviceCode: "invalid_argument",
  addDeviceKeyHere: "device_key_unsupported",
};

describe("the built package in Node", () => {
  it("lists every entry in its exports map with types first, and every file exists", () => {
    expect(Object.keys(manifest.exports)).toEqual([".", "./passkeys", "./device-keys", "./qr", "./package.json"]);
    for (const [subpath, target] of Object.entries(manifest.exports)) {
      if (typeof target === "string") continue;
      for (const condition of [target.import, target.require]) {
        expect(Object.keys(condition), subpath).toEqual(["types", "default"]);
        for (const file of Object.values(condition)) expect(existsSync(`${packageDir}/${file}`), file).toBe(true);
      }
    }
  });

  it('require("@handoff/browser") works, and the client loads its lazy methods', async () => {
    const core = require("@handoff/browser") as typeof Core;
    expect(Object.keys(core).sort()).toEqual([
      "HandoffError",
      "createBrowserClient",
      "detectWebAuthn",
      "isHandoffError",
      "waitCode",
    ]);
    expect(await lazyMethodCodes(core)).toEqual(expectedCodes);
    await expect(core.detectWebAuthn()).resolves.toMatchObject({ webauthn: false });
  });

  it("import of the ESM build works, and the lazy methods load their chunks from dist/", async () => {
    const core = (await import(pathToFileURL(`${packageDir}/dist/index.js`).href)) as typeof Core;
    expect(await lazyMethodCodes(core)).toEqual(expectedCodes);
  });

  it("require and import of the subpath entries give their standalone functions", async () => {
    const names = {
      "@handoff/browser/passkeys": [
        "NO_CREDENTIAL_NEXT",
        "addDevice",
        "classifyWebAuthnError",
        "completeAddPasskey",
        "signIn",
        "signUp",
        "signalAcceptedCredentials",
        "signalCurrentUser",
        "signalUnknownCredential",
      ],
      "@handoff/browser/device-keys": ["addDeviceKey", "requestDeviceCode", "signInWithDeviceKey"],
      "@handoff/browser/qr": ["DEFAULT_QR_SIZE", "renderCodeQr", "renderQr", "renderQrToCanvas", "renderQrToText"],
    };
    for (const [entry, exported] of Object.entries(names)) {
      expect(Object.keys(require(entry) as object).sort(), entry).toEqual(exported);
      const file = require.resolve(entry).replace(/\.cjs$/, ".js");
      expect(Object.keys((await import(pathToFileURL(file).href)) as object).sort(), entry).toEqual(exported);
    }
    const { signIn } = require("@handoff/browser/passkeys") as typeof import("../src/webauthn/index.js");
    expect(await rejection(signIn(service, { username: "ada@example.com" }))).toBe("webauthn_unsupported");
    const { requestDeviceCode } =
      require("@handoff/browser/device-keys") as typeof import("../src/device-keys/index.js");
    expect(await rejection(requestDeviceCode({ ...service, baseUrl: "nope" }, { email: "ada@example.com" }))).toBe(
      "invalid_argument",
    );
  });
});
