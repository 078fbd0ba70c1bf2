export type { QrOptions } from "./qr-options.js";
export { renderQr } from "./render-qr.js";
export { renderQrToCanvas } from "./render-qr-to-canvas.js";
