/// <reference path="./qrcode-core.d.ts" />
import { HandoffError } from "@handoff/types/core/errors";
import { create, type QrModules } from "qrcode/lib/core/qrcode.js";

/** Options of `renderQr` and `renderQrToCanvas`. */
export interface QrOptions {
  /**
   * Width and height in pixels. Default: {@link DEFAULT_QR_SIZE}. For SVG, the `width`/`height`
   * attributes (style it with CSS, e.g. `width: 100%; height: auto`, to fill a container instead;
   * the `viewBox` keeps it sharp at any size); for a canvas, its pixel size (multiply by
   * `devicePixelRatio` and set the CSS size yourself for sharp high-DPI rendering).
   */
  size?: number | undefined;
  /** Quiet zone around the symbol, in modules. Default: 4 (the minimum ISO/IEC 18004 asks for). */
  margin?: number | undefined;
  /**
   * Error correction level: `"L"` (7 %), `"M"` (15 %), `"Q"` (25 %) or `"H"` (30 %). Higher levels
   * survive damage and logos, at the cost of a denser symbol. Default: `"M"`.
   */
  errorCorrection?: "L" | "M" | "Q" | "H" | undefined;
}

/** Width and height of a QR code when `size` is not given, in pixels: big enough to scan from a screen. */
export const DEFAULT_QR_SIZE = 256;

/** An encoded symbol and how to lay it out. */
export interface QrLayout {
  /** The encoded symbol, without the quiet zone. */
  modules: QrModules;
  /** Quiet zone in modules. */
  margin: number;
  /** Modules per side including the quiet zone. */
  sideModules: number;
  /** Size in pixels: the one asked for, or {@link DEFAULT_QR_SIZE}. */
  size: number;
}

const LEVELS = ["L", "M", "Q", "H"];

function invalid(message: string, cause?: unknown): HandoffError {
  return new HandoffError("invalid_argument", message, cause === undefined ? {} : { cause });
}

/**
 * Checks the arguments and encodes `text`.
 *
 * @throws {HandoffError} `invalid_argument` for empty text, text too long for a QR code at that
 * error correction level (at most 2,953 bytes at `"L"`), or a bad option.
 */
export function layoutQr(text: string, options: QrOptions = {}): QrLayout {
  if (typeof text !== "string" || text.length === 0) throw invalid("text must be a non-empty string.");
  const { size = DEFAULT_QR_SIZE, margin = 4, errorCorrection = "M" } = options;
  if (typeof size !== "number" || !Number.isFinite(size) || size <= 0) {
    throw invalid("size must be a positive number of pixels.");
  }
  if (!Number.isInteger(margin) || margin < 0) throw invalid("margin must be a whole number of modules, 0 or more.");
  if (!LEVELS.includes(errorCorrection)) throw invalid('errorCorrection must be "L", "M", "Q" or "H".');
  let modules: QrModules;
  try {
    ({ modules } = create(text, { errorCorrectionLevel: errorCorrection }));
  } catch (cause) {
    throw invalid("text is too long for a QR code at this error correction level.", cause);
  }
  return { modules, margin, sideModules: modules.size + 2 * margin, size };
}
