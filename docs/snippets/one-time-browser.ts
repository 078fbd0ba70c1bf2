import { createBrowserClient, isHandoffError } from "@handoff/browser";
import { renderQr } from "@handoff/browser/qr";

const client = createBrowserClient({ baseUrl: "http://127.0.0.1:8787", clientId: "your-client-id" });

// Step 3: the new device waits until the signed-in device approves.
export async function useThisDeviceOnce(username: string, code: string, expiresAt: Date, cancel: AbortSignal) {
  document.querySelector("#qr")?.insertAdjacentHTML("beforeend", renderQr(code)); // 256 px by default
  // A countdown ticks from expiresAt: onWait runs once per long-poll (up to 2 minutes each), not per second.
  const status = document.querySelector("#status");
  const tick = () => {
    const seconds = Math.max(0, Math.ceil((expiresAt.getTime() - Date.now()) / 1000));
    if (status) status.textContent = `Waiting for approval… ${seconds} s left`;
  };
  tick();
  const timer = setInterval(tick, 1000);
  try {
    const session = await client.waitCode({ username, code, codeType: "short", expiresAt, signal: cancel });
    return session.jwt; // send it to your backend, which verifies it
  } catch (error) {
    if (isHandoffError(error) && error.code === "aborted") return "cancelled"; // your Cancel button
    if (isHandoffError(error) && error.code === "code_invalidated") return "denied";
    if (isHandoffError(error) && error.code === "code_expired") return "expired";
    throw error;
  } finally {
    clearInterval(timer);
  }
}
