// "No account uses this email": reached when signing in once for an email nobody registered.
// Offers creating the account (passkeys only) or typing another email.
import { h, showScreen } from "../ui.ts";
import { showAddDevice } from "./add-device.ts";
import { showStart } from "./start.ts";

/** Shows the ways on for an email with no account behind it. */
export function showNoAccount(username: string, canCreate: boolean): void {
  showScreen(
    "No account yet",
    h("p", {}, "No account uses ", h("strong", {}, username), "."),
    h(
      "div",
      { class: "actions" },
      canCreate &&
        h(
          "button",
          { type: "button", class: "primary", onclick: () => void showAddDevice(username, "sign_up") },
          "Create an account",
        ),
      h("button", { type: "button", onclick: () => void showStart(username) }, "Use another email"),
    ),
  );
}
