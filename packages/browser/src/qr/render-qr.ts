import { layoutQr, type QrOptions } from "./qr-options.js";

/**
 * Renders `text` (a link or a code) as a QR code in an SVG string: black modules on a white
 * square, `shape-rendering="crispEdges"`, `role="img"`. Safe to put in `innerHTML`: the SVG
 * contains only numbers, never `text`.
 *
 * @param text What the QR code encodes, e.g. a link to your approve page with the code.
 * @param options `size` in pixels, the SVG's `width` and `height` (default: 256), `margin` in
 * modules (default: 4), `errorCorrection` (default: `"M"`).
 * @returns The `<svg>` element as a string.
 * @throws {HandoffError} `invalid_argument` for empty text, text too long, or a bad option.
 *
 * @example
 * import { renderQr } from "@handoff/browser/qr";
 * qrContainer.innerHTML = renderQr(`https://example.com/approve?code=${code}`, { size: 240 });
 */
export function renderQr(text: string, options?: QrOptions): string {
  const { modules, margin, sideModules, size } = layoutQr(text, options);
  let path = "";
  for (let row = 0; row < modules.size; row++) {
    let col = 0;
    while (col < modules.size) {
      if (!modules.data[row * modules.size + col]) {
        col++;
        continue;
      }
      const start = col;
      while (col < modules.size && modules.data[row * modules.size + col]) col++;
      path += `M${start + margin} ${row + margin}h${col - start}v1h${start - col}z`;
    }
  }
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${sideModules} ${sideModules}" width="${size}" height="${size}"` +
    ` shape-rendering="crispEdges" role="img" aria-label="QR code">` +
    `<path fill="#fff" d="M0 0h${sideModules}v${sideModules}H0z"/><path fill="#000" d="${path}"/></svg>`
  );
}
