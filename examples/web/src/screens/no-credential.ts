// "No passkey for this account on this device": offer signing in once, or adding this device.
import { h, showScreen } from "../ui.ts";
import { showAddDevice } from "./add-device.ts";
import { showStart } from "./start.ts";
import { showUseOnce } from "./use-once.ts";

/** What `signIn` offers when this device has no passkey for the account. */
export type NextStep = "add_device" | "use_once";

/** Shows the two ways in for a device without a passkey for `username`. */
export function showNoCredential(username: string, next: readonly NextStep[]): void {
  const choice = (title: string, text: string, onclick: () => void) =>
    h("button", { type: "button", class: "choice", onclick }, h("strong", {}, title), h("span", {}, text));
  showScreen(
    "New device?",
    h("p", {}, "There is no passkey for ", h("strong", {}, username), " on this device."),
    h(
      "div",
      { class: "choices" },
      next.includes("use_once") &&
        choice(
          "Use this device once",
          "Sign in this time only. You approve it on a device where you are signed in.",
          () => void showUseOnce(username),
        ),
      next.includes("add_device") &&
        choice(
          "Add this device",
          "We email you a code; this device then gets its own passkey for next time.",
          () => void showAddDevice(username),
        ),
    ),
    h("button", { type: "button", class: "link", onclick: () => void showStart(username) }, "Use another email"),
  );
}
