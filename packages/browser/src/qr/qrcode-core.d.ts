/**
 * Types of the one module of `qrcode` the SDK uses: the encoder, without the package's renderers
 * and Node entry (pngjs, fs). `qrcode` has no `exports` map, so the deep path is public.
 */
declare module "qrcode/lib/core/qrcode.js" {
  /** The symbol: `size` × `size` modules, row by row, 1 for dark. */
  export interface QrModules {
    size: number;
    data: Uint8Array;
  }
  /** Encodes `text` (byte, alphanumeric, numeric or kanji segments, picked for the shortest symbol). */
  export function create(
    text: string,
    options?: { errorCorrectionLevel?: "L" | "M" | "Q" | "H" },
  ): { modules: QrModules; version: number };
}
