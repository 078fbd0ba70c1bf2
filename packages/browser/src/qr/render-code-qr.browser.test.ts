import { isHandoffError } from "@handoff/types";
import { describe, expect, it } from "vitest";
import { renderCodeQr } from "./render-code-qr.js";
import { renderQr } from "./render-qr.js";

describe("renderCodeQr", () => {
  it("fills an element with the SVG of the hand-off link and returns the link", () => {
    const element = document.createElement("div");
    const link = renderCodeQr(element, {
      url: "https://app.example.com/approve?from=qr",
      code: "BCDF GHJK",
      size: 120,
    });
    expect(link).toBe("https://app.example.com/approve?from=qr&code=BCDF+GHJK");
    const expected = /fill="#000" d="([^"]+)"/.exec(renderQr(link, { size: 120 }))?.[1];
    expect(element.querySelector('path[fill="#000"]')?.getAttribute("d")).toBe(expected);
    expect(element.querySelector("svg")?.getAttribute("width")).toBe("120");
  });

  it("draws on a canvas, with a custom parameter name", () => {
    const canvas = document.createElement("canvas");
    const link = renderCodeQr(canvas, { url: "http://localhost:5173/a", code: "048213", param: "c", size: 100 });
    expect(link).toBe("http://localhost:5173/a?c=048213");
    expect(canvas.width).toBe(100);
    const pixel = canvas.getContext("2d")?.getImageData(0, 0, 1, 1).data;
    expect(Array.from(pixel ?? [])).toEqual([255, 255, 255, 255]);
  });

  it.each([
    [{ url: "not a url", code: "1" }],
    [{ url: "javascript:alert(1)", code: "1" }],
    [{ url: "https://a.example", code: " " }],
  ])("refuses %j with invalid_argument", (options) => {
    const error = (() => {
      try {
        renderCodeQr(document.createElement("div"), options);
      } catch (caught) {
        return caught;
      }
    })();
    expect(isHandoffError(error) && error.code).toBe("invalid_argument");
  });
});
