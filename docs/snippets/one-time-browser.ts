import { createBrowserClient, isHandoffError } from "@handoff/browser";
import { renderQr } from "@handoff/browser/qr";

const client = createBrowserClient({ baseUrl: "http://127.0.0.1:8787", clientId: "your-client-id" });

// Step 3: the new device waits until the signed-in device approves.
export async function useThisDeviceOnce(username: string, code: string, expiresAt: Date, cancel: AbortSignal) {
  document.querySelector("#qr")?.insertAdjacentHTML("beforeend", renderQr(code));
  try {
    const session = await client.waitCode({
      username,
      code,
      codeType: "short",
      expiresAt,
      signal: cancel,
      onWait: ({ remainingMs }) => {
        const status = document.querySelector("#status");
        if (status) status.textContent = `Waiting for approval… ${Math.ceil(remainingMs / 1000)} s left`;
      },
    });
    return session.jwt; // send it to your backend, which verifies it
  } catch (error) {
    if (isHandoffError(error) && error.code === "code_invalidated") return "denied";
    if (isHandoffError(error) && error.code === "code_expired") return "expired";
    throw error;
  }
}
