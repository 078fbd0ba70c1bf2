import { startService } from "@handoff/service";
import { importJWK, type JWK, SignJWT } from "jose";
import { afterAll, describe, expect, it } from "vitest";
import { signIn } from "../src/sign-in.ts";

const service = await startService({ port: 0, database: ":memory:", logger: false, devicePollIntervalSeconds: 1 });
afterAll(() => service.close());
const backend = await service.createClient({
  name: "cli",
  deviceGrant: { verificationUri: "http://localhost:5173/device" },
});
const key = await importJWK(backend.privateKey as JWK, "ES256");

/** The backend's call with a service token of `scope`. */
async function call(path: string, scope: string, body: Record<string, unknown>) {
  const token = await new SignJWT({ client_id: backend.clientId, type: scope, nonce: crypto.randomUUID() })
    .setProtectedHeader({ alg: "ES256", typ: "JWT" })
    .setIssuedAt()
    .sign(key);
  const response = await fetch(`${service.url}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
    body: JSON.stringify({ client_id: backend.clientId, ...body }),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe("the example CLI signs in with the device grant, through openid-client only", () => {
  it("prints the code, the page and a QR code, and returns the user once the backend approves", async () => {
    const user = await call("/api/native/manage/users", "users.create", { username: "cli@example.com" });
    const lines: string[] = [];
    const signingIn = signIn({
      issuer: service.url,
      clientId: backend.clientId,
      allowHttp: true,
      print: (line) => lines.push(line),
    });
    await expect.poll(() => lines.length).toBeGreaterThan(3);
    const userCode = /enter the code ([A-Z]{4}-[A-Z]{4})/.exec(lines.join("\n"))?.[1];
    expect(userCode).toBeDefined();
    expect(lines[0]).toContain("http://localhost:5173/device");
    expect(lines.some((line) => /[█▀▄]/.test(line))).toBe(true);

    const approved = await call("/api/native/device-authorizations/approve", "device_authorizations.approve", {
      user_code: userCode,
      user_id: user.body.id,
    });
    expect(approved.status).toBe(200);
    const signedIn = await signingIn;
    expect(signedIn.userId).toBe(user.body.id);
    expect(signedIn.expiresAt.getTime()).toBeGreaterThan(Date.now());
  });

  it("ends with access_denied when the user denies", async () => {
    const lines: string[] = [];
    const signingIn = signIn({
      issuer: service.url,
      clientId: backend.clientId,
      allowHttp: true,
      print: (line) => lines.push(line),
    });
    await expect.poll(() => lines.length).toBeGreaterThan(3);
    const userCode = /enter the code ([A-Z]{4}-[A-Z]{4})/.exec(lines.join("\n"))?.[1];
    await call("/api/native/device-authorizations/deny", "device_authorizations.deny", { user_code: userCode });
    await expect(signingIn).rejects.toMatchObject({ error: "access_denied" });
  });
});
