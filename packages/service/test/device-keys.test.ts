import { generateKeyPairSync } from "node:crypto";
import { pwlessDevicesResponseSchema } from "@handoff/types";
import { describe, expect, it } from "vitest";
import { parseSeedJson, seed003 } from "../../types/test/seed-examples.js";
import { addDeviceFlow, deviceBody, expectError, freshEmail, keys } from "./device-key-helpers.js";
import { useService } from "./helpers.js";

const MAX_FAILED = 3;
const t = await useService();

const { signup, devices, mailedCode, signupAndCode, register } = addDeviceFlow(t);

describe("POST /pwless/signup", () => {
  it("answers known and unknown emails identically and mails a phrase code to both", async () => {
    const known = freshEmail("known");
    await t.createUser(known);
    const unknown = freshEmail("unknown");
    const answers = await Promise.all([signup(known), signup(unknown)]);
    const bodies: Record<string, unknown>[] = [];
    for (const response of answers) {
      expect(response.status).toBe(200);
      bodies.push((await response.json()) as Record<string, unknown>);
    }
    const [a, b] = bodies.map(({ security_nonce_signed, ...rest }) => {
      expect(security_nonce_signed).toMatch(/^v1\.[\w-]+\.[\w-]+$/);
      return rest;
    });
    expect(a).toEqual({ success: true, code: "code_validation_required" });
    expect(b).toEqual(a);
    expect(answers[0]?.headers.get("content-type")).toBe(answers[1]?.headers.get("content-type"));
    for (const email of [known, unknown]) {
      expect(mailedCode(email)).toMatch(/^[a-z]{3,8}\d{2,3}$/);
      const mail = t.service.outbox.findLast((m) => m.to === email);
      expect(mail?.text).toMatch(/expires in 10 minutes \(at \d{1,2} \w+ \d{4} at \d\d:\d\d UTC\)/);
    }
  });

  it("limits security codes per email: the sixth in 15 minutes is 429 with Retry-After", async () => {
    const email = freshEmail("limit");
    for (let i = 0; i < 5; i++) expect((await signup(email)).status).toBe(200);
    const sixth = await signup(email);
    expect(sixth.headers.get("retry-after")).toMatch(/^\d+$/);
    await expectError(sixth, 429, "too_many_attempts");
  });

  it("refuses an origin the client does not allow, and an unknown client", async () => {
    const email = freshEmail("origin");
    await expectError(
      await t.post("/pwless/signup", { email }, { headers: { origin: "https://evil.example" } }),
      403,
      "origin_not_allowed",
    );
    expect((await t.post("/pwless/signup", { email }, { headers: { origin: t.origin } })).status).toBe(200);
    await expectError(await signup(email, { client_id: "no-such-client" }), 400, "invalid_request");
  });
});

