import { HandoffError } from "@handoff/types/core/errors";
import type { QrOptions } from "./qr-options.js";
import { renderQr } from "./render-qr.js";
import { renderQrToCanvas } from "./render-qr-to-canvas.js";

/** What {@link renderCodeQr} encodes. */
export interface CodeQrOptions extends QrOptions {
  /** The page the scanning phone opens, e.g. `https://app.example.com/approve`. */
  url: string;
  /** The code the page approves; added to the link as a query parameter. */
  code: string;
  /** Name of that query parameter. Default: `"code"`. */
  param?: string;
}

/**
 * Renders the QR code of a hand-off link — `url` with the code as a query parameter — for the
 * signed-in phone to scan. Draws on a canvas, or fills any other element with an SVG.
 *
 * @param target A canvas (`HTMLCanvasElement`, `OffscreenCanvas`) or an element whose content is replaced.
 * @returns The link the QR code encodes (show it as text too, for people who cannot scan).
 * @throws {HandoffError} `invalid_argument` for a malformed `url`, an empty `code`, or a bad option.
 *
 * @example
 * import { renderCodeQr } from "@handoff/browser/qr";
 * const link = renderCodeQr(document.querySelector("#qr")!, { url: "https://app.example.com/approve", code, size: 240 });
 */
export function renderCodeQr(target: Element | OffscreenCanvas, options: CodeQrOptions): string {
  const { url, code, param = "code", ...qrOptions } = options;
  if (typeof code !== "string" || code.trim() === "")
    throw new HandoffError("invalid_argument", "code must be a non-empty string.");
  let link: URL;
  try {
    link = new URL(url);
  } catch (cause) {
    throw new HandoffError("invalid_argument", "url must be an absolute URL.", { cause });
  }
  if (link.protocol !== "https:" && link.protocol !== "http:") {
    throw new HandoffError("invalid_argument", "url must be an http(s) URL.");
  }
  link.searchParams.set(param, code);
  const text = link.href;
  const isCanvas =
    (typeof HTMLCanvasElement !== "undefined" && target instanceof HTMLCanvasElement) ||
    (typeof OffscreenCanvas !== "undefined" && target instanceof OffscreenCanvas);
  if (isCanvas) renderQrToCanvas(target as HTMLCanvasElement | OffscreenCanvas, text, qrOptions);
  else if (typeof Element !== "undefined" && target instanceof Element) target.innerHTML = renderQr(text, qrOptions);
  else throw new HandoffError("invalid_argument", "target must be a canvas or an element.");
  return text;
}
