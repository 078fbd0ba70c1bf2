/**
 * QR codes of a hand-off link or code, as an SVG string, drawn on a canvas, or as text for a terminal. A separate entry so
 * the QR encoder is bundled only by apps that import it.
 *
 * @packageDocumentation
 * @module @handoff/browser/qr
 */
export type { QrOptions } from "./qr-options.js";
export { DEFAULT_QR_SIZE } from "./qr-options.js";
export type { CodeQrOptions } from "./render-code-qr.js";
export { renderCodeQr } from "./render-code-qr.js";
export { renderQr } from "./render-qr.js";
export { renderQrToCanvas } from "./render-qr-to-canvas.js";
export type { TextQrOptions } from "./render-qr-to-text.js";
export { renderQrToText } from "./render-qr-to-text.js";
