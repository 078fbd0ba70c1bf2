import { HandoffError } from "@handoff/types/core/errors";

/**
 * Loads a lazily imported part of the SDK: `load` is a literal `import("./…")`, which bundlers
 * turn into a chunk the browser fetches on first use. A chunk that cannot be fetched (offline, or
 * a deploy removed the old chunk) rejects with `network_error` (`details.chunk` names the part,
 * the bundler's error is the `cause`) instead of the bundler's own error.
 */
export async function loadChunk<T>(chunk: "passkeys" | "device-keys", load: () => Promise<T>): Promise<T> {
  try {
    return await load();
  } catch (cause) {
    throw new HandoffError("network_error", `The ${chunk} code of @handoff/browser could not be loaded.`, {
      cause,
      details: { chunk },
    });
  }
}
