/// <reference path="./qrcode-core.d.ts" />
import { isHandoffError } from "@handoff/types";
import { create } from "qrcode/lib/core/qrcode.js";
import { describe, expect, it } from "vitest";
import { renderQrToText } from "./render-qr-to-text.js";

const link = "https://app.example/device?user_code=BDWP-HQPK";

/** Reads the modules back from the half blocks: `true` where the text colour is drawn. */
function drawnModules(text: string): boolean[][] {
  const rows: boolean[][] = [];
  for (const line of text.split("\n")) {
    const top: boolean[] = [];
    const bottom: boolean[] = [];
    for (const block of line) {
      top.push(block === "▀" || block === "█");
      bottom.push(block === "▄" || block === "█");
    }
    rows.push(top, bottom);
  }
  return rows;
}

describe("renderQrToText", () => {
  it("draws every module, light ones in the text colour, with the quiet zone", () => {
    const margin = 2;
    const { modules } = create(link, { errorCorrectionLevel: "M" });
    const side = modules.size + 2 * margin;
    const text = renderQrToText(link, { margin });
    const lines = text.split("\n");
    expect(lines).toHaveLength(Math.ceil(side / 2));
    for (const line of lines) expect([...line]).toHaveLength(side);
    const drawn = drawnModules(text);
    for (let y = 0; y < side; y++) {
      for (let x = 0; x < side; x++) {
        const [row, col] = [y - margin, x - margin];
        const dark =
          row >= 0 &&
          col >= 0 &&
          row < modules.size &&
          col < modules.size &&
          modules.data[row * modules.size + col] === 1;
        expect(drawn[y]?.[x], `${x},${y}`).toBe(!dark);
      }
    }
  });

  it("inverts for dark text on a light terminal, and checks its arguments", () => {
    const light = drawnModules(renderQrToText(link, { darkOnLight: true, margin: 0 }));
    const dark = drawnModules(renderQrToText(link, { margin: 0 }));
    expect(light[0]?.[0]).toBe(true); // a finder pattern's dark corner, drawn
    expect(dark[0]?.[0]).toBe(false);
    for (const bad of [() => renderQrToText(""), () => renderQrToText(link, { margin: -1 })]) {
      expect(() => bad()).toThrow();
      try {
        bad();
      } catch (error) {
        expect(isHandoffError(error) && error.code).toBe("invalid_argument");
      }
    }
  });
});
