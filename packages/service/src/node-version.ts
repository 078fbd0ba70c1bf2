/**
 * The oldest Node.js the service runs on: `node:sqlite` with the API the SQLite storage uses.
 * `package.json`'s `engines.node` says the same (`node-version.test.ts` keeps them equal).
 */
export const MINIMUM_NODE_VERSION = "24.0.0";

function parts(version: string): number[] {
  return version
    .replace(/^v/, "")
    .split(".")
    .map((part) => Number.parseInt(part, 10) || 0);
}

/**
 * Why this Node.js cannot run the service, in one line, or `undefined` when it can.
 *
 * @example
 * unsupportedNodeReason("20.11.0"); // "handoff-service needs Node.js 24.0.0 or newer; this is Node.js 20.11.0."
 */
export function unsupportedNodeReason(version: string): string | undefined {
  const have = parts(version);
  const need = parts(MINIMUM_NODE_VERSION);
  for (let index = 0; index < need.length; index++) {
    const difference = (have[index] ?? 0) - (need[index] ?? 0);
    if (difference > 0) return undefined;
    if (difference < 0) {
      return `handoff-service needs Node.js ${MINIMUM_NODE_VERSION} or newer; this is Node.js ${version.replace(/^v/, "")}.`;
    }
  }
  return undefined;
}
