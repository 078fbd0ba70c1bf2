import { constants, type KeyObject, sign } from "node:crypto";
import { authenticationResponseSchema, deviceLoginInitResponseSchema } from "@handoff/types";
import { createRemoteJWKSet, jwtVerify } from "jose";
import { describe, expect, it } from "vitest";
import { addDeviceFlow, expectError, freshEmail, keys } from "./device-key-helpers.js";
import { useService } from "./helpers.js";

const t = await useService();
const { register } = addDeviceFlow(t);

async function init(email: string, keyId: string) {
  const response = await t.post("/pwless/login/init", { email, key_id: keyId });
  expect(response.status).toBe(200);
  const body = deviceLoginInitResponseSchema.parse(await response.json());
  expect(Buffer.from(body.challenge, "base64url")).toHaveLength(32);
  return body.challenge;
}

const complete = (email: string, keyId: string, challenge: string, signature: string) =>
  t.post("/pwless/login/complete", { email, key_id: keyId, challenge, signature });

type Signer = (data: Buffer) => Buffer;
const signers = {
  ES256:
    (key: KeyObject): Signer =>
    (data) =>
      sign("sha256", data, { key, dsaEncoding: "ieee-p1363" }),
  ES256der:
    (key: KeyObject): Signer =>
    (data) =>
      sign("sha256", data, { key, dsaEncoding: "der" }),
  EdDSA:
    (key: KeyObject): Signer =>
    (data) =>
      sign(null, data, key),
  RS256:
    (key: KeyObject): Signer =>
    (data) =>
      sign("sha256", data, key),
  PS256:
    (key: KeyObject): Signer =>
    (data) =>
      sign("sha256", data, { key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: 32 }),
};

const signChallenge = (signer: Signer, challenge: string) =>
  signer(Buffer.from(challenge, "base64url")).toString("base64url");

/** Registers a P-256 key for a new email; returns what signing in needs. */
async function p256Device() {
  const email = freshEmail("login");
  const pair = keys.p256();
  const registered = await register(email, pair.publicKey);
  return {
    email,
    keyId: String(registered.key.id),
    userId: String(registered.user.id),
    signer: signers.ES256(pair.privateKey),
  };
}

describe("sign-in with a device key", () => {
  it("init/complete with a real ES256 signature gives a JWT that verifies against the JWKS", async () => {
    const { email, keyId, userId, signer } = await p256Device();
    const challenge = await init(email, keyId);
    const response = await complete(email, keyId, challenge, signChallenge(signer, challenge));
    expect(response.status).toBe(200);
    const session = authenticationResponseSchema.parse(await response.json());
    expect(session).toMatchObject({
      client: { id: t.clientId },
      credential: { uuid: keyId, type: "device_key", name: "Test device" },
      user: { id: userId, username: email },
      is_authenticated: true,
    });
    const jwks = createRemoteJWKSet(new URL(`${t.service.url}/.well-known/jwks.json`));
    const { payload } = await jwtVerify(session.jwt, jwks, {
      algorithms: ["ES256"],
      audience: t.clientId,
      issuer: t.service.url,
    });
    expect(payload).toMatchObject({ sub: userId, udata: email, amr: ["device_key"], credential_id: keyId });
  });

  it("refuses a replayed challenge", async () => {
    const { email, keyId, signer } = await p256Device();
    const challenge = await init(email, keyId);
    const signature = signChallenge(signer, challenge);
    expect((await complete(email, keyId, challenge, signature)).status).toBe(200);
    await expectError(await complete(email, keyId, challenge, signature), 400, "invalid_challenge");
  });

  it("a wrong signature fails and uses the challenge up", async () => {
    const { email, keyId, signer } = await p256Device();
    const challenge = await init(email, keyId);
    const otherSigner = signers.ES256(keys.p256().privateKey);
    await expectError(
      await complete(email, keyId, challenge, signChallenge(otherSigner, challenge)),
      400,
      "verification_failed",
    );
    await expectError(
      await complete(email, keyId, challenge, signChallenge(signer, challenge)),
      400,
      "invalid_challenge",
    );
  });

  it("a signature over another challenge, or for another email, fails", async () => {
    const { email, keyId, signer } = await p256Device();
    const first = await init(email, keyId);
    const second = await init(email, keyId);
    await expectError(await complete(email, keyId, second, signChallenge(signer, first)), 400, "verification_failed");
    const third = await init(email, keyId);
    await expectError(
      await complete(freshEmail("someone-else"), keyId, third, signChallenge(signer, third)),
      400,
      "verification_failed",
    );
  });

  it("answers a challenge for an unknown email or key too, which then cannot complete", async () => {
    const { keyId, signer } = await p256Device();
    const stranger = freshEmail("stranger");
    const challenge = await init(stranger, keyId);
    await expectError(
      await complete(stranger, keyId, challenge, signChallenge(signer, challenge)),
      400,
      "invalid_challenge",
    );
    await init(stranger, crypto.randomUUID());
  });

  it.each([
    [
      "ES256 in DER",
      () => keys.p256(),
      signers.ES256der,
      { key_type: "ec", key_length: 256, signature_algorithm: "ES256" },
    ],
    [
      "EdDSA",
      () => keys.ed25519(),
      signers.EdDSA,
      { key_type: "ed25519", key_length: 256, signature_algorithm: "EdDSA" },
    ],
    ["RS256", () => keys.rsa(2048), signers.RS256, { key_type: "rsa", key_length: 2048, signature_algorithm: "RS256" }],
    ["PS256", () => keys.rsa(2048), signers.PS256, { key_type: "rsa", key_length: 2048, signature_algorithm: "PS256" }],
  ] as const)("signs in with %s", async (_, makePair, makeSigner, fields) => {
    const email = freshEmail("family");
    const pair = makePair();
    const registered = await register(email, pair.publicKey, fields);
    const keyId = String(registered.key.id);
    const challenge = await init(email, keyId);
    const response = await complete(email, keyId, challenge, signChallenge(makeSigner(pair.privateKey), challenge));
    expect(response.status).toBe(200);
    expect(authenticationResponseSchema.parse(await response.json()).credential.uuid).toBe(keyId);
  });

  it("an RS256 key cannot sign in with a PS256 signature", async () => {
    const email = freshEmail("mixup");
    const pair = keys.rsa(2048);
    const registered = await register(email, pair.publicKey, {
      key_type: "rsa",
      key_length: 2048,
      signature_algorithm: "RS256",
    });
    const keyId = String(registered.key.id);
    const challenge = await init(email, keyId);
    await expectError(
      await complete(email, keyId, challenge, signChallenge(signers.PS256(pair.privateKey), challenge)),
      400,
      "verification_failed",
    );
  });
});
