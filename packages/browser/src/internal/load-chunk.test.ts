import { isHandoffError } from "@handoff/types";
import { describe, expect, it } from "vitest";
import { loadChunk } from "./load-chunk.js";

describe("loadChunk", () => {
  it("returns the loaded module", async () => {
    const module = { run: () => 1 };
    await expect(loadChunk("passkeys", async () => module)).resolves.toBe(module);
  });

  it("turns a chunk that cannot be fetched into network_error, with the bundler's error as cause", async () => {
    const failure = new TypeError("Failed to fetch dynamically imported module: /assets/passkey-methods-1a2b.js");
    const error = await loadChunk("device-keys", () => Promise.reject(failure)).catch((caught: unknown) => caught);
    expect(isHandoffError(error)).toBe(true);
    expect(error).toMatchObject({ code: "network_error", cause: failure, details: { chunk: "device-keys" } });
  });
});
