import { generateKeyPairSync } from "node:crypto";
import { describe, expect, it } from "vitest";
import { deviceBody } from "../device-key-helpers.js";
import { useService } from "../helpers.js";
import { anotherClient, codeCalls, freshName, outcome } from "./code-calls.js";

const MINUTE = 60_000;
let clock = Date.now();
const t = await useService({ now: () => clock });
const other = await anotherClient(t);
const calls = codeCalls(t, () => clock);
const otherCalls = codeCalls(other, () => clock);
const invalid = { status: 400, code: "invalid_code" };

async function newUser(label: string) {
  const name = freshName(label);
  return { id: await calls.createUser(name), name };
}

describe("a code works only for what it was made for", () => {
  it("a code of one client is refused for another client, for a user of the same name", async () => {
    const user = await newUser("two-clients");
    const twinId = await otherCalls.createUser(user.name);
    const { code } = await calls.generate(user.id, "short", "temporary_authentication", true);
    // The other client's wait and its backend's authorize, for its own user of the same name.
    expect(await outcome(await otherCalls.wait(user.name, code, "short"))).toEqual(invalid);
    expect(await outcome(await otherCalls.authorize(twinId, code, "short", "temporary_authentication"))).toEqual(
      invalid,
    );
    expect((await calls.wait(user.name, code, "short")).status).toBe(200);
  });

  it("a code of one user is refused for another user of the same client", async () => {
    const owner = await newUser("owner");
    const thief = await newUser("thief");
    const { code } = await calls.generate(owner.id, "short", "temporary_authentication", true);
    expect(await outcome(await calls.wait(thief.name, code, "short"))).toEqual(invalid);
    expect(await outcome(await calls.authorize(thief.id, code, "short", "temporary_authentication"))).toEqual(invalid);
    expect((await calls.wait(owner.name, code, "short")).status).toBe(200);
  });

  it("a temporary_authentication code is refused as add_credential, everywhere add_credential is taken", async () => {
    const user = await newUser("temporary");
    const { code } = await calls.generate(user.id, "phrase", "temporary_authentication", true);
    expect(await outcome(await calls.authorize(user.id, code, "phrase", "add_credential"))).toEqual(invalid);
    const addPasskey = await t.post(
      "/api/native/credentials/fido2/init",
      { client_id: t.clientId, username: user.name, authentication_code: { code, type: "phrase" } },
      { headers: { origin: t.origin } },
    );
    expect(await outcome(addPasskey)).toEqual(invalid);
    const { publicKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
    const addDevice = await t.post("/pwless/devices", {
      ...deviceBody(user.name, code, publicKey),
      client_id: t.clientId,
    });
    expect(await outcome(addDevice)).toEqual(invalid);
    expect((await calls.wait(user.name, code, "phrase")).status).toBe(200);
  });

  it("an add_credential code is refused as temporary_authentication: no session from it", async () => {
    const user = await newUser("adding");
    const { code } = await calls.generate(user.id, "short", "add_credential", true);
    expect(await outcome(await calls.wait(user.name, code, "short"))).toEqual(invalid);
    expect(await outcome(await calls.authorize(user.id, code, "short", "temporary_authentication"))).toEqual(invalid);
    expect((await calls.authorize(user.id, code, "short", "add_credential")).status).toBe(200);
  });

  it("a code is refused under another code type", async () => {
    const user = await newUser("type");
    const { code } = await calls.generate(user.id, "short", "temporary_authentication", true);
    expect(await outcome(await calls.wait(user.name, code, "phrase"))).toEqual(invalid);
    expect(await outcome(await calls.wait(user.name, code, "long"))).toEqual(invalid);
  });

  it("a code is refused after its expiry (410 code_expired), on authorize and on the wait", async () => {
    const user = await newUser("expiry");
    const pending = await calls.generate(user.id, "short", "temporary_authentication");
    const authorized = await calls.generate(user.id, "long", "temporary_authentication", true);
    clock += 5 * MINUTE;
    expect(await outcome(await calls.authorize(user.id, pending.code, "short", "temporary_authentication"))).toEqual({
      status: 410,
      code: "code_expired",
    });
    clock += 5 * MINUTE;
    expect(await outcome(await calls.wait(user.name, authorized.code, "long"))).toEqual({
      status: 410,
      code: "code_expired",
    });
  });

  it("a code is refused after invalidate-all, even one authorized before", async () => {
    const user = await newUser("denied");
    const { code } = await calls.generate(user.id, "short", "temporary_authentication", true);
    expect((await calls.invalidate(user.id, "short", "temporary_authentication")).status).toBe(200);
    expect(await outcome(await calls.wait(user.name, code, "short"))).toEqual(invalid);
    expect(await outcome(await calls.authorize(user.id, code, "short", "temporary_authentication"))).toEqual(invalid);
  });

  it("a code is refused after it returned a session", async () => {
    const user = await newUser("reuse");
    const { code } = await calls.generate(user.id, "long", "temporary_authentication", true);
    expect((await calls.wait(user.name, code, "long")).status).toBe(200);
    expect(await outcome(await calls.wait(user.name, code, "long"))).toEqual(invalid);
    expect(await outcome(await calls.authorize(user.id, code, "long", "temporary_authentication"))).toEqual(invalid);
  });

  it("typed input is normalised by one rule: NFKC, case, spaces, dashes and underscores", async () => {
    const user = await newUser("typing");
    const short = await calls.generate(user.id, "short", "temporary_authentication");
    const fullWidth = [...short.code].map((digit) => String.fromCodePoint(0xff10 + Number(digit))).join("");
    const typedShort = ` ${fullWidth.slice(0, 3)}-${fullWidth.slice(3)} `;
    expect((await calls.authorize(user.id, typedShort, "short", "temporary_authentication")).status).toBe(200);
    const long = await calls.generate(user.id, "long", "temporary_authentication");
    const typedLong = long.code.toLowerCase().replace(/(.{4})(?!$)/g, "$1 _");
    expect((await calls.authorize(user.id, typedLong, "long", "temporary_authentication")).status).toBe(200);
  });
});
