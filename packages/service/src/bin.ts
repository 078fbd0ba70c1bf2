import { unsupportedNodeReason } from "./node-version.js";

// Checked before the CLI is loaded: on an older Node.js, importing it fails on `node:sqlite`
// with an error that does not say which Node.js is needed.
const reason = unsupportedNodeReason(process.versions.node);
if (reason !== undefined) {
  console.error(reason);
  process.exitCode = 1;
} else {
  const { main } = await import("./cli.js");
  const code = await main(process.argv.slice(2));
  if (code !== 0) process.exitCode = code;
}
