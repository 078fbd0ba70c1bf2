// The signed-in device: shows requests from new devices with who asked (browser, IP, time) and
// the code to compare, so a request you did not start is easy to spot (RFC 8628 §5.4).
import { api, type IncomingRequest, type Me } from "../api.ts";
import { describeError, describeUserAgent, groupCode } from "../messages.ts";
import { h, setStatus, showScreen } from "../ui.ts";
import { showApproveDevice } from "./approve-device.ts";
import { showDevices } from "./devices.ts";
import { showStart } from "./start.ts";

/** How often the list of requests is refreshed, in milliseconds. */
const POLL_MS = 2000;

function timeAgo(iso: string): string {
  const seconds = Math.max(0, Math.round((Date.now() - new Date(iso).getTime()) / 1000));
  return seconds < 60 ? `${seconds} s ago` : `${Math.round(seconds / 60)} min ago`;
}

/**
 * Shows who is signed in, and the pending requests with Approve and Deny; a device signed in once
 * is told to approve from a device with a passkey instead (the backend refuses its approvals).
 */
export function showSignedIn(me: Me): void {
  const { username } = me;
  if (me.signedInOnce) {
    showScreen(
      "Signed in",
      h("p", {}, "You are signed in as ", h("strong", { id: "signed-in-user" }, username), ", on this device once."),
      h(
        "p",
        { class: "note" },
        "A device signed in once cannot approve other devices. Approve them from a device that signs in with its passkey.",
      ),
      h(
        "div",
        { class: "actions" },
        h("button", { type: "button", onclick: () => void signOut(username) }, "Sign out"),
      ),
    );
    return;
  }
  // Opened from the QR code of a device waiting to sign in: that request is highlighted.
  const highlighted = new URLSearchParams(location.search).get("approve");
  const list = h("ul", { class: "requests", "aria-live": "polite", "aria-relevant": "additions" });
  const empty = h("p", { class: "note" }, "No device is asking to sign in. Requests show up here.");
  const shown = new Map<string, HTMLElement>();

  const decide = async (request: IncomingRequest, approve: boolean, item: HTMLElement) => {
    for (const button of item.querySelectorAll("button")) button.disabled = true;
    try {
      if (approve) await api.approve(request.id);
      else await api.deny(request.id);
      setStatus(
        approve ? "Approved. The other device is signing in." : "Denied. The other device was told.",
        approve ? "success" : "info",
      );
      await refresh();
    } catch (error) {
      setStatus(describeError(error), "error");
      await refresh();
    }
  };

  const render = (request: IncomingRequest): HTMLElement => {
    const { requester } = request;
    const item = h(
      "li",
      {
        class: request.code === highlighted ? "request highlighted" : "request",
        "data-request-id": request.id,
        "data-code": request.code,
      },
      h("p", { class: "request-title" }, "A device asks to sign in as you"),
      h(
        "dl",
        {},
        h("dt", {}, "Code"),
        h("dd", { class: "code small" }, groupCode(request.code)),
        h("dt", {}, "Device"),
        h("dd", { title: requester.userAgent }, describeUserAgent(requester.userAgent)),
        h("dt", {}, "IP address"),
        h("dd", {}, requester.ip),
        h("dt", {}, "Asked"),
        h(
          "dd",
          {},
          h("time", { datetime: requester.requestedAt }, new Date(requester.requestedAt).toLocaleTimeString()),
        ),
      ),
      h("p", { class: "note" }, "Approve only if the same code is on the screen of a device in front of you."),
    );
    const actions = h(
      "div",
      { class: "actions" },
      h("button", { type: "button", class: "primary", onclick: () => void decide(request, true, item) }, "Approve"),
      h("button", { type: "button", class: "danger", onclick: () => void decide(request, false, item) }, "Deny"),
    );
    item.append(actions);
    return item;
  };

  let stopped = false; // set when the screen is left
  const refresh = async () => {
    let requests: IncomingRequest[];
    try {
      ({ requests } = await api.requests());
    } catch (error) {
      if (!stopped) setStatus(describeError(error), "error");
      return;
    }
    if (stopped) return;
    const ids = new Set(requests.map((request) => request.id));
    for (const [id, item] of shown) {
      if (!ids.has(id)) {
        item.remove();
        shown.delete(id);
      }
    }
    for (const request of requests) {
      if (shown.has(request.id)) continue;
      const item = render(request);
      shown.set(request.id, item);
      list.append(item);
    }
    empty.hidden = requests.length > 0;
    for (const time of list.querySelectorAll("time")) time.title = timeAgo(time.dateTime);
  };

  const screen = showScreen(
    "Signed in",
    h("p", {}, "You are signed in as ", h("strong", { id: "signed-in-user" }, username), "."),
    h("h3", {}, "Requests to sign in"),
    empty,
    list,
    h(
      "div",
      { class: "actions" },
      h("button", { type: "button", onclick: () => void showDevices(me) }, "Your devices"),
      h("button", { type: "button", onclick: () => showApproveDevice(me) }, "Approve a device"),
      h("button", { type: "button", onclick: () => void signOut(username) }, "Sign out"),
    ),
  );
  const timer = setInterval(() => void refresh(), POLL_MS);
  screen.signal.addEventListener("abort", () => {
    stopped = true;
    clearInterval(timer);
  });
  void refresh();
}

/** Ends the backend session and goes back to the first screen. */
async function signOut(username: string): Promise<void> {
  await api.logout().catch(() => {});
  await showStart(username);
  setStatus("Signed out.");
}
