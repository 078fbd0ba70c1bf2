/// <reference path="./qrcode-core.d.ts" />
import { isHandoffError } from "@handoff/types";
import { create } from "qrcode/lib/core/qrcode.js";
import { describe, expect, it } from "vitest";
import { renderQr } from "./render-qr.js";

const link = "https://example.com/approve?code=BCDFGHJKLMNPQRST";

/** Rebuilds the module matrix from the SVG's dark path (`M x y h w v1 h -w z` runs). */
function darkModules(svg: string, side: number): boolean[][] {
  const grid = Array.from({ length: side }, () => Array<boolean>(side).fill(false));
  const dark = /<path fill="#000" d="([^"]*)"\/>/.exec(svg)?.[1] ?? "";
  for (const [, x, y, w] of dark.matchAll(/M(\d+) (\d+)h(\d+)v1h-\d+z/g)) {
    for (let i = 0; i < Number(w); i++) grid[Number(y)]![Number(x) + i] = true;
  }
  return grid;
}

function expectedModules(text: string, margin: number, level: "L" | "M" | "Q" | "H" = "M"): boolean[][] {
  const { modules } = create(text, { errorCorrectionLevel: level });
  const side = modules.size + 2 * margin;
  return Array.from({ length: side }, (_, y) =>
    Array.from({ length: side }, (_, x) => {
      const [row, col] = [y - margin, x - margin];
      return (
        row >= 0 && col >= 0 && row < modules.size && col < modules.size && modules.data[row * modules.size + col] === 1
      );
    }),
  );
}

describe("renderQr", () => {
  it("renders an SVG whose dark modules are exactly the encoder's, inside a 4-module quiet zone", () => {
    const svg = renderQr(link);
    const side = Number(/viewBox="0 0 (\d+) \1"/.exec(svg)?.[1]);
    expect((side - 8 - 17) % 4).toBe(0); // 17 + 4 × version modules, plus the margins
    expect(svg).toMatch(
      /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" viewBox="0 0 \d+ \d+" width="256" height="256" shape-rendering="crispEdges"/,
    );
    expect(svg).toContain('role="img"');
    expect(svg).toContain(`<path fill="#fff" d="M0 0h${side}v${side}H0z"/>`);
    expect(svg.endsWith("</svg>")).toBe(true);
    expect(darkModules(svg, side)).toEqual(expectedModules(link, 4));
  });

  it("draws the three finder patterns", () => {
    const svg = renderQr("hi", { margin: 0 });
    const side = Number(/viewBox="0 0 (\d+) \1"/.exec(svg)?.[1]);
    expect(side).toBe(21);
    const grid = darkModules(svg, side);
    const ring = [0, 1, 2, 3, 4, 5, 6];
    for (const [top, left] of [
      [0, 0],
      [0, side - 7],
      [side - 7, 0],
    ] as const) {
      for (const i of ring) {
        expect(grid[top]![left + i]).toBe(true);
        expect(grid[top + 6]![left + i]).toBe(true);
        expect(grid[top + i]![left]).toBe(true);
        expect(grid[top + 3]![left + 3]).toBe(true);
      }
      expect(grid[top + 1]![left + 1]).toBe(false);
    }
  });

  it("applies size, margin and error correction", () => {
    const svg = renderQr(link, { size: 240, margin: 2, errorCorrection: "H" });
    expect(svg).toContain('width="240" height="240"');
    const side = Number(/viewBox="0 0 (\d+) \1"/.exec(svg)?.[1]);
    expect(darkModules(svg, side)).toEqual(expectedModules(link, 2, "H"));
    expect(side).toBeGreaterThan(
      Number(/viewBox="0 0 (\d+) \1"/.exec(renderQr(link, { margin: 2, errorCorrection: "L" }))?.[1]),
    );
  });

  it("never puts the text into the SVG", () => {
    const svg = renderQr('"><script>alert(1)</script>');
    expect(svg).not.toContain("script");
    expect(svg).toMatch(/^<svg [^<]*><path fill="#fff" d="[^"]*"\/><path fill="#000" d="[MhvzZ\d -]*"\/><\/svg>$/);
  });

  it.each([
    ["empty text", "", {}],
    ["text too long", "x".repeat(3_000), {}],
    ["a zero size", link, { size: 0 }],
    ["a fractional margin", link, { margin: 1.5 }],
    ["a negative margin", link, { margin: -1 }],
    ["an unknown level", link, { errorCorrection: "X" }],
  ])("rejects %s with invalid_argument", (_name, text, options) => {
    let thrown: unknown;
    try {
      // @ts-expect-error -- deliberately malformed options, as from untyped callers
      renderQr(text, options);
    } catch (error) {
      thrown = error;
    }
    expect(isHandoffError(thrown) && thrown.code).toBe("invalid_argument");
  });
});
