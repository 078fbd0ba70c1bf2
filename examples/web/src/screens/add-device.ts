// Add this device (seed 003, with a passkey as the new key), and Create an account, which is the
// same step for an account the backend has just created: the backend has a code emailed to the
// account's address; whoever can read that mail types it here and this device registers its own
// passkey with `addDevice`.
import { api } from "../api.ts";
import { describeError, describeUserAgent } from "../messages.ts";
import { completeSignIn, handoff } from "../session.ts";
import { busy, h, setStatus, showScreen } from "../ui.ts";
import { showSignedIn } from "./signed-in.ts";
import { showStart } from "./start.ts";

/** Why this device gets a passkey: a device of an existing account, or a new account's first. */
export type PasskeyReason = "add_device" | "sign_up";

/** What differs between adding a device and creating an account. */
const WORDING = {
  add_device: {
    title: "Add this device",
    start: api.startAddDevice,
    intro: (username: string) => ["If an account uses ", h("strong", {}, username), ", we emailed it a code like "],
    button: "Add this device",
    done: "This device is added. Next time, sign in with its passkey.",
  },
  sign_up: {
    title: "Create your account",
    start: api.startSignUp,
    intro: (username: string) => ["To prove ", h("strong", {}, username), " is yours, we emailed it a code like "],
    button: "Create my passkey",
    done: "You are signed in. Next time, sign in on this device with its passkey.",
  },
} as const;

/** Emails a code to `username`, then asks for it and registers a passkey on this device. */
export async function showAddDevice(username: string, reason: PasskeyReason = "add_device"): Promise<void> {
  const wording = WORDING[reason];
  showScreen(wording.title, h("p", {}, "Sending you a code…"));
  try {
    await wording.start(username);
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
      h("button", { type: "submit", class: "primary" }, wording.button),
      h("button", { type: "button", onclick: () => void showStart(username) }, "Cancel"),
    ),
  );
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    if (!input.reportValidity()) return;
    void (async () => {
      setStatus("Creating a passkey on this device…");
      try {
        const session = await busy(form, (signal) =>
          handoff().addDevice({
            username,
            code: input.value,
            codeType: "phrase",
            credentialName: describeUserAgent(navigator.userAgent),
            signal,
          }),
        );
        showSignedIn(await completeSignIn(session));
        setStatus(wording.done, "success");
      } catch (error) {
        setStatus(describeError(error), "error");
        input.focus();
        input.select();
      }
    })();
  });

  showScreen(
    wording.title,
    h("p", {}, ...wording.intro(username), h("code", {}, "mouse132"), ". It works once, for 10 minutes."),
    form,
  );
  setStatus("Check your email for the code.");
  input.focus();
}
