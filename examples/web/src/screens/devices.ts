// "Your devices": every passkey and device key of the account, with its name, type, when it was
// added and last used, this device marked; rename, remove (after a confirmation) and "add a
// passkey on this device". The browser's password manager is told which passkeys still count
// (WebAuthn Signal API, where the browser has it), so it stops offering removed ones.
import { api, type Device, type Me } from "../api.ts";
import { describeError, describeUserAgent } from "../messages.ts";
import { completeSignIn, handoff } from "../session.ts";
import { h, type Screen, setStatus, showScreen } from "../ui.ts";
import { showSignedIn } from "./signed-in.ts";
import { showStart } from "./start.ts";

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });
const when = (iso: string | null) => (iso === null ? "never" : dateFormat.format(new Date(iso)));

/** Shows the account's devices. */
export async function showDevices(me: Me): Promise<void> {
  const list = h("ul", { class: "devices" });
  const screen = showScreen(
    "Your devices",
    h("p", { class: "note" }, "The passkeys and device keys that can sign in as ", h("strong", {}, me.username), "."),
    list,
    h(
      "div",
      { class: "actions" },
      h(
        "button",
        { type: "button", id: "add-passkey", onclick: () => void addPasskey(screen) },
        "Add a passkey on this device",
      ),
      h("button", { type: "button", class: "link", onclick: () => showSignedIn(me) }, "Back"),
    ),
  );
  await refresh(me, list, screen);
}

/** Loads the list again and renders it. */
async function refresh(me: Me, list: HTMLElement, screen: Screen): Promise<void> {
  let devices: Device[];
  try {
    ({ devices } = await api.devices());
  } catch (error) {
    setStatus(describeError(error), "error");
    return;
  }
  if (screen.signal.aborted) return;
  list.replaceChildren(...devices.map((device) => render(me, device, list, screen)));
  // The password manager forgets passkeys of this account that are not in the list (no-op where unsupported).
  const passkeys = devices.filter((device) => device.type === "passkey").map((device) => device.id);
  void handoff()
    .signalAcceptedCredentials({ userId: me.userId, credentialIds: passkeys })
    .catch(() => {});
}

function render(me: Me, device: Device, list: HTMLElement, screen: Screen): HTMLElement {
  const item = h("li", { class: "device", "data-device-id": device.id });
  const show = () =>
    item.replaceChildren(
      h(
        "p",
        { class: "device-title" },
        h("strong", { class: "device-name" }, device.name),
        device.thisDevice && h("span", { class: "badge" }, "This device"),
      ),
      h(
        "dl",
        {},
        h("dt", {}, "Type"),
        h("dd", {}, device.type === "passkey" ? "Passkey" : "Device key"),
        device.deviceInfo && h("dt", {}, "Device"),
        device.deviceInfo && h("dd", {}, device.deviceInfo),
        h("dt", {}, "Added"),
        h("dd", {}, when(device.createdAt)),
        h("dt", {}, "Last used"),
        h("dd", {}, when(device.lastUsedAt)),
      ),
      h(
        "div",
        { class: "actions" },
        h("button", { type: "button", onclick: rename }, "Rename"),
        h("button", { type: "button", class: "danger", onclick: confirmRemove }, "Remove"),
      ),
    );
  const rename = () => {
    const input = h("input", { "aria-label": "New name", value: device.name, maxlength: "128", required: true });
    const form = h(
      "form",
      {},
      input,
      h(
        "div",
        { class: "actions" },
        h("button", { type: "submit", class: "primary" }, "Save"),
        h("button", { type: "button", onclick: show }, "Cancel"),
      ),
    );
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      if (!input.reportValidity()) return;
      void api.renameDevice(device.id, input.value).then(
        () => refresh(me, list, screen).then(() => setStatus(`Renamed to "${input.value.trim()}".`, "success")),
        (error: unknown) => setStatus(describeError(error), "error"),
      );
    });
    item.replaceChildren(form);
    input.select();
  };
  const confirmRemove = () => {
    item.replaceChildren(
      h(
        "p",
        { role: "alert" },
        `Remove "${device.name}"? `,
        device.thisDevice
          ? "This device will be signed out and can no longer sign in with it."
          : "It can no longer sign in.",
      ),
      h(
        "div",
        { class: "actions" },
        h("button", { type: "button", class: "danger", onclick: () => void remove() }, "Remove for good"),
        h("button", { type: "button", onclick: show }, "Keep it"),
      ),
    );
  };
  const remove = async () => {
    try {
      const { signedOut } = await api.removeDevice(device.id);
      if (signedOut) {
        await showStart(me.username);
        setStatus(`"${device.name}" was removed, and this device signed out.`);
        return;
      }
      await refresh(me, list, screen);
      setStatus(`"${device.name}" was removed. It can no longer sign in.`, "success");
    } catch (error) {
      show();
      setStatus(describeError(error), "error");
    }
  };
  show();
  return item;
}

/** A passkey for this device on the backend's word: no code, since the user is signed in. */
async function addPasskey(screen: Screen): Promise<void> {
  setStatus("Creating a passkey on this device…");
  try {
    const { options } = await api.startAddPasskey();
    const session = await handoff().completeAddPasskey({
      options,
      credentialName: describeUserAgent(navigator.userAgent),
      signal: screen.signal,
    });
    // The session is now this passkey's: the list marks it "This device".
    await showDevices(await completeSignIn(session));
    setStatus("This device has its own passkey now.", "success");
  } catch (error) {
    setStatus(describeError(error), "error");
  }
}
