// Use this device once (seed 000): the backend generates a code for the account, this device
// shows it (and a QR code) and waits until a signed-in device approves it. Nothing is stored on
// this device beyond the session cookie.
import { renderQr } from "@handoff/browser/qr";
import { api, type OneTimeRequest } from "../api.ts";
import { describeError, errorCode, groupCode } from "../messages.ts";
import { completeSignIn, handoff } from "../session.ts";
import { h, setStatus, showScreen } from "../ui.ts";
import { showNoAccount } from "./no-account.ts";
import { showSignedIn } from "./signed-in.ts";
import { showStart } from "./start.ts";

function formatRemaining(ms: number): string {
  const seconds = Math.max(0, Math.ceil(ms / 1000));
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, "0")}`;
}

/** Starts a one-time sign-in for `username` and waits for its approval. */
export async function showUseOnce(username: string): Promise<void> {
  const screen = showScreen("Use this device once", h("p", {}, "Asking for a code…"));
  let request: OneTimeRequest;
  try {
    request = await api.startOneTime(username);
  } catch (error) {
    if (errorCode(error) === "user_not_found") {
      return showNoAccount(username, (await handoff().detectWebAuthn()).webauthn);
    }
    return showFailure(username, describeError(error));
  }
  if (screen.signal.aborted) return;

  const expiresAt = new Date(request.expiresAt);
  const totalMs = Math.max(1, expiresAt.getTime() - Date.now());
  const progress = h("progress", { max: String(totalMs), value: String(totalMs), "aria-label": "Time left" });
  const remaining = h("span", {}, formatRemaining(totalMs));
  const timer = setInterval(() => {
    const ms = expiresAt.getTime() - Date.now();
    progress.value = Math.max(0, ms);
    remaining.textContent = formatRemaining(ms);
  }, 1000);
  screen.signal.addEventListener("abort", () => clearInterval(timer));

  // The QR code opens the app on a signed-in phone, with this request highlighted. It carries the
  // code (on screen anyway), never the request id, which lets this device cancel the request.
  const approveUrl = `${location.origin}/?approve=${encodeURIComponent(request.code)}`;
  const qr = h("figure", { class: "qr" });
  qr.innerHTML = renderQr(approveUrl, { size: 168 }); // an SVG of numbers only: safe as HTML
  qr.append(h("figcaption", {}, "Or scan with your signed-in phone"));

  const cancel = new AbortController();
  screen.update(
    h(
      "p",
      {},
      "On a device where you are signed in as ",
      h("strong", {}, username),
      ", approve the request with this code:",
    ),
    h(
      "p",
      { class: "code", id: "one-time-code", "aria-label": `Code ${request.code.split("").join(" ")}` },
      groupCode(request.code),
    ),
    qr,
    h(
      "p",
      { class: "waiting" },
      h("span", { class: "spinner", "aria-hidden": "true" }),
      "Waiting for approval… ",
      remaining,
      " left",
    ),
    progress,
    h("div", { class: "actions" }, h("button", { type: "button", onclick: () => cancel.abort() }, "Cancel")),
  );
  setStatus("Waiting for approval on your other device.");

  try {
    const session = await handoff().waitCode({
      username,
      code: request.code,
      codeType: request.codeType,
      expiresAt,
      // Stops on Cancel, and when the person leaves this screen.
      signal: AbortSignal.any([cancel.signal, screen.signal]),
      credentialName: "One-time sign-in",
    });
    clearInterval(timer);
    showSignedIn(await completeSignIn(session));
    setStatus("Signed in on this device, this time only.", "success");
  } catch (error) {
    clearInterval(timer);
    if (errorCode(error) === "aborted") {
      void api.cancelOneTime(request.requestId).catch(() => {});
      if (screen.signal.aborted) return;
      await showStart(username);
      setStatus("Cancelled. Nothing was signed in.");
    }
    return showFailure(username, describeError(error));
  }
}

/** A failed one-time sign-in: the reason (in the status region), and the ways on. */
function showFailure(username: string, message: string): void {
  showScreen(
    "Not signed in",
    h(
      "div",
      { class: "actions" },
      h("button", { type: "button", class: "primary", onclick: () => void showUseOnce(username) }, "Try again"),
      h("button", { type: "button", onclick: () => void showStart(username) }, "Back"),
    ),
  );
  setStatus(message, "error");
}
