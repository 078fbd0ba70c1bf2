// Tiny DOM helpers: build elements without innerHTML, swap screens, announce status.

type Child = Node | string | false | null | undefined;

/**
 * Creates an element with attributes (`on…` keys become listeners) and children. Text is always
 * set as text, never parsed as HTML.
 */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string | boolean | EventListener> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (typeof value === "function") element.addEventListener(name.slice(2).toLowerCase(), value);
    else if (value === true) element.setAttribute(name, "");
    else if (value !== false) element.setAttribute(name, value);
  }
  for (const child of children) if (child) element.append(child);
  return element;
}

/** The screen on display. */
export interface Screen {
  /** Aborted when another screen replaces this one: stop polling, abort waits. */
  readonly signal: AbortSignal;
  /** Replaces the content under the heading, staying on this screen. */
  update(...content: Child[]): void;
}

let current: AbortController | undefined;

/**
 * Replaces the current screen (aborting its `signal`), renders the new content under an `<h2>`
 * and moves focus to that heading, so screen readers announce the new screen. The status region
 * is cleared: a message belongs to the screen that set it (set the new one's after this call).
 */
export function showScreen(title: string, ...content: Child[]): Screen {
  current?.abort();
  clearStatus();
  const controller = new AbortController();
  current = controller;
  const root = document.getElementById("screen") as HTMLElement;
  const heading = h("h2", { tabindex: "-1", id: "screen-title" }, title);
  const body = h("div", {});
  const update = (...children: Child[]) => {
    body.replaceChildren(...children.filter((child): child is Node | string => Boolean(child)));
  };
  update(...content);
  root.replaceChildren(heading, body);
  heading.focus();
  return { signal: controller.signal, update };
}

/** Shows a message in the `aria-live` status region (`error` is styled and announced assertively). */
export function setStatus(message: string, kind: "info" | "error" | "success" = "info"): void {
  const status = document.getElementById("status") as HTMLElement;
  status.textContent = message;
  status.dataset.kind = kind;
  status.setAttribute("aria-live", kind === "error" ? "assertive" : "polite");
}

/** Clears the status region. */
export function clearStatus(): void {
  setStatus("");
}

/**
 * Disables a form's controls while `task` runs, so nothing is submitted twice, and shows a
 * Cancel button that aborts the signal handed to `task` (a passkey prompt with no authenticator
 * around would otherwise hold the form until the browser's own timeout). Leaving the screen
 * aborts it too. The SDK then rejects with `aborted`.
 */
export async function busy<T>(
  form: HTMLElement,
  task: (signal: AbortSignal) => Promise<T>,
  screenSignal?: AbortSignal,
): Promise<T> {
  const controls = [...form.querySelectorAll<HTMLButtonElement | HTMLInputElement>("button, input")];
  for (const control of controls) control.disabled = true;
  const controller = new AbortController();
  const cancel = h("button", { type: "button", class: "cancel", onclick: () => controller.abort() }, "Cancel");
  (form.querySelector(".actions") ?? form).append(cancel);
  form.setAttribute("aria-busy", "true");
  try {
    return await task(screenSignal ? AbortSignal.any([controller.signal, screenSignal]) : controller.signal);
  } finally {
    cancel.remove();
    for (const control of controls) control.disabled = false;
    form.removeAttribute("aria-busy");
  }
}
