// "Approve a device": the verification page of the OAuth device grant (RFC 8628). A CLI or a TV
// shows a code such as BDWP-HQPK (and a QR code that opens this page with it); the signed-in user
// types it, sees which device asked — browser or app, IP address, time (RFC 8628 §5.4) — and
// approves or denies. Only then does the device get its token.
import { api, type DeviceAuthorizationView, type Me } from "../api.ts";
import { describeError, describeUserAgent } from "../messages.ts";
import { h, setStatus, showScreen } from "../ui.ts";
import { showSignedIn } from "./signed-in.ts";

/** The query parameter `verification_uri_complete` carries the code in. */
export const USER_CODE_PARAM = "user_code";

/** Shows the code form, filled in (and looked up) when the page was opened with a code. */
export function showApproveDevice(me: Me, userCode = ""): void {
  const input = h("input", {
    id: "user-code",
    name: "userCode",
    autocomplete: "one-time-code",
    autocapitalize: "characters",
    spellcheck: false,
    placeholder: "BDWP-HQPK",
    value: userCode,
  });
  const details = h("div", { class: "device-authorization" });
  const form = h(
    "form",
    {
      onsubmit: (event: Event) => {
        event.preventDefault();
        void lookUp(me, input.value, details);
      },
    },
    h("label", { for: "user-code" }, "The code on the device"),
    input,
    h("div", { class: "actions" }, h("button", { type: "submit", class: "primary" }, "Continue")),
  );
  showScreen(
    "Approve a device",
    h("p", { class: "note" }, "A TV or a command-line app shows a code to sign in as you. Type it here."),
    form,
    details,
    h(
      "div",
      { class: "actions" },
      h("button", { type: "button", class: "link", onclick: () => showSignedIn(me) }, "Back"),
    ),
  );
  if (userCode) void lookUp(me, userCode, details);
}

/** Looks the code up and shows the device that asked, with Approve and Deny. */
async function lookUp(me: Me, userCode: string, details: HTMLElement): Promise<void> {
  let authorization: DeviceAuthorizationView;
  try {
    authorization = await api.lookUpDevice(userCode);
  } catch (error) {
    details.replaceChildren();
    setStatus(describeError(error), "error");
    return;
  }
  if (authorization.status !== "pending") {
    details.replaceChildren(h("p", { class: "note" }, `This request was already ${authorization.status}.`));
    return;
  }
  const { requester } = authorization;
  const decide = async (approve: boolean) => {
    for (const button of details.querySelectorAll("button")) button.disabled = true;
    try {
      if (approve) await api.approveDevice(userCode);
      else await api.denyDevice(userCode);
      showSignedIn(me);
      setStatus(
        approve ? "Approved. The device is signing in." : "Denied. The device was told.",
        approve ? "success" : "info",
      );
    } catch (error) {
      setStatus(describeError(error), "error");
    }
  };
  details.replaceChildren(
    h("p", { class: "request-title" }, "A device asks to sign in as you"),
    h(
      "dl",
      {},
      h("dt", {}, "Device"),
      h("dd", { title: requester.userAgent }, describeUserAgent(requester.userAgent)),
      h("dt", {}, "IP address"),
      h("dd", {}, requester.ip),
      h("dt", {}, "Asked"),
      h("dd", {}, h("time", { datetime: requester.requestedAt }, new Date(requester.requestedAt).toLocaleTimeString())),
    ),
    h("p", { class: "note" }, "Approve only if you started this on a device in front of you."),
    h(
      "div",
      { class: "actions" },
      h("button", { type: "button", class: "primary", onclick: () => void decide(true) }, "Approve"),
      h("button", { type: "button", class: "danger", onclick: () => void decide(false) }, "Deny"),
    ),
  );
}
