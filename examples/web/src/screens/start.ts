// The first screen: an email field. Sign in tries a passkey first (seed 000's advice: attempt
// the sign-in, and only on "no credential on this device" offer the other ways in).

import { describeError } from "../messages.ts";
import { completeSignIn, handoff } from "../session.ts";
import { busy, clearStatus, h, setStatus, showScreen } from "../ui.ts";
import { showAddDevice } from "./add-device.ts";
import { showNoCredential } from "./no-credential.ts";
import { showSignedIn } from "./signed-in.ts";
import { showUseOnce } from "./use-once.ts";

/** Shows the sign-in form, with the email filled in when coming back. */
export async function showStart(username = ""): Promise<void> {
  const { webauthn } = await handoff().detectWebAuthn();
  const input = h("input", {
    id: "username",
    name: "username",
    type: "email",
    required: true,
    autocomplete: webauthn ? "username webauthn" : "username",
    value: username,
  });
  const form = h(
    "form",
    {},
    h("label", { for: "username" }, "Email"),
    input,
    webauthn
      ? h(
          "div",
          { class: "actions" },
          h("button", { type: "submit", class: "primary" }, "Sign in"),
          h("button", { type: "button", onclick: () => void signUp() }, "Create an account"),
        )
      : h(
          "div",
          {},
          h(
            "p",
            { class: "note" },
            "This browser cannot use passkeys. You can still sign in here once, approved from a device where you are signed in.",
          ),
          h("button", { type: "submit", class: "primary" }, "Use this device once"),
        ),
  );

  const readUsername = (): string | undefined => {
    if (!input.reportValidity()) return undefined;
    return input.value.trim();
  };

  const signIn = async () => {
    const name = readUsername();
    if (!name) return;
    clearStatus();
    if (!webauthn) return showUseOnce(name);
    setStatus("Waiting for your passkey…");
    try {
      const result = await busy(form, (signal) => handoff().signIn({ username: name, signal }));
      clearStatus();
      if (result.status === "no_credential_on_device") return showNoCredential(name, result.next);
      return showSignedIn(await completeSignIn(result.session));
    } catch (error) {
      setStatus(describeError(error), "error");
    }
  };

  // Create an account: the backend creates it (verified: it vouches) and emails a code; typing
  // the code registers this device's passkey. A passkey sign-up (`handoff().signUp`) would leave
  // the account unverified, and adding a device later would revoke that first passkey.
  const signUp = () => {
    const name = readUsername();
    if (!name) return;
    clearStatus();
    return showAddDevice(name, "sign_up");
  };

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    void signIn();
  });
  showScreen(
    "Sign in",
    webauthn &&
      h(
        "p",
        {},
        "New here? Type your email and create an account: we email you a code, and this device keeps a passkey for it.",
      ),
    form,
  );
  if (!username) input.focus();
}
