/// <reference path="./qrcode-core.d.ts" />
import { isHandoffError } from "@handoff/types";
import { create } from "qrcode/lib/core/qrcode.js";
import { expect, it } from "vitest";
import { renderQr } from "./render-qr.js";
import { renderQrToCanvas } from "./render-qr-to-canvas.js";

const link = "https://example.com/approve?code=BCDFGHJKLMNPQRST";

it("draws the encoder's modules on a canvas, crisp black on white", () => {
  const canvas = document.createElement("canvas");
  document.body.append(canvas);
  renderQrToCanvas(canvas, link, { size: 300, margin: 4 });
  expect([canvas.width, canvas.height]).toEqual([300, 300]);

  const { modules } = create(link, { errorCorrectionLevel: "M" });
  const side = modules.size + 8;
  const pixels = canvas.getContext("2d")!.getImageData(0, 0, 300, 300).data;
  const at = (x: number, y: number) => Array.from(pixels.slice((y * 300 + x) * 4, (y * 300 + x) * 4 + 4));
  const colours = new Set<string>();
  for (let y = 0; y < 300; y += 7) for (let x = 0; x < 300; x += 7) colours.add(at(x, y).join());
  expect(colours).toEqual(new Set(["0,0,0,255", "255,255,255,255"])); // no blur, no grey

  // The centre of every module has the encoder's colour; the quiet zone is white.
  const scale = 300 / side;
  for (let row = -4; row < modules.size + 4; row++) {
    for (let col = -4; col < modules.size + 4; col++) {
      const inside = row >= 0 && col >= 0 && row < modules.size && col < modules.size;
      const dark = inside && modules.data[row * modules.size + col] === 1;
      const [r] = at(Math.floor((col + 4.5) * scale), Math.floor((row + 4.5) * scale));
      expect(r, `module ${row},${col}`).toBe(dark ? 0 : 255);
    }
  }
  canvas.remove();
});

it("defaults to 256 pixels and works on an OffscreenCanvas", () => {
  const canvas = new OffscreenCanvas(1, 1);
  renderQrToCanvas(canvas, "048213");
  expect([canvas.width, canvas.height]).toEqual([256, 256]);
});

it("rejects a canvas without a 2D context and empty text", () => {
  const gl = document.createElement("canvas");
  gl.getContext("webgl");
  const failures = [() => renderQrToCanvas(gl, link), () => renderQrToCanvas(document.createElement("canvas"), "")];
  for (const failure of failures) {
    let thrown: unknown;
    try {
      failure();
    } catch (error) {
      thrown = error;
    }
    expect(isHandoffError(thrown) && thrown.code).toBe("invalid_argument");
  }
});

it("renders an SVG the browser parses and lays out at the requested size", () => {
  const host = document.createElement("div");
  host.innerHTML = renderQr(link, { size: 200 });
  document.body.append(host);
  const svg = host.querySelector("svg")!;
  expect(svg.getBoundingClientRect().width).toBe(200);
  expect(svg.querySelectorAll("path")).toHaveLength(2);
  host.remove();
});

it("gives an SVG without a size 256 px, also in a flex row that would shrink it to nothing", () => {
  const host = document.createElement("div");
  host.style.display = "flex";
  host.innerHTML = renderQr(link);
  document.body.append(host);
  const { width, height } = host.querySelector("svg")!.getBoundingClientRect();
  expect([width, height]).toEqual([256, 256]);
  host.remove();
});