describe("POST /pwless/devices", () => {
  it("refuses the seed's example body (RSA with SHA1) with weak_key", async () => {
    const response = await devices(parseSeedJson(seed003.devicesRequest) as Record<string, unknown>);
    expect(response.status).toBe(400);
    const body = (await response.json()) as { code: string; message: string };
    expect(body.code).toBe("weak_key");
    expect(body.message).toMatch(/SHA-1/);
  });

  it("registers an EC P-256 key for a known user with the right code, then rotates the code", async () => {
    const email = freshEmail("rotate");
    const userId = await t.createUser(email);
    const { code: earlier } = await signupAndCode(email);
    const { code, nonce } = await signupAndCode(email);
    const { publicKey } = keys.p256();
    const mailsBefore = t.service.outbox.length;
    const response = await devices(deviceBody(email, code, publicKey, { security_nonce_signed: nonce }));
    expect(response.status).toBe(200);
    const body = pwlessDevicesResponseSchema.parse(await response.json());
    expect(body).toMatchObject({
      success: true,
      code: "success",
      user: { id: userId, email },
      key: { user_id: userId, key_type: "ec", signature_algorithm: "ES256", key_length: 256 },
    });
    expect(typeof body.key.id).toBe("string");
    const newMail = t.service.outbox.slice(mailsBefore);
    expect(newMail.map((m) => m.subject)).toEqual(["A new device was added to your account"]);
    expect(newMail[0]?.text).not.toContain(code);

    const again = await devices(deviceBody(email, code, keys.p256().publicKey));
    await expectError(again, 400, "invalid_code");
    if (earlier !== code) {
      // the other live code was invalidated by the rotation too
      await expectError(await devices(deviceBody(email, earlier, keys.p256().publicKey)), 400, "invalid_code");
    }
  });

  it("creates the account of an unknown email when its device is registered", async () => {
    const email = freshEmail("new");
    const body = await register(email, keys.p256().publicKey);
    const retrieved = await t.post(
      "/api/native/manage/users/retrieve",
      { username: email },
      { token: await t.token("users.retrieve") },
    );
    expect(retrieved.status).toBe(200);
    expect(await retrieved.json()).toMatchObject({ id: body.user.id, username: email });
  });

  it("refuses an address after too many wrong codes, even its right one; the owner elsewhere is not locked out", async () => {
    const strict = await useService({ maxFailedAttemptsPerAddress: MAX_FAILED, trustProxy: true });
    const flow = addDeviceFlow(strict);
    const email = freshEmail("lockout");
    const { code } = await flow.signupAndCode(email);
    const { publicKey } = keys.p256();
    const attacker = { "x-forwarded-for": "203.0.113.7" };
    for (let i = 0; i < MAX_FAILED; i++) {
      await expectError(await flow.devices(deviceBody(email, `wrong99${i}`, publicKey), attacker), 400, "invalid_code");
    }
    const refused = await flow.devices(deviceBody(email, code, publicKey), attacker);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    await expectError(refused, 429, "too_many_attempts");
    const owner = await flow.devices(deviceBody(email, code, publicKey), { "x-forwarded-for": "198.51.100.20" });
    expect(owner.status).toBe(200);
  });

  it("accepts Ed25519 and RSA-2048 (RS256 and PS256) keys", async () => {
    const ed = await register(freshEmail("ed"), keys.ed25519().publicKey, {
      key_type: "ed25519",
      key_length: 256,
      signature_algorithm: "EdDSA",
    });
    expect(ed.key).toMatchObject({ key_type: "ed25519", signature_algorithm: "EdDSA", key_length: 256 });
    for (const signature_algorithm of ["RS256", "PS256"]) {
      const { publicKey } = keys.rsa(2048);
      const rsa = await register(freshEmail("rsa"), publicKey, {
        key_type: "rsa",
        key_length: 2048,
        signature_algorithm,
        // plain base64 with padding is accepted as well as base64url
        key_data: publicKey.export({ format: "der", type: "spki" }).toString("base64"),
      });
      expect(rsa.key).toMatchObject({ key_type: "rsa", signature_algorithm, key_length: 2048 });
    }
  });

  it.each([
    ["RSA-1024", () => keys.rsa(1024).publicKey, { key_type: "rsa", key_length: 1024, signature_algorithm: "RS256" }],
    [
      "RSA-1024 declared 2048",
      () => keys.rsa(1024).publicKey,
      { key_type: "rsa", key_length: 2048, signature_algorithm: "RS256" },
    ],
    ["SHA-1", () => keys.rsa(2048).publicKey, { key_type: "rsa", key_length: 2048, signature_algorithm: "SHA-1" }],
    ["RS1", () => keys.rsa(2048).publicKey, { key_type: "rsa", key_length: 2048, signature_algorithm: "RS1" }],
    [
      "sha1WithRSAEncryption",
      () => keys.rsa(2048).publicKey,
      { key_type: "rsa", signature_algorithm: "sha1WithRSAEncryption" },
    ],
    ["unknown algorithm", () => keys.p256().publicKey, { signature_algorithm: "ES999" }],
    ["P-256 with a wrong key_length", () => keys.p256().publicKey, { key_length: 384 }],
    ["P-384 curve", () => generateKeyPairSync("ec", { namedCurve: "P-384" }).publicKey, { key_length: 384 }],
    [
      "EC key declared as RSA",
      () => keys.p256().publicKey,
      { key_type: "rsa", key_length: 2048, signature_algorithm: "RS256" },
    ],
    ["algorithm of another family", () => keys.p256().publicKey, { signature_algorithm: "EdDSA" }],
  ] as const)("refuses %s with weak_key without using up the code", async (_, makeKey, fields) => {
    const email = freshEmail("weak");
    const { code } = await signupAndCode(email);
    await expectError(await devices(deviceBody(email, code, makeKey(), fields)), 400, "weak_key");
    expect((await devices(deviceBody(email, code, keys.p256().publicKey))).status).toBe(200);
  });

  it("checks security_nonce_signed when given: another email's or a tampered one is refused", async () => {
    const email = freshEmail("nonce");
    const other = freshEmail("nonce-other");
    const { code, nonce } = await signupAndCode(email);
    const { nonce: otherNonce } = await signupAndCode(other);
    const { publicKey } = keys.p256();
    const tampered = `${nonce.slice(0, -2)}${nonce.endsWith("AA") ? "BB" : "AA"}`;
    for (const security_nonce_signed of [otherNonce, tampered, "v1.x.y", "garbage"]) {
      await expectError(
        await devices(deviceBody(email, code, publicKey, { security_nonce_signed })),
        400,
        "invalid_request",
      );
    }
    expect((await devices(deviceBody(email, code, publicKey, { security_nonce_signed: nonce }))).status).toBe(200);
  });
});
