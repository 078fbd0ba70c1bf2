// Add this device (seed 003, with a passkey as the new key): the backend emails an authorized
// add_credential code to the account's address; whoever can read that mail types it here and
// this device registers its own passkey.
import { api } from "../api.ts";
import { describeError, describeUserAgent } from "../messages.ts";
import { completeSignIn, handoff } from "../session.ts";
import { busy, h, setStatus, showScreen } from "../ui.ts";
import { showSignedIn } from "./signed-in.ts";
import { showStart } from "./start.ts";

/** Emails a code to `username`, then asks for it and registers a passkey on this device. */
export async function showAddDevice(username: string): Promise<void> {
  showScreen("Add this device", h("p", {}, "Sending you a code…"));
  try {
    await api.startAddDevice(username);
  } catch (error) {
    setStatus(describeError(error), "error");
    return showStart(username);
  }

  const input = h("input", {
    id: "security-code",
    name: "code",
    required: true,
    autocomplete: "one-time-code",
    autocapitalize: "none",
    spellcheck: "false",
    placeholder: "mouse132",
  });
  const form = h(
    "form",
    {},
    h("label", { for: "security-code" }, "Code from the email"),
    input,
    h(
      "div",
      { class: "actions" },
      h("button", { type: "submit", class: "primary" }, "Add this device"),
      h("button", { type: "button", onclick: () => void showStart(username) }, "Cancel"),
    ),
  );
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    if (!input.reportValidity()) return;
    void (async () => {
      setStatus("Creating a passkey on this device…");
      try {
        const session = await busy(form, () =>
          handoff().addDevice({
            username,
            code: input.value,
            codeType: "phrase",
            credentialName: describeUserAgent(navigator.userAgent),
          }),
        );
        await completeSignIn(session);
        setStatus("This device is added. Next time, sign in with its passkey.", "success");
        return showSignedIn(username);
      } catch (error) {
        setStatus(describeError(error), "error");
        input.focus();
        input.select();
      }
    })();
  });

  showScreen(
    "Add this device",
    h(
      "p",
      {},
      "If an account uses ",
      h("strong", {}, username),
      ", we emailed it a code like ",
      h("code", {}, "mouse132"),
      ". It works once, for 10 minutes.",
    ),
    form,
  );
  setStatus("Check your email for the code.");
  input.focus();
}
