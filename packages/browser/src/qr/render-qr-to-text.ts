import { layoutQr, type QrOptions } from "./qr-options.js";

/** Options of `renderQrToText`: those of the other renderers but `size`, and the terminal's colours. */
export interface TextQrOptions extends Omit<QrOptions, "size"> {
  /**
   * Whether the terminal draws dark text on a light background. The QR code is drawn with block
   * characters in the text colour for its light modules (and the background for its dark ones),
   * so on a light terminal it comes out inverted unless this is `true`. Default: `false` (light
   * text on a dark background, the usual terminal).
   */
  darkOnLight?: boolean | undefined;
}

/** The block for a top and a bottom module, `true` where the text colour is drawn. */
const BLOCKS = [" ", "▄", "▀", "█"] as const;

/**
 * Renders `text` as a QR code in text for a terminal: Unicode half blocks, two rows of modules
 * per line, the quiet zone included, one line per row pair joined by `\n` (no trailing newline).
 *
 * @throws {HandoffError} `invalid_argument` for empty text, text too long, or a bad option.
 *
 * @example
 * import { renderQrToText } from "@handoff/browser/qr";
 * console.log(renderQrToText(verificationUriComplete, { margin: 2 }));
 */
export function renderQrToText(text: string, options: TextQrOptions = {}): string {
  const { darkOnLight = false, ...qrOptions } = options;
  const { modules, margin, sideModules } = layoutQr(text, qrOptions);
  const dark = (row: number, col: number) => {
    const r = row - margin;
    const c = col - margin;
    return r >= 0 && c >= 0 && r < modules.size && c < modules.size && modules.data[r * modules.size + c] === 1;
  };
  // Drawn in the text colour: the dark modules on a light terminal, the light ones on a dark one.
  const drawn = (row: number, col: number) => row < sideModules && dark(row, col) === darkOnLight;
  const lines: string[] = [];
  for (let row = 0; row < sideModules; row += 2) {
    let line = "";
    for (let col = 0; col < sideModules; col++) {
      line += BLOCKS[(drawn(row, col) ? 2 : 0) + (drawn(row + 1, col) ? 1 : 0)];
    }
    lines.push(line);
  }
  return lines.join("\n");
}
