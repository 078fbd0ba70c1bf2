import { isHandoffError } from "@handoff/server";
import { handoff } from "./server-client.js";

// Steps 1–2, on the new device's request: find the user, generate a code for it.
export async function startOneTimeLogin(username: string) {
  const { id: userId } = await handoff.getUser(username);
  const { code, expiresAt } = await handoff.generateCode({
    userId,
    codeType: "short",
    purpose: "temporary_authentication",
  });
  return { code, expiresAt }; // show it on the new device, or send it to the signed-in one
}

// Step 5, from the signed-in device: authorize. The new device's wait returns at once.
export async function approve(userId: string, code: string) {
  try {
    await handoff.authorizeCode({ userId, code, codeType: "short", purpose: "temporary_authentication" });
  } catch (error) {
    if (isHandoffError(error) && error.code === "too_many_attempts") {
      return { retryAfterSeconds: error.details?.retryAfterSeconds };
    }
    throw error;
  }
  return { approved: true };
}

// Optional: deny. The new device's wait answers `code_invalidated`.
export async function deny(userId: string) {
  await handoff.invalidateAllCodes({ userId, codeType: "short", purpose: "temporary_authentication" });
}

// Step 6, when the new device sends you its JWT: verify it before you trust it.
export async function signInWithJwt(jwt: string) {
  const claims = await handoff.verifyToken(jwt); // ES256, iss, aud = your client, exp
  return { userId: claims.userId, username: claims.username };
}
