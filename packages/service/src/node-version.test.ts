import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { MINIMUM_NODE_VERSION, unsupportedNodeReason } from "./node-version.js";

describe("unsupportedNodeReason", () => {
  it("names the Node.js needed and the one running, in one line", () => {
    expect(unsupportedNodeReason("20.11.0")).toBe(
      `handoff-service needs Node.js ${MINIMUM_NODE_VERSION} or newer; this is Node.js 20.11.0.`,
    );
    expect(unsupportedNodeReason("v22.12.0")).toContain("this is Node.js 22.12.0.");
  });

  it("accepts the minimum and anything newer", () => {
    expect(unsupportedNodeReason(MINIMUM_NODE_VERSION)).toBeUndefined();
    expect(unsupportedNodeReason("24.21.0")).toBeUndefined();
    expect(unsupportedNodeReason("25.0.0")).toBeUndefined();
  });

  it("is what package.json's engines.node says", () => {
    const manifest = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as {
      engines: { node: string };
    };
    expect(manifest.engines.node).toBe(`>=${MINIMUM_NODE_VERSION}`);
  });
});
