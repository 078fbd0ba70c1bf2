import { HandoffError } from "@handoff/types/core/errors";
import { layoutQr, type QrOptions } from "./qr-options.js";

/**
 * Draws `text` as a QR code on a canvas, resizing it to `size` × `size` pixels: black modules on
 * white, each module's edges rounded to whole pixels so nothing blurs or leaves gaps.
 *
 * @param canvas An `HTMLCanvasElement` or `OffscreenCanvas`; its content is replaced.
 * @param text What the QR code encodes, e.g. a link to your approve page with the code.
 * @param options `size` in canvas pixels (default: 256), `margin` in modules (default: 4),
 * `errorCorrection` (default: `"M"`).
 * @throws {HandoffError} `invalid_argument` for empty text, text too long, a bad option, or a
 * canvas without a 2D context (e.g. one already used for WebGL).
 *
 * @example
 * import { renderQrToCanvas } from "@handoff/browser/qr";
 * const canvas = document.querySelector("canvas")!;
 * renderQrToCanvas(canvas, link, { size: 240 * devicePixelRatio });
 * canvas.style.width = canvas.style.height = "240px";
 */
export function renderQrToCanvas(
  canvas: HTMLCanvasElement | OffscreenCanvas,
  text: string,
  options: QrOptions = {},
): void {
  const { modules, margin, sideModules, size: requested } = layoutQr(text, options);
  const size = Math.round(requested);
  if (size < 1) throw new HandoffError("invalid_argument", "size must be at least 1 pixel.");
  const context = typeof canvas?.getContext === "function" ? canvas.getContext("2d") : null;
  if (!context) throw new HandoffError("invalid_argument", "canvas must be a canvas with a 2D context.");
  canvas.width = size;
  canvas.height = size;
  const scale = size / sideModules;
  const edge = (modulesFromOrigin: number) => Math.round(modulesFromOrigin * scale);
  context.fillStyle = "#fff";
  context.fillRect(0, 0, size, size);
  context.fillStyle = "#000";
  for (let row = 0; row < modules.size; row++) {
    const top = edge(row + margin);
    const height = edge(row + margin + 1) - top;
    for (let col = 0; col < modules.size; col++) {
      if (!modules.data[row * modules.size + col]) continue;
      const left = edge(col + margin);
      context.fillRect(left, top, edge(col + margin + 1) - left, height);
    }
  }
}
